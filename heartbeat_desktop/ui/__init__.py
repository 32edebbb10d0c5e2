"""The Qt GUI. The only package that imports PySide6; it reaches the data through services."""

from __future__ import annotations

from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Run the application; reuses a QApplication that already exists (tests)."""
    from heartbeat_desktop.ui.application import run

    return run(list(argv) if argv is not None else None)
