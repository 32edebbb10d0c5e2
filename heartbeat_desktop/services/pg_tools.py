"""PostgreSQL's own backup tools, ``pg_dump`` and ``pg_restore``, run for the admin when installed.

A shared database is backed up in PostgreSQL's custom format, which only its
tools read and write.  The application runs them if they are on this computer
(on the PATH, or where Debian and the Windows installer put them) and
otherwise says the exact command to run on the server.  The password travels
in the ``PGPASSWORD`` environment variable of the child process only: never on
a command line, in a message or in the log.

A dump is written under a temporary name, checked by listing it back with
``pg_restore --list``, and only then given its name.  A restore reads the
archive's schema revision first (:func:`archive_revision`) and runs in one
transaction (``--single-transaction``): it lands whole or not at all.
"""

from __future__ import annotations

import glob
import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path

from sqlalchemy.engine import URL

from heartbeat_desktop.core.errors import HeartbeatError, Text

TIMEOUT_SECONDS = 3600  # a big clinic's dump over a slow network still finishes
_SEARCH = ("/usr/lib/postgresql/*/bin", "/usr/pgsql-*/bin", "C:/Program Files/PostgreSQL/*/bin",
           "/Applications/Postgres.app/Contents/Versions/*/bin", "/opt/homebrew/bin", "/usr/local/bin")
_COPY_REVISION = re.compile(r"^COPY \S*alembic_version \(version_num\) FROM stdin;\n([^\n]+)\n", re.MULTILINE)


class ToolFailed(HeartbeatError):
    """pg_dump or pg_restore ran and refused; the message carries its first complaint."""


def find(tool: str) -> str | None:
    """The path of ``tool`` on this computer, newest version first, or None."""
    found = shutil.which(tool)
    if found:
        return found
    for pattern in _SEARCH:
        for folder in sorted(glob.glob(pattern), key=_version_key, reverse=True):
            for name in (tool, f"{tool}.exe"):
                candidate = Path(folder) / name
                if candidate.is_file() and os.access(candidate, os.X_OK):
                    return str(candidate)
    return None


def _version_key(folder: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", folder)) or (0,)


def connection_args(url: URL) -> list[str]:
    args = [f"--host={url.host or 'localhost'}", f"--port={url.port or 5432}"]
    if url.username:
        args.append(f"--username={url.username}")
    return args


def dump_args(url: URL, target: Path) -> list[str]:
    return ["pg_dump", *connection_args(url), "--format=custom", f"--file={target}", url.database or "postgres"]


def restore_args(url: URL, source: Path) -> list[str]:
    return ["pg_restore", "--clean", "--if-exists", "--single-transaction", "--no-owner", "--no-privileges",
            *connection_args(url), f"--dbname={url.database or 'postgres'}", str(source)]


def shown(args: list[str]) -> str:
    """A command line as the admin would type it (never with a password)."""
    return " ".join(shlex.quote(a) for a in args)


def run(args: list[str], url: URL, *, tool_path: str | None = None) -> str:
    """Run a PostgreSQL tool; its standard output, or ToolFailed with what it said."""
    program = tool_path or find(args[0])
    if program is None:
        raise ToolFailed(Text("errors", "{0} is not installed on this computer.").format(args[0]))
    env = {**os.environ, "PGCONNECT_TIMEOUT": "10"}
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    try:
        done = subprocess.run([program, *args[1:]], capture_output=True, text=True, env=env,
                              timeout=TIMEOUT_SECONDS, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ToolFailed(Text("errors", "{0} could not be run: {1}").format(args[0], exc)) from None
    if done.returncode != 0:
        complaint = next((line for line in done.stderr.splitlines() if line.strip()), None) or Text(
            "errors", "no reason given")
        if url.password:
            complaint = complaint.replace(str(url.password), "***")
        raise ToolFailed(Text("errors", "{0} failed: {1}").format(
            args[0], complaint if isinstance(complaint, Text) else complaint.removeprefix(args[0] + ": ")))
    return done.stdout


def dump(url: URL, target: Path) -> int:
    """Write a verified custom-format dump of ``url``'s database to ``target``; its size in bytes."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    try:
        run(dump_args(url, partial), url)
        run(["pg_restore", "--list", str(partial)], url)  # reads the whole table of contents back
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target.stat().st_size


def archive_revision(url: URL, source: Path) -> str | None:
    """The Heartbeat schema revision stored in a custom-format dump (None: not a Heartbeat dump).

    ToolFailed if the file is not a pg_dump archive at all.
    """
    script = run(["pg_restore", "--data-only", "--table=alembic_version", "--file=-", str(source)], url)
    match = _COPY_REVISION.search(script)
    return match.group(1).strip() if match else None


def restore(url: URL, source: Path) -> None:
    """Replace the database's contents with the dump's, in one transaction."""
    run(restore_args(url, source), url)
