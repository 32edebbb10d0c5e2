"""Writing a table's rows as a CSV file a spreadsheet opens as it is.

UTF-8 with a byte-order mark, so that Excel on a Russian Windows reads
Cyrillic as Cyrillic instead of guessing the ANSI code page; comma-separated,
every field quoted when needed (Python's ``csv`` module).  Written to a
temporary file beside the target and renamed, so a failed export leaves no
half-written file under the chosen name.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

ENCODING = "utf-8-sig"


def write_csv(path: str | Path, headers: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    """Write ``headers`` then ``rows`` to ``path``; return how many rows were written."""
    target = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    count = 0
    try:
        with os.fdopen(handle, "w", encoding=ENCODING, newline="") as out:
            writer = csv.writer(out)
            writer.writerow(headers)
            for row in rows:
                writer.writerow(row)
                count += 1
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return count
