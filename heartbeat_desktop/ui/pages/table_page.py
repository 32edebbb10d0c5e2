"""A page around one record table (the queue, the waitlist, the calls): what they share.

Other desks' changes reach the table at once if the page is on screen, or when
it is shown (:class:`MissedChanges`); the selected row's record; focus on the
table for Ctrl+F; selecting a record by id.  A subclass sets ``self.model`` and
``self.table`` in its ``__init__``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTableView, QWidget

from heartbeat_desktop.services.changes import Change
from heartbeat_desktop.ui.live_updates import MissedChanges
from heartbeat_desktop.ui.models.record_table import RecordTableModel


class TablePage(QWidget):
    model: RecordTableModel
    table: QTableView

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._missed = MissedChanges()

    def live_update(self, changes: frozenset[Change]) -> None:
        """Another desk saved: the rows concerned now, or when the page is shown."""
        self._missed.deliver(self, changes, self.model.apply_changes)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.catch_up(self._missed.take())

    def catch_up(self, missed: frozenset[Change]) -> None:
        """Shown again: what other desks saved while it was hidden (a page may do more)."""
        if missed:
            self.model.apply_changes(missed)

    def focus_search(self) -> None:
        self.table.setFocus()

    def selected(self) -> Any:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def select(self, record_id: int) -> None:
        row = self.model.row_of(record_id)
        if row >= 0:
            self.table.selectRow(row)
