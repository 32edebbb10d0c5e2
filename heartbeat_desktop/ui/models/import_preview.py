"""The import's preview: one row a row of the file, its verdict, and its values.

The verdict column says "OK", why the row is rejected, or that it may be a
patient already registered (or an earlier row); a possible duplicate carries a
tick, unticked at first: ticked, it is imported anyway.  Rows are the service's
:class:`ImportRow`\\ s, held in memory (a file is at most some ten thousand rows).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from heartbeat_desktop.schemas.patient_import import ImportRow
from heartbeat_desktop.ui.errors import translated

Index = QModelIndex | QPersistentModelIndex
REJECTED = QColor("#b00020")
DUPLICATE = QColor("#8a5a00")
RowRole = Qt.ItemDataRole.UserRole + 1  # the ImportRow


@dataclass(frozen=True)
class PreviewColumn:
    title: str  # source text; translated in the "columns" context
    value: Callable[[ImportRow], str]
    width: int = 120


def _field(name: str) -> Callable[[ImportRow], str]:
    return lambda row: row.values.get(name, "")


def verdict(row: ImportRow) -> str:
    if row.problems:
        return " ".join(translated(p) for p in row.problems)
    if row.duplicate_of:
        return QCoreApplication.translate("import", "Possible duplicate of {0}").format(
            "; ".join(translated(d) for d in row.duplicate_of))
    return QCoreApplication.translate("import", "OK")


class ImportPreviewModel(QAbstractTableModel):
    ROW, STATUS = 0, 1
    columns: ClassVar[tuple[PreviewColumn, ...]] = (
        PreviewColumn(QT_TRANSLATE_NOOP("columns", "Row"), lambda row: str(row.row), 50),
        PreviewColumn(QT_TRANSLATE_NOOP("columns", "Status"), verdict, 380),
        PreviewColumn(QT_TRANSLATE_NOOP("columns", "Last name"), _field("last_name")),
        PreviewColumn(QT_TRANSLATE_NOOP("columns", "First name"), _field("first_name")),
        PreviewColumn(QT_TRANSLATE_NOOP("columns", "Middle name"), _field("middle_name")),
        PreviewColumn(QT_TRANSLATE_NOOP("columns", "Birth date"), _field("birth_date"), 100),
        PreviewColumn(QT_TRANSLATE_NOOP("columns", "Sex"), _field("sex"), 70),
        PreviewColumn(QT_TRANSLATE_NOOP("columns", "Phone"), _field("phone")),
        PreviewColumn(QT_TRANSLATE_NOOP("columns", "E-mail"), _field("email")),
        PreviewColumn(QT_TRANSLATE_NOOP("columns", "Address"), _field("address"), 200),
        PreviewColumn(QT_TRANSLATE_NOOP("columns", "Notes"), _field("notes"), 200),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[ImportRow] = []
        self.ticked: set[int] = set()  # row numbers of the duplicates to import anyway

    def set_rows(self, rows: Sequence[ImportRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.ticked = set()
        self.endResetModel()

    def chosen_duplicates(self) -> set[int]:
        return set(self.ticked)

    def will_import(self) -> int:
        return sum(1 for r in self.rows if r.ok) + len(self.ticked)

    # --- QAbstractTableModel -------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.columns)):
            return QCoreApplication.translate("columns", self.columns[section].title)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.STATUS and self._tickable(index.row()):
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def _tickable(self, row: int) -> bool:
        r = self.rows[row]
        return not r.problems and bool(r.duplicate_of)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r, column = self.rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self.columns[column].value(r)
            return text.replace("; ", "\n") if role == Qt.ItemDataRole.ToolTipRole and text else text
        if role == Qt.ItemDataRole.CheckStateRole and column == self.STATUS and self._tickable(index.row()):
            return Qt.CheckState.Checked if r.row in self.ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS and not r.ok:
            return QBrush(REJECTED if r.problems else DUPLICATE)
        if role == RowRole:
            return r
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if (not index.isValid() or role != Qt.ItemDataRole.CheckStateRole or index.column() != self.STATUS
                or not self._tickable(index.row())):
            return False
        state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(value)
        number = self.rows[index.row()].row
        if state == Qt.CheckState.Checked:
            self.ticked.add(number)
        else:
            self.ticked.discard(number)
        self.dataChanged.emit(index, index, [role])
        return True
