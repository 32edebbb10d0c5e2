"""Errors shown to a person: a plain sentence, details folded away, logged in full."""

from __future__ import annotations

import logging
import traceback

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from heartbeat_desktop.core.errors import (
    AuthenticationFailed,
    HeartbeatError,
    Text,
    ValidationFailed,
)

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


def translated(text: str) -> str:
    """A message from below the GUI in the interface's language.

    A :class:`Text` is looked up by its template and the same values are
    formatted into the translation (values that are themselves ``Text``, a
    status's name say, translated too); any other string is looked up whole in
    the "errors" context (a fixed sentence), and shown as it is when the
    catalogue does not have it.
    """
    if not isinstance(text, Text):
        return QCoreApplication.translate("errors", text) if text else text
    args = [translated(a) if isinstance(a, Text) else a for a in text.args]
    kwargs = {k: translated(v) if isinstance(v, Text) else v for k, v in text.kwargs.items()}
    try:
        return QCoreApplication.translate(text.context, text.template).format(*args, **kwargs)
    except (IndexError, KeyError, ValueError):  # a translation with other placeholders: the English
        log.warning("the translation of %r does not fit its values", text.template)
        return str(text)


def plain_message(exc: BaseException) -> str:
    if isinstance(exc, ValidationFailed) and exc.field_errors and exc.message == "; ".join(exc.field_errors.values()):
        return "; ".join(translated(message) for message in exc.field_errors.values())
    if isinstance(exc, HeartbeatError):
        return translated(exc.message)
    return QCoreApplication.translate("errors", "Something went wrong. Your work is kept; please try again. "
                      "If it keeps happening, show the details to your administrator.")


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> QMessageBox:
    """A non-blocking message box for ``exc``; unexpected errors are logged with their traceback."""
    if not isinstance(exc, HeartbeatError):
        log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    if isinstance(exc, AuthenticationFailed):
        session_refusals.refused.emit(plain_message(exc))
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
