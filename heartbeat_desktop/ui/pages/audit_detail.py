"""Under the audit log: the selected entry, field by field, before and after side by side."""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from heartbeat_desktop.schemas import AuditRead
from heartbeat_desktop.ui.appointment_text import local
from heartbeat_desktop.ui.formatting import format_datetime
from heartbeat_desktop.ui.models.audit import ACTIONS, ENTITIES, label
from heartbeat_desktop.ui.models.audit_detail import AuditDetailModel
from heartbeat_desktop.ui.widgets import named


class AuditDetail(QWidget):
    """A heading (who did what to which record, when) over a read-only table of the changes."""

    def __init__(self, zone: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "auditDetail", self.tr("Selected entry"))
        self.zone = zone
        self.heading = named(QLabel(), "auditDetailHeading", self.tr("Selected entry"))
        self.heading.setWordWrap(True)
        self.model = AuditDetailModel(zone, self)
        self.table = named(QTableView(), "auditDetailTable", self.tr("Changes of the selected entry"),
                           self.tr("Each changed field with its value before and after"))
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)  # the log is read-only
        self.table.setTabKeyNavigation(False)  # Tab moves on to the buttons
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.model.modelReset.connect(self._fit_columns)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        self.show_entry(None)

    def show_entry(self, entry: AuditRead | None) -> None:
        self.model.show_entry(entry)
        if entry is None:
            self.heading.setText(self.tr("Select an entry to see what it changed."))
            return
        when = format_datetime(local(entry.at, self.zone))
        what = label(ACTIONS, entry.action)
        record = label(ENTITIES, entry.entity)
        if entry.entity_id is not None:
            record = f"{record} #{entry.entity_id}"
        heading = self.tr("{0}: {1}, {2}, by {3}").format(when, what, record, entry.username or self.tr("nobody"))
        if not self.model.rowCount():
            heading += " — " + self.tr("no field values recorded")
        self.heading.setText(heading)

    def _fit_columns(self) -> None:
        header = self.table.horizontalHeader()
        if self.model.columnCount():  # the field names narrow, the values share the rest
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.resizeRowsToContents()
