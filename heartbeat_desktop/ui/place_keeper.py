"""Keeping a table's place while another desk's change shifts its rows.

A row inserted or removed above the screen moves every row on it; a row that
changes its place leaves the selection.  :class:`PlaceKeeper` listens to the
model's ``rows_about_to_shift``/``rows_shifted``: before, it notes the rows
on screen (by id, with how far down each is drawn) and the selected one;
after, it scrolls so that the first of those rows still listed is drawn
where it was, and selects the selected record again if it moved.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QObject
from PySide6.QtWidgets import QAbstractItemView, QTableView

from heartbeat_desktop.ui.models.record_table import RecordTableModel

ROWS = QItemSelectionModel.SelectionFlag.Rows
SELECT = QItemSelectionModel.SelectionFlag.ClearAndSelect | ROWS


class PlaceKeeper(QObject):
    """Keeps ``table``'s scroll position and selection (by record id) across a live update."""

    def __init__(self, table: QTableView, model: RecordTableModel) -> None:
        super().__init__(table)
        self.table, self.model = table, model
        self._shown: list[tuple[int, int]] = []  # (id, y in the viewport) of the rows on screen, top down
        self._selected: int | None = None
        model.rows_about_to_shift.connect(self._note)
        model.rows_shifted.connect(self._restore)

    def _note(self) -> None:
        table, model = self.table, self.model
        self._shown = []
        top = table.rowAt(0)
        if top >= 0:
            bottom = table.rowAt(table.viewport().height() - 1)
            last = bottom if bottom >= 0 else model.rowCount() - 1
            self._shown = [(model.record(row).id, table.rowViewportPosition(row)) for row in range(top, last + 1)]
        rows = table.selectionModel().selectedRows()
        self._selected = model.record(rows[0].row()).id if rows else None

    def _restore(self) -> None:
        table, model = self.table, self.model
        if self._selected is not None and not table.selectionModel().selectedRows():
            row = model.row_of(self._selected)
            if row >= 0:  # it moved (taken out and put back): select it again, without scrolling
                index = model.index(row, 0)
                table.selectionModel().setCurrentIndex(index, SELECT)
        for record_id, y in self._shown:
            row = model.row_of(record_id)
            if row >= 0:
                self._scroll(row, y)
                break
        self._shown, self._selected = [], None

    def _scroll(self, row: int, y: int) -> None:
        """Scroll so that ``row`` is drawn ``y`` pixels down the viewport (as near as the bar allows)."""
        bar = self.table.verticalScrollBar()
        if self.table.verticalScrollMode() == QAbstractItemView.ScrollMode.ScrollPerPixel:
            bar.setValue(bar.value() + self.table.rowViewportPosition(row) - y)
        else:  # a step is a row: the top row is the bar's value
            bar.setValue(max(0, row - round(max(y, 0) / max(1, self.table.rowHeight(row)))))
