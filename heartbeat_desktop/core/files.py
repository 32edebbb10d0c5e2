"""Files the application writes for the desk (exports): complete, or not there at all."""

from __future__ import annotations

import os
import tempfile
from contextlib import suppress
from pathlib import Path

from heartbeat_desktop.core.errors import HeartbeatError

NOT_WRITTEN = "The file could not be written to {0} ({1}). Choose a folder you may write to."


def write_atomically(path: str | os.PathLike[str], content: bytes) -> Path:
    """Write ``content`` to ``path`` in full or leave the place as it was: into a temporary file
    in the same folder, flushed to the disk, then renamed over ``path`` (one step on every
    system).  A file already there is replaced only by a complete new one."""
    target = Path(path)
    if target.is_dir():
        raise HeartbeatError(NOT_WRITTEN.format(target, "it is a folder"))
    temporary: str | None = None
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
        with os.fdopen(handle, "wb") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
        temporary = None
    except OSError as exc:
        raise HeartbeatError(NOT_WRITTEN.format(target, exc.strerror or exc)) from exc
    finally:
        if temporary is not None:
            with suppress(OSError):
                os.unlink(temporary)
    return target
