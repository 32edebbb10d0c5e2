"""Opening the window: what the command does without arguments.

Only the standard library and Qt load before the sign-in dialog is on screen
(the services follow behind it), so this module imports nothing else.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys

from heartbeat_desktop import APP_SLUG
from heartbeat_desktop.cli.errors import CliError

log = logging.getLogger(__name__)


def start_gui(args: argparse.Namespace) -> int:
    if args.database_url:  # the GUI reads its settings from the environment
        os.environ["DATABASE_URL"] = args.database_url
    try:
        from heartbeat_desktop.ui import main as ui_main  # Qt is loaded only for the GUI
    except ImportError as exc:  # PySide6 or a system library Qt needs is missing
        log.exception("the GUI cannot be loaded")
        raise CliError(f"the window cannot open ({exc}); the commands still work, see --help.") from None
    program = sys.argv[0] if sys.argv and sys.argv[0] else APP_SLUG
    return int(ui_main([program]) or 0)
