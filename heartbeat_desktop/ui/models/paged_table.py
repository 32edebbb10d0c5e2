"""The generic table model's paging: columns declared as data, rows fetched page by page.

(:class:`.record_table.RecordTableModel` adds live updates; tables use that.)
Subclasses only declare ``columns`` (Spine Toolbox's MinimalTableModel idea).
Rows are plain schemas cached in a list (Anki's browser model caches fetched
rows); ``canFetchMore``/``fetchMore`` ask the loader for the next page in a
background :class:`Operation`, so 100,000 patients open at once and the GUI
never waits on the database.  A loader returns a list (offset paging: the
next page starts at the number of rows held) or a :class:`Page`, whose
cursor the model passes back as ``after=`` for the next page (keyset paging,
for lists long enough that deep OFFSETs cost).  A result that arrives after the query changed
is dropped (each reset bumps a generation number).

Sorting happens in the database too: a column names the service's sort key
(``Column.sort_key``); :meth:`sort` keeps it and loads again from the first
page, the loader being called with ``order=`` and ``descending=``.  A model
sorts only if its loader takes those keywords (see :func:`takes_sort`).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from heartbeat_desktop.schemas import Page
from heartbeat_desktop.ui.formatting import format_value
from heartbeat_desktop.ui.alive import while_alive
from heartbeat_desktop.ui.operations import Operation

RecordRole = Qt.ItemDataRole.UserRole + 1  # the row's schema object
IdRole = Qt.ItemDataRole.UserRole + 2  # the row's database id
SortRole = Qt.ItemDataRole.UserRole + 3  # a value that sorts naturally (dates as dates)

Index = QModelIndex | QPersistentModelIndex
# (query, offset, limit) -> rows or a Page; a sortable loader also takes order=<key>,
# descending=<bool>; a loader that returns Pages takes after=<the last Page's cursor>
Loader = Callable[..., Sequence[Any]]
Counter = Callable[[str], int]
SortIndicator = tuple[int, Qt.SortOrder]

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Column:
    title: str  # source text; translated in the "columns" context
    value: Callable[[Any], object]
    align: Qt.AlignmentFlag = field(default=LEFT)
    width: int = 140
    sort_key: str | None = None  # the service's sort key for this column; None: not sortable


def takes_sort(loader: Callable[..., Any]) -> bool:
    """Whether ``loader`` accepts ``order=`` and ``descending=`` (or ``**kwargs``)."""
    try:
        params = inspect.signature(loader).parameters.values()
    except (TypeError, ValueError):
        return False
    return (any(p.kind is p.VAR_KEYWORD for p in params)
            or {"order", "descending"} <= {p.name for p in params})


class PagedTableModel(QAbstractTableModel):
    columns: ClassVar[tuple[Column, ...]] = ()
    page_size: ClassVar[int] = 200  # the first page: what a screen shows, at once
    # later pages grow with what is loaded (doubling), up to this: scrolling to the
    # end of 100,000 rows takes a few dozen queries, not 500 (OFFSET costs grow with depth)
    max_page_size: ClassVar[int] = 5000
    initial_sort: ClassVar[SortIndicator] = (0, Qt.SortOrder.AscendingOrder)  # the header's first indicator

    loading_changed = Signal(bool)
    count_changed = Signal(int)  # how many rows match the query
    load_failed = Signal(object)  # the exception, for the page to show

    def __init__(self, loader: Loader, counter: Counter | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._loader = loader
        self._counter = counter
        self._rows: list[Any] = []
        self._query = ""
        self._exhausted = True  # nothing to fetch until the first reload()
        self._after: tuple[Any, ...] | None = None  # a keyset loader's cursor for the next page
        self._loading = False
        self._generation = 0
        self._started = False  # reload() has been called: a new sort loads again
        self._sort_key: str | None = None  # None: the service's default order
        self._descending = False
        self._sort_indicator: SortIndicator = self.initial_sort

    # --- Qt's model interface -------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return format_value(column.value(row))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align)
        if role == RecordRole:
            return row
        if role == IdRole:
            return row.id
        if role == SortRole:
            return column.value(row)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate("columns", self.columns[section].title)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(self.columns[section].align)
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._set_loading(True)
        generation = self._generation
        limit = min(self.max_page_size, max(self.page_size, len(self._rows)))
        cursor = {} if self._after is None else {"after": self._after}
        op = Operation(self._loader, self._query, len(self._rows), limit, **cursor, **self._sort_arguments())
        op.succeeded.connect(while_alive(self, lambda rows: self._append(generation, rows, limit)))
        op.failed.connect(while_alive(self, lambda exc: self._failed(generation, exc)))
        op.start()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column`` in the database: from the first page again.

        A column without a sort key (or a loader that cannot sort) keeps the
        current order; the view puts its indicator back (``sort_indicator``).
        """
        key = self.columns[column].sort_key if 0 <= column < len(self.columns) else None
        if key is None or not self.sortable:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        self._sort_indicator = (column, order)
        if (key, descending) == (self._sort_key, self._descending):
            return  # another column with the same key ("Date", "Time"): the same rows
        self._sort_key, self._descending = key, descending
        if self._started:
            self._restart()

    # --- our interface ----------------------------------------------------------
    @property
    def sortable(self) -> bool:
        return takes_sort(self._loader) and any(c.sort_key for c in self.columns)

    @property
    def sort_indicator(self) -> SortIndicator:
        """The column and direction the rows are sorted by, for the header."""
        return self._sort_indicator

    def titles(self) -> list[str]:
        """The column headers as the table shows them (translated)."""
        return [self.headerData(i, Qt.Orientation.Horizontal) for i in range(len(self.columns))]

    def texts(self, row: Any) -> list[str]:
        """One record's cells as the table shows them (for a CSV file of what is listed)."""
        return [format_value(column.value(row)) for column in self.columns]

    @property
    def sort_key(self) -> str | None:
        return self._sort_key

    @property
    def query(self) -> str:
        return self._query

    @property
    def is_loading(self) -> bool:
        return self._loading

    def reload(self, query: str | None = None) -> None:
        """Start over (a new search, or F5): first page and the count, in the background."""
        if query is not None:
            self._query = query
        self._started = True
        self._restart()
        self._recount()

    def record(self, row: int) -> Any:
        return self._rows[row]

    def row_of(self, record_id: int) -> int:
        for i, row in enumerate(self._rows):
            if row.id == record_id:
                return i
        return -1

    def replace(self, record: Any) -> None:
        """Show an edited record in place, keeping selection and scroll."""
        row = self.row_of(record.id)
        if row >= 0:
            self._rows[row] = record
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))

    def remove(self, record_id: int) -> None:
        row = self.row_of(record_id)
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    # --- internals ----------------------------------------------------------------
    def _restart(self) -> None:
        """Drop the rows and fetch the first page; a page still loading is ignored."""
        self._generation += 1
        self.beginResetModel()
        self._rows = []
        self._after = None
        self._exhausted = False
        self._loading = False
        self.endResetModel()
        self.fetchMore()

    def _sort_arguments(self) -> dict[str, Any]:
        if self._sort_key is None:
            return {}  # the loader's default order; an unsortable loader is called as before
        return {"order": self._sort_key, "descending": self._descending}

    def _append(self, generation: int, result: Sequence[Any] | Page[Any], limit: int) -> None:
        if generation != self._generation:
            return  # the query changed while this page was loading
        if isinstance(result, Page):
            rows, self._after = list(result.rows), result.after
            exhausted = result.after is None
        else:
            rows = list(result)
            exhausted = len(rows) < limit
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self._exhausted = exhausted
        self._set_loading(False)

    def _recount(self) -> None:
        """How many rows match the query (``count_changed``), in the background."""
        if self._counter is not None:
            generation = self._generation
            op = Operation(self._counter, self._query)
            op.succeeded.connect(while_alive(
                self, lambda n: generation == self._generation and self.count_changed.emit(n)))
            op.failed.connect(while_alive(self, lambda exc: self._failed(generation, exc)))
            op.start()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._exhausted = True
        self._set_loading(False)
        self.load_failed.emit(exc)

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)
