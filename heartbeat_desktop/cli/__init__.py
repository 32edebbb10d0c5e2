"""The ``heartbeat-desktop`` command: the GUI, and the installer's maintenance commands.

Without a command it opens the GUI; ``db``, ``users create``, ``demo-data``,
``backup``, ``restore``, ``audit`` and ``export`` use the same services as the
GUI (see ``--help``).  Whatever
goes wrong, the person at the keyboard reads one line,
``heartbeat-desktop: error: <what happened>``, and the exit status is not 0;
the details of an unexpected error go to the log file in the log folder.  A
password is never taken from the command line and never printed.
"""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import platformdirs

from heartbeat_desktop import APP_SLUG
from heartbeat_desktop.cli.errors import CliError
from heartbeat_desktop.cli.gui import start_gui
from heartbeat_desktop.core.errors import HeartbeatError, ValidationFailed

LOG_FILE_NAME = f"{APP_SLUG}.log"
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 5
# field names in validation messages -> the option the user typed
OPTION_NAMES = {"username": "--username", "full_name": "--full-name", "role": "--role",
                "patients": "--patients", "doctors": "--doctors", "appointments": "--appointments",
                "days_back": "--days-back", "days_ahead": "--days-ahead", "seed": "--seed",
                "locale": "--locale", "first": "--from", "last": "--to", "doctor_id": "--doctor", "file": "FILE",
                "": "input"}
log = logging.getLogger(__name__)

# no arguments (how the desktop shortcut starts it): the window, without loading
# the commands' code (SQLAlchemy, pydantic) before the sign-in dialog shows
WINDOW_ONLY = argparse.Namespace(command=None, database_url=None, self_check=False)

__all__ = ["LOG_FILE_NAME", "main"]


def log_dir() -> Path:
    """As in the settings, but known even when the settings file is damaged."""
    return Path(os.environ.get("HEARTBEAT_LOG_DIR") or platformdirs.user_log_dir(APP_SLUG, False))


def start_logging() -> logging.Handler:
    """The details go to a rotating log file (1 MB x 5); nothing goes to the terminal."""
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        # backslashreplace: a path given as undecodable bytes (a lone surrogate) is logged, not a logging error
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            folder / LOG_FILE_NAME, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS,
            encoding="utf-8", delay=True, errors="backslashreplace")
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    logging.getLogger("heartbeat_desktop").setLevel(logging.INFO)
    logging.captureWarnings(True)
    return handler


def stop_logging(handler: logging.Handler) -> None:
    logging.getLogger().removeHandler(handler)
    handler.close()


def printable_output() -> None:
    """A file name that was not UTF-8 arrives as lone surrogates; echoed in a
    message it must print as escapes, not stop the command with UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):  # a stream that cannot change now: leave it
                pass


def fail(message: str, code: int = 1) -> int:
    print(f"{APP_SLUG}: error: {message}", file=sys.stderr)
    return code


def scrub(text: str, args: argparse.Namespace) -> str:
    """The message without the database password, whatever produced it."""
    url = getattr(args, "database_url", None) or os.environ.get("DATABASE_URL") or ""
    try:
        from sqlalchemy.engine import make_url  # noqa: PLC0415 - only when there is something to hide

        password = make_url(url).password if url else None
    except Exception:  # noqa: BLE001 - not a URL: nothing to hide
        password = None
    return text.replace(str(password), "***") if password else text


def run(args: argparse.Namespace, command: Callable[[argparse.Namespace], int]) -> int:
    try:
        return command(args)
    except KeyboardInterrupt:
        log.info("interrupted")
        return fail("interrupted.", 130)
    except ValidationFailed as exc:
        for field, message in exc.field_errors.items():
            fail(f"{OPTION_NAMES.get(field, field)}: {message}")
        return 1
    except CliError as exc:
        log.info("refused: %s", scrub(exc.message, args))
        return fail(scrub(exc.message, args), exc.code)
    except HeartbeatError as exc:
        log.info("refused: %s", scrub(str(exc), args), exc_info=exc.__cause__ is not None)
        return fail(scrub(str(exc), args))
    except OSError as exc:
        log.exception("file error")
        where = f": {exc.filename}" if exc.filename else ""
        return fail(scrub(f"{exc.strerror or exc}{where}.", args))
    except Exception as exc:  # noqa: BLE001 - the last line of defence: no traceback for the user
        log.exception("unexpected error")
        return fail(f"unexpected {type(exc).__name__}; the details are in {log_dir() / LOG_FILE_NAME}.")


def main(argv: Sequence[str] | None = None) -> int:
    """The console script; ``argv`` without the program name (default: ``sys.argv[1:]``)."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    printable_output()
    if not arguments:
        handler = start_logging()
        try:
            return run(WINDOW_ONLY, start_gui)
        finally:
            stop_logging(handler)
    from heartbeat_desktop.cli.parser import build_parser  # noqa: PLC0415 - the commands' code, when asked

    parser = build_parser()
    try:
        args = parser.parse_args(arguments)  # wrong arguments: usage and exit status 2
    except KeyboardInterrupt:
        return fail("interrupted.", 130)
    if args.self_check:  # before logging: the check writes nothing to the user's folders
        if args.command is not None or args.database_url:
            parser.error("--self-check takes no command and no database")
        from heartbeat_desktop.cli.self_check import self_check  # noqa: PLC0415 - only for the check

        return self_check()
    handler = start_logging()
    try:
        return run(args, start_gui if args.command is None else args.func)
    finally:
        stop_logging(handler)
