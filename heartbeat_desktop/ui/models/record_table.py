"""The tables' model: paged rows (:mod:`.paged_table`) kept up to date with other desks' saves.

:meth:`RecordTableModel.apply_changes` takes the change feed's ``Change``\\ s
(entity and id; no entity or no id: "anything").  A changed row that is
loaded is fetched alone (``row_loader``, in the background) and replaced in
place, or removed if it was deleted or no longer matches the list (a
deactivated record where only active ones are shown).  Anything else (a new
record, a row somewhere not yet fetched, SQLite's "something changed") loads
the loaded rows again, as many as are loaded, and applies only the difference
(:mod:`.row_sync`): rows that did not change keep their objects and their
place, so the view keeps its selection.  Around rows that come, go or move,
``rows_about_to_shift``/``rows_shifted`` let the view keep its scroll position
too (:class:`~heartbeat_desktop.ui.place_keeper.PlaceKeeper`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, ClassVar

from PySide6.QtCore import QModelIndex, Signal

from heartbeat_desktop.core.errors import NotFound
from heartbeat_desktop.schemas import Page
from heartbeat_desktop.services.changes import Change
from heartbeat_desktop.ui.models.paged_table import (
    LEFT,
    RIGHT,
    Column,
    Counter,
    IdRole,
    Index,
    Loader,
    PagedTableModel,
    RecordRole,
    SortIndicator,
    SortRole,
    takes_sort,
)
from heartbeat_desktop.ui.models.row_sync import Loaded, fetch_loaded, plan, spans
from heartbeat_desktop.ui.alive import while_alive
from heartbeat_desktop.ui.operations import Operation

__all__ = ["LEFT", "RIGHT", "Column", "Counter", "IdRole", "Index", "Loader", "RecordRole", "RecordTableModel",
           "RowLoader", "SortIndicator", "SortRole", "takes_sort"]

log = logging.getLogger(__name__)

# (query, id) -> the row as the loader lists it, or None if it no longer matches the query;
# raises NotFound if the record was deleted.  Runs off the GUI thread.
RowLoader = Callable[[str, int], Any]


class RecordTableModel(PagedTableModel):
    entity: ClassVar[str | None] = None  # what a row is, as the change feed names it ("patient")
    # other records a row shows: their entity -> the row's id of one (an appointment's patient)
    references: ClassVar[Mapping[str, Callable[[Any], Any]]] = {}
    max_row_fetches: ClassVar[int] = 20  # more changed rows than this: the loaded rows again, in one go

    rows_about_to_shift = Signal()  # a live update is about to insert, remove or move rows
    rows_shifted = Signal()  # ... and has: the view puts its place back

    def __init__(self, loader: Loader, counter: Counter | None = None, parent: Any = None, *,
                 row_loader: RowLoader | None = None) -> None:
        super().__init__(loader, counter, parent)
        self._row_loader = row_loader
        self._refreshing = False  # the loaded rows are being loaded again
        self._again = False  # ... and a change came meanwhile: once more when they are back

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return super().canFetchMore(parent) and not self._refreshing

    # --- live updates ---------------------------------------------------------------
    def apply_changes(self, changes: Iterable[Change]) -> None:
        """Other desks saved ``changes``: show them, leaving the rows not concerned alone."""
        if not self._started:
            return
        refetch: set[int] = set()
        for change in changes:
            if change.entity is None or change.id is None:
                return self.refresh_loaded()  # something changed, nobody says what
            if change.entity in self.references:
                shown = self.references[change.entity]
                if any(shown(row) == change.id for row in self._rows):
                    return self.refresh_loaded()  # a name these rows show, say
            elif change.entity == self.entity:
                if self._row_loader is None or self.row_of(change.id) < 0:
                    return self.refresh_loaded()  # new here, or somewhere not fetched yet
                refetch.add(change.id)
        if len(refetch) > self.max_row_fetches or (refetch and self._refreshing):
            return self.refresh_loaded()  # (what is loading may have been read before these changes)
        for record_id in refetch:
            self._refetch(record_id)

    def refresh_loaded(self) -> None:
        """Load again as many rows as are loaded (a short list: a page more), then apply the difference."""
        if not self._started:
            return
        if self._loading or self._refreshing:
            self._again = True  # what is loading may have been read before the change
            return
        self._refreshing, self._again = True, False
        generation = self._generation
        count = len(self._rows) + (self.page_size if self._exhausted else 0)
        op = Operation(fetch_loaded, self._loader, self._query, count, self.max_page_size, **self._sort_arguments())
        op.succeeded.connect(while_alive(self, lambda loaded: self._refreshed(generation, loaded)))
        op.failed.connect(while_alive(self, lambda exc: self._refresh_failed(generation, exc)))
        op.start()
        self._recount()

    # --- internals ----------------------------------------------------------------
    def _restart(self) -> None:
        self._refreshing = self._again = False  # whatever was on its way belongs to the old list
        super()._restart()

    def _append(self, generation: int, result: Sequence[Any] | Page[Any], limit: int) -> None:
        super()._append(generation, result, limit)
        if generation == self._generation and self._again:
            self.refresh_loaded()

    def _refetch(self, record_id: int) -> None:
        generation = self._generation
        op = Operation(self._fetch_row, self._query, record_id)
        op.succeeded.connect(while_alive(self, lambda row: self._row_fetched(generation, record_id, row)))
        op.failed.connect(while_alive(self, lambda exc: log.info("row %s not refreshed: %r", record_id, exc)))
        op.start()

    def _fetch_row(self, query: str, record_id: int) -> Any:
        """Runs off the GUI thread: the row, or None if it no longer belongs in this list."""
        assert self._row_loader is not None
        try:
            return self._row_loader(query, record_id)
        except NotFound:
            return None

    def _row_fetched(self, generation: int, record_id: int, row: Any) -> None:
        if generation != self._generation or self.row_of(record_id) < 0:
            return  # another list meanwhile, or the row already went
        if row is not None:
            self.replace(row)
            return
        self.rows_about_to_shift.emit()
        self.remove(record_id)
        self.rows_shifted.emit()
        self._recount()

    def _refreshed(self, generation: int, loaded: Loaded) -> None:
        if generation != self._generation:
            return
        self._refreshing = False
        self.rows_about_to_shift.emit()
        self._sync(loaded.rows)
        self._after, self._exhausted = loaded.after, loaded.exhausted
        self.rows_shifted.emit()
        if self._again:
            self.refresh_loaded()

    def _refresh_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self._refreshing = False
            log.info("loaded rows not refreshed: %r", exc)  # the next change, or F5, tries again

    def _sync(self, new_rows: list[Any]) -> None:
        """Turn the rows into ``new_rows``: remove, insert, then say which of the kept rows changed."""
        step = plan([row.id for row in self._rows], [row.id for row in new_rows])
        for first, last in reversed(step.removals):
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._rows[first:last + 1]
            self.endRemoveRows()
        for first, last in step.insertions:
            self.beginInsertRows(QModelIndex(), first, last)
            self._rows[first:first] = new_rows[first:last + 1]
            self.endInsertRows()
        changed = [i for i, (old, new) in enumerate(zip(self._rows, new_rows, strict=True))
                   if old is not new and old != new]
        for i in changed:
            self._rows[i] = new_rows[i]
        for first, last in spans(changed):
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.columns) - 1))
