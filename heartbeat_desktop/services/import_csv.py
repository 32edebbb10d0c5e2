"""A CSV file as people make them: Excel's (cp1251 with semicolons in Russia,
UTF-16 with tabs as "Unicode text"), LibreOffice's, an export of another program.

:func:`read_table` decodes the bytes (UTF-8 with or without its BOM, UTF-16
with its BOM, else Windows-1251, which is what Russian Excel writes), finds
the delimiter (comma, semicolon or tab: the one that splits the first rows
into the same number of columns, the most of them), and gives the header and
the rows.  :func:`write_rejected` writes rows back the same way, plus a
"reason" column, so the desk can fix them in the same program and import
them again.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
from dataclasses import dataclass
from pathlib import Path

from heartbeat_desktop.core.errors import Text, ValidationFailed
from heartbeat_desktop.schemas.patient_import import REASON_COLUMN

DELIMITERS = (";", ",", "\t")  # on a tie the first: Russian Excel's semicolon
SNIFF_ROWS = 20  # rows read to choose the delimiter
MAX_BYTES = 50_000_000  # 50 MB: some hundred thousand patients; more is not a clinic's list


@dataclass(frozen=True)
class CsvTable:
    encoding: str
    delimiter: str
    raw_header: tuple[str, ...]  # as the file has it (for the file of rejected rows)
    columns: tuple[str, ...]  # the header's names, each one unique and not empty
    rows: tuple[tuple[int, tuple[str, ...]], ...]  # (row number as a spreadsheet shows it, cells)


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding) of a file's bytes."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1251", errors="replace"), "cp1251"


def _records(text: str, delimiter: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def _score(text: str, delimiter: str) -> tuple[bool, int]:
    """(the first rows all split alike, how many columns the header gets)."""
    head = [r for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)][:SNIFF_ROWS]
    head = [r for r in head if any(cell.strip() for cell in r)]
    if not head:
        return False, 0
    width = len(head[0])
    return width > 1 and all(len(r) == width for r in head), width


def sniff_delimiter(text: str) -> str:
    sample = "\n".join(text.splitlines()[:SNIFF_ROWS])
    return max(DELIMITERS, key=lambda d: _score(sample, d))


def unique_columns(header: list[str]) -> tuple[str, ...]:
    """The header's names, stripped; an empty one "Column 3", a repeated one "Phone (2)"."""
    seen: dict[str, int] = {}
    names = []
    for number, cell in enumerate(header, 1):
        name = " ".join(cell.split()) or f"Column {number}"
        if name in seen:
            seen[name] += 1
            name = f"{name} ({seen[name]})"
        seen.setdefault(name, 1)
        names.append(name)
    return tuple(names)


def read_table(data: bytes) -> CsvTable:
    """The header and the non-blank rows of a CSV file; a file that is none says so."""
    if len(data) > MAX_BYTES:
        raise ValidationFailed({"file": Text("errors", "This file is too large to import (more than {0} MB).").format(
            MAX_BYTES // 1_000_000)})
    text, encoding = decode(data)
    if "\x00" in text:
        raise ValidationFailed({"file": Text("errors", "This is not a CSV file (it holds binary data). Save the table "
                                                       "from the spreadsheet as CSV and choose that file.")})
    delimiter = sniff_delimiter(text)
    try:
        records = _records(text, delimiter)
    except csv.Error as exc:
        raise ValidationFailed({"file": Text("errors", "This file cannot be read as CSV: {0}.").format(exc)}) from None
    numbered = [(number, r) for number, r in enumerate(records, 1) if any(cell.strip() for cell in r)]
    if not numbered:
        raise ValidationFailed({"file": Text("errors", "This file is empty.")})
    (_first, header), body = numbered[0], numbered[1:]
    columns = unique_columns(header)
    width = len(columns)
    rows = tuple((number, tuple(cell.strip() for cell in (r + [""] * width)[:width])) for number, r in body)
    return CsvTable(encoding, delimiter, tuple(header), columns, rows)


def rejected_path_for(source: Path) -> Path:
    """Beside the source: "patients-rejected.csv", or "-rejected-2" and on if that is taken."""
    candidate = source.with_name(f"{source.stem}-rejected.csv")
    number = 2
    while candidate.exists():
        candidate = source.with_name(f"{source.stem}-rejected-{number}.csv")
        number += 1
    return candidate


def write_rejected(path: Path, table: CsvTable, rows: list[tuple[tuple[str, ...], str]]) -> None:
    """The file's header plus "reason", then each row's cells plus its reason, in the
    file's own encoding and delimiter (UTF-8 with a BOM, so that Excel reads it right).
    Written whole or not at all: a temporary file renamed into place."""
    encoding = "utf-8-sig" if table.encoding.startswith("utf-8") else table.encoding
    temporary = path.with_name(f".{path.name}.tmp")
    with open(temporary, "w", encoding=encoding, errors="replace", newline="") as out:
        writer = csv.writer(out, delimiter=table.delimiter)
        writer.writerow([*table.raw_header, REASON_COLUMN])
        for cells, reason in rows:
            writer.writerow([*cells, reason])
    os.replace(temporary, path)
