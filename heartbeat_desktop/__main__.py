"""``python -m heartbeat_desktop`` is the same as the ``heartbeat-desktop`` command."""

import sys

from heartbeat_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
