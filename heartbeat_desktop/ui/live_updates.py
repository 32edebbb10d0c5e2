"""Live refresh: what another desk saves shows here without pressing F5.

:class:`LiveUpdates` turns the services' change feed (PostgreSQL LISTEN, or
SQLite's data_version; its own thread) into one Qt signal on the GUI thread,
a burst of changes merged into one.  :func:`refresh_pages` refreshes the
visible page if it shows what changed (keeping its selection, as F5 does) and
marks hidden ones for when they are shown.  Nothing here waits on the
database: the pages reload in the background as always.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.services.changes import Change

MERGE_MS = 250  # changes this close together refresh once
ANYTHING = ""  # the entity of a change that cannot say what it was (SQLite)


class LiveUpdates(QObject):
    """``changed(frozenset of entities)`` whenever some desk committed; ``stop`` before closing."""

    changed = Signal(object)
    connection = Signal(bool)  # the feed's server connection dropped (False) or is back (True)
    _heard = Signal(object)  # emitted on the watcher's thread, received on the GUI's
    _connection_heard = Signal(bool)  # likewise

    def __init__(self, services: Heartbeat, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: set[str] = set()
        self._merge = QTimer(self)
        self._merge.setSingleShot(True)
        self._merge.setInterval(MERGE_MS)
        self._merge.timeout.connect(self._flush)
        self._heard.connect(self._collect)
        self._connection_heard.connect(self.connection)
        self._watcher = services.watch_changes(self._heard.emit, self._connection_heard.emit)

    def stop(self) -> None:
        self._watcher.stop()
        self._merge.stop()

    def _collect(self, change: Change) -> None:
        self._pending.add(change.entity or ANYTHING)
        if not self._merge.isActive():
            self._merge.start()

    def _flush(self) -> None:
        entities, self._pending = frozenset(self._pending), set()
        self.changed.emit(entities)


def concerns(page: QWidget, entities: frozenset[str]) -> bool:
    """Whether ``page`` shows any of ``entities`` (a page says so in its ``shows``)."""
    shows: frozenset[str] = getattr(page, "shows", frozenset())
    return bool(shows) and (ANYTHING in entities or bool(shows & entities))


def refresh_pages(pages: Iterable[QWidget], entities: frozenset[str], stale: set[QWidget]) -> None:
    """Refresh the visible pages that show ``entities``; add the hidden ones to ``stale``."""
    for page in pages:
        if not concerns(page, entities):
            continue
        if page.isVisible():
            page.refresh()  # type: ignore[attr-defined]
        else:
            stale.add(page)
