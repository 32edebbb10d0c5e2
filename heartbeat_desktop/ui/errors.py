"""Errors shown to a person: a plain sentence, details folded away, logged in full."""

from __future__ import annotations

import logging
import traceback

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from heartbeat_desktop.core.errors import AuthenticationFailed, HeartbeatError

log = logging.getLogger("heartbeat_desktop.ui")


class _SessionRefusals(QObject):
    """Where any screen's "your session is not valid" ends up: the main window
    locks on it, so the user signs in again instead of meeting the same error
    on every click (password changed at another desk, account deactivated)."""

    refused = Signal(str)


session_refusals = _SessionRefusals()


class _ConnectionFaults(QObject):
    """Where "the server is not answering" ends up, from any background call:
    the main window's banner shows it and retries (see
    :mod:`~heartbeat_desktop.ui.connection_monitor`), and says ``restored``
    when the server answers again, so that open forms can say "save again"."""

    lost = Signal(str)
    restored = Signal()


connection_faults = _ConnectionFaults()


def plain_message(exc: BaseException) -> str:
    if isinstance(exc, HeartbeatError):
        return str(exc)
    return QCoreApplication.translate("errors", "Something went wrong. Your work is kept; please try again. "
                      "If it keeps happening, show the details to your administrator.")


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> QMessageBox:
    """A non-blocking message box for ``exc``; unexpected errors are logged with their traceback."""
    if not isinstance(exc, HeartbeatError):
        log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    if isinstance(exc, AuthenticationFailed):
        session_refusals.refused.emit(str(exc))
    box = QMessageBox(parent)
    box.setObjectName("errorDialog")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title or QCoreApplication.translate("errors", "Heartbeat Desktop"))
    box.setText(plain_message(exc))
    if not isinstance(exc, HeartbeatError):
        box.setDetailedText("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.open()
    return box
