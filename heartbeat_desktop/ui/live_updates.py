"""Live refresh: what another desk saves shows here without pressing F5.

:class:`LiveUpdates` turns the services' change feed (PostgreSQL LISTEN, or
SQLite's data_version; its own thread) into one Qt signal on the GUI thread:
a burst of changes merged into one set of :class:`Change`\\ s (entity and id;
a change without an entity or an id, as SQLite's or a reconnection's, means
"anything").  :func:`refresh_pages` hands them to the pages that show what
changed: a page with ``live_update`` updates the rows concerned (now if it is
visible, when it is shown if not), keeping the reader's place; any other page
is refreshed if visible and marked stale if not.  Nothing here waits on the
database: the pages load in the background as always.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.services.changes import Change

MERGE_MS = 250  # changes this close together refresh once
ANYTHING = Change(None)  # a change that cannot say what it was (SQLite, a reconnection)
MAX_MISSED = 200  # changes a hidden page keeps for later; more: "anything" (it reloads what it holds)


class LiveUpdates(QObject):
    """``changed(frozenset of Change)`` whenever some desk committed; ``stop`` before closing."""

    changed = Signal(object)
    connection = Signal(bool)  # the feed's server connection dropped (False) or is back (True)
    _heard = Signal(object)  # emitted on the watcher's thread, received on the GUI's
    _connection_heard = Signal(bool)  # likewise

    def __init__(self, services: Heartbeat, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: set[Change] = set()
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
        # who made it does not matter here: one desk's and another's change to a row are one update
        self._pending.add(plain(change))
        if not self._merge.isActive():
            self._merge.start()

    def _flush(self) -> None:
        changes, self._pending = frozenset(self._pending), set()
        self.changed.emit(changes)


def plain(change: Change) -> Change:
    """``change`` without its origin; one without an entity or an id is :data:`ANYTHING`."""
    if change.entity is None or change.id is None:
        return ANYTHING
    return Change(change.entity, change.id)


def concerns(page: QWidget, changes: frozenset[Change]) -> bool:
    """Whether ``page`` shows any of ``changes`` (a page says which entities in its ``shows``)."""
    shows: frozenset[str] = getattr(page, "shows", frozenset())
    return bool(shows) and any(c.entity is None or c.entity in shows for c in changes)


def refresh_pages(pages: Iterable[QWidget], changes: frozenset[Change], stale: set[QWidget]) -> None:
    """Hand ``changes`` to the pages that show them (see the module's doc); add the others, hidden, to ``stale``."""
    for page in pages:
        if not concerns(page, changes):
            continue
        if hasattr(page, "live_update"):
            page.live_update(changes)
        elif page.isVisible():
            page.refresh()  # type: ignore[attr-defined]
        else:
            stale.add(page)


class MissedChanges:
    """What a hidden page was told, for when it is shown: a set that gives up past :data:`MAX_MISSED`."""

    def __init__(self) -> None:
        self._changes: set[Change] = set()

    def add(self, changes: Iterable[Change]) -> None:
        self._changes.update(changes)
        if len(self._changes) > MAX_MISSED:
            self._changes = {ANYTHING}

    def take(self) -> frozenset[Change]:
        changes, self._changes = frozenset(self._changes), set()
        return changes

    def deliver(self, page: QWidget, changes: frozenset[Change], apply: Callable[[frozenset[Change]], None]) -> None:
        """A page's ``live_update``: ``apply`` the changes now if ``page`` is on screen, else keep them."""
        if page.isVisible():
            apply(changes)
        else:
            self.add(changes)

    def catch_up(self, apply: Callable[[frozenset[Change]], None]) -> None:
        """A page's ``showEvent``: ``apply`` what it missed while hidden, if anything."""
        missed = self.take()
        if missed:
            apply(missed)
