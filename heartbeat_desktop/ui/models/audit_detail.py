"""One audit entry's changes, field by field: "field | before | after" for a change
(``{field: [old, new]}``), "field | value" for a created or deleted record's snapshot."""

from __future__ import annotations

from datetime import tzinfo
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from heartbeat_desktop.schemas import AuditRead
from heartbeat_desktop.ui.models.audit import PAIRED, plain_value

Index = QModelIndex

PAIR_TITLES = (QT_TRANSLATE_NOOP("audit", "Field"), QT_TRANSLATE_NOOP("audit", "Before"),
               QT_TRANSLATE_NOOP("audit", "After"))
SNAPSHOT_TITLES = (QT_TRANSLATE_NOOP("audit", "Field"), QT_TRANSLATE_NOOP("audit", "Value"))


def detail_rows(entry: AuditRead | None, zone: tzinfo | None = None) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """(column titles, rows of text) for ``entry``: paired actions side by side, snapshots in one column."""
    if entry is None:
        return SNAPSHOT_TITLES, []
    changes = entry.changes or {}
    paired = entry.action in PAIRED and all(isinstance(v, list) and len(v) == 2 for v in changes.values())
    rows: list[tuple[str, ...]] = []
    for field, value in changes.items():
        name = field.replace("_", " ")
        if paired:
            rows.append((name, plain_value(field, value[0], zone), plain_value(field, value[1], zone)))
        else:
            rows.append((name, plain_value(field, value, zone)))
    return (PAIR_TITLES if paired else SNAPSHOT_TITLES), rows


class AuditDetailModel(QAbstractTableModel):
    """Read-only: the selected entry's fields (:func:`detail_rows`)."""

    def __init__(self, zone: tzinfo | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.zone = zone
        self.entry: AuditRead | None = None
        self._titles: tuple[str, ...] = SNAPSHOT_TITLES
        self._rows: list[tuple[str, ...]] = []

    def show_entry(self, entry: AuditRead | None) -> None:
        self.beginResetModel()
        self.entry = entry
        self._titles, self._rows = detail_rows(entry, self.zone)
        self.endResetModel()

    @property
    def side_by_side(self) -> bool:
        return len(self._titles) == 3

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._titles)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows) or index.column() >= len(self._titles):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._rows[index.row()][index.column()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self._titles):
            return QCoreApplication.translate("audit", self._titles[section])
        return None
