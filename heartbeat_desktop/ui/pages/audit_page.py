"""The administrator's audit log: read-only, newest first, filtered by entity, action,
user and a date range; the selected entry's changes side by side underneath; the
filtered list exported as CSV; and "Verify the log", which re-digests the hash
chain (an entry changed or removed outside the application no longer matches).

Entity, action and dates are filtered by the service.  It knows users only by
id, so the typed user text is matched against the accounts here, and the
service asked for the entries of those accounts, sorted as the header says.
The dates are the clinic's days: "from" its first midnight, "to" up to the
midnight after it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QStringListModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)

from heartbeat_desktop.core.errors import HeartbeatError
from heartbeat_desktop.schemas import AuditCheck, AuditRead, UserRead
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.services.audit import AuditFilters
from heartbeat_desktop.services.changes import Change
from heartbeat_desktop.ui.alive import while_alive
from heartbeat_desktop.ui.csv_export import write_csv
from heartbeat_desktop.ui.errors import show_error
from heartbeat_desktop.ui.forms.date_field import DateField
from heartbeat_desktop.ui.models.audit import ACTIONS, ENTITIES, AuditTableModel, label
from heartbeat_desktop.ui.models.users import matching_users
from heartbeat_desktop.ui.operations import Operation
from heartbeat_desktop.ui.pages.audit_detail import AuditDetail
from heartbeat_desktop.ui.pages.records_page import RecordsPage
from heartbeat_desktop.ui.session import SessionHolder
from heartbeat_desktop.ui.widgets import error_label, named, show_message, tab_chain


class AuditPage(RecordsPage):
    shows = frozenset({"patient", "doctor", "appointment", "user"})  # each change adds an entry
    entity = "audit"
    plural = "audit"
    title = QT_TRANSLATE_NOOP("pages", "Audit log")
    can_create = can_edit = can_delete = False

    def __init__(self, services: Heartbeat, session: SessionHolder, parent: QWidget | None = None) -> None:
        self.services = services
        self.session = session
        self._filters = AuditFilters()  # entity, action and dates; the user is typed in the search box
        super().__init__(AuditTableModel(self._page, services.ctx.zone), parent)
        self.table.setWordWrap(False)  # one line a row; the detail underneath has all the changes
        self.entity_filter = self._combo("auditEntityFilter", self.tr("Entity"), self.tr("All records"), ENTITIES)
        self.action_filter = self._combo("auditActionFilter", self.tr("Action"), self.tr("All actions"), ACTIONS)
        self.from_date = self._date("auditFromDate", self.tr("From date"),
                                    self.tr("The first day shown; empty: from the beginning"))
        self.to_date = self._date("auditToDate", self.tr("To date"), self.tr("The last day shown; empty: up to now"))
        self.date_error = error_label("auditDateError")
        bar = (self._label(self.tr("&Show:"), self.entity_filter), self.entity_filter, self.action_filter,
               self._label(self.tr("Fro&m:"), self.from_date), self.from_date,
               self._label(self.tr("t&o:"), self.to_date), self.to_date,
               self._label(self.tr("&User:"), self.search))
        for i, widget in enumerate(bar):
            self.top_bar.insertWidget(i, widget)
        self.top_bar.addWidget(self.date_error)
        self._usernames = QStringListModel(self)
        completer = QCompleter(self._usernames, self.search)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search.setCompleter(completer)
        self.verify_button = named(QPushButton(self.tr("&Verify the log")), "verifyAuditButton",
                                   self.tr("Verify the log"),
                                   self.tr("Check that no entry was changed or removed outside the application"))
        self.verify_button.clicked.connect(self.verify)
        self.export_button = named(QPushButton(self.tr("E&xport CSV…")), "exportAuditButton",
                                   self.tr("Export CSV"),
                                   self.tr("Save the entries the filters show as a CSV file for a spreadsheet"))
        self.export_button.clicked.connect(self.export_csv)
        self.button_bar.addWidget(self.verify_button)
        self.button_bar.addWidget(self.export_button)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.detail.show_entry(self.selected()))
        self.model.modelReset.connect(lambda: self.detail.show_entry(self.selected()))
        self.model.dataChanged.connect(lambda *_: self.detail.show_entry(self.selected()))
        tab_chain(self.entity_filter, self.action_filter, self.from_date, self.to_date, self.search, self.table,
                  self.detail.table, self.verify_button, self.export_button)
        self.ask_csv_path = self._ask_csv_path  # a test answers for the admin
        self.verify_box: QMessageBox | None = None
        self.exported_box: QMessageBox | None = None

    def detail_panel(self) -> QWidget:
        self.detail = AuditDetail(self.services.ctx.zone)
        return self.detail

    # --- verify -------------------------------------------------------------------------------
    def verify(self) -> None:
        """Re-digest the whole log off the GUI thread, then say what was found."""
        self.verify_button.setEnabled(False)
        op = Operation(self.services.audit.verify, self.session.token)
        op.succeeded.connect(self._verified)
        op.failed.connect(while_alive(self, lambda exc: (self.verify_button.setEnabled(True), show_error(self, exc))))
        op.start()

    def _verified(self, check: AuditCheck) -> None:
        self.verify_button.setEnabled(True)
        box = self.verify_box = QMessageBox(self)
        box.setObjectName("auditCheckDialog")
        box.setWindowTitle(self.tr("Audit log"))
        if check.intact:
            box.setIcon(QMessageBox.Icon.Information)
            box.setText(self.tr("The audit log is intact: %n entries, each chained to the one before.", "",
                                check.entries))
        else:
            box.setIcon(QMessageBox.Icon.Warning)
            box.setText(self.tr("The audit log was changed outside the application. "
                                "Keep this computer as it is and tell whoever is responsible for data "
                                "protection."))
            box.setDetailedText("\n".join(check.problems))
        box.open()

    # --- export ---------------------------------------------------------------------------------
    def export_csv(self) -> None:
        """Every entry the filters find (not only the loaded ones), in the table's order, as CSV."""
        if not self._read_filters():
            return
        path = self.ask_csv_path()
        if not path:
            return
        self.export_button.setEnabled(False)
        op = Operation(self._export, path, self.search.text(), self._filters, self.model.sort_key,
                       self.model.sort_indicator[1] == Qt.SortOrder.DescendingOrder)
        op.succeeded.connect(while_alive(self, lambda count: self._exported(path, count)))
        op.failed.connect(self._export_failed)
        op.start()

    def _export(self, path: str, query: str, filters: AuditFilters, order: str | None, descending: bool) -> int:
        """Runs off the GUI thread: the service's rows, written as the table shows them."""
        if query.strip():
            filters = replace(filters, user_ids=[u.id for u in self._users_for(query)])
        rows = self.services.audit.export(self.session.token, filters, order=order, descending=descending)
        try:
            return write_csv(path, self.model.titles(), (self.model.texts(row) for row in rows))
        except OSError as exc:  # a folder gone, a full disk, a file open in Excel
            raise HeartbeatError(self.tr("The file could not be saved: {0}. Choose another place.").format(
                exc.strerror or exc)) from exc

    def _exported(self, path: str, count: int) -> None:
        self.export_button.setEnabled(True)
        box = self.exported_box = QMessageBox(QMessageBox.Icon.Information, self.tr("Audit log"),
                                              self.tr("%n entries saved to {0}.", "", count).format(path),
                                              QMessageBox.StandardButton.Ok, self)
        box.setObjectName("auditExportedDialog")
        box.open()

    def _export_failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        show_error(self, exc)

    def _ask_csv_path(self) -> str:
        suggested = f"audit-{date.today().isoformat()}.csv"
        path, _filter = QFileDialog.getSaveFileName(self.window(), self.tr("Export the audit log"), suggested,
                                                    self.tr("CSV files (*.csv)"))
        if path and not Path(path).suffix:
            path += ".csv"
        return path

    # --- filters ----------------------------------------------------------------------------------
    def search_hint(self) -> str:
        return self.tr("User name or full name")

    def refresh(self) -> None:
        if not self._read_filters():
            return
        super().refresh()
        op = Operation(self.services.users.list, self.session.token)
        op.succeeded.connect(while_alive(
            self, lambda users: self._usernames.setStringList(sorted(u.username for u in users))))
        op.start()  # only the completer's list: a failure here is harmless

    def _read_filters(self) -> bool:
        """The filters from the bar into ``_filters``; False (and a message) if a date is not one."""
        first, last = self.from_date.value(), self.to_date.value()
        if not (self.from_date.is_valid() and self.to_date.is_valid()):
            show_message(self.date_error, self.tr("Type a date like {0}.").format(self.from_date.placeholderText()))
            return False
        if first is not None and last is not None and first > last:
            show_message(self.date_error, self.tr("The first day is after the last."))
            return False
        show_message(self.date_error, "")
        since, until = self._bounds(first, last)
        self._filters = AuditFilters(entity=self.entity_filter.currentData(),
                                     action=self.action_filter.currentData(), since=since, until=until)
        return True

    def apply_changes(self, changes: frozenset[Change]) -> None:
        """Every change adds entries: the loaded ones again, the new ones among them."""
        self.model.refresh_loaded()

    def _combo(self, name: str, accessible: str, everything: str, words: dict[str, str]) -> QComboBox:
        combo = named(QComboBox(), name, accessible)
        combo.addItem(everything, None)
        for key in words:
            combo.addItem(label(words, key), key)
        combo.currentIndexChanged.connect(lambda _i: self.refresh())
        return combo

    def _date(self, name: str, accessible: str, description: str) -> DateField:
        field = named(DateField(), name, accessible, description)
        field.setClearButtonEnabled(True)
        field.editingFinished.connect(self._date_edited)
        field.textChanged.connect(lambda text: self.refresh() if not text else None)  # the clear button
        return field

    def _date_edited(self) -> None:
        wanted = (self.from_date.value(), self.to_date.value())
        if (self._filters.since, self._filters.until) != self._bounds(*wanted) or not self.date_error.isHidden():
            self.refresh()

    def _bounds(self, first: date | None, last: date | None) -> tuple[datetime | None, datetime | None]:
        zone = self.services.ctx.zone
        return (datetime.combine(first, time.min, tzinfo=zone) if first else None,
                datetime.combine(last + timedelta(days=1), time.min, tzinfo=zone) if last else None)

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        shown = QLabel(text)
        shown.setBuddy(buddy)  # Alt+the underlined letter goes to the field
        return shown

    # --- loading (in the background) --------------------------------------------------------
    def _page(self, query: str, offset: int, limit: int, order: str | None = None,
              descending: bool = False) -> list[AuditRead]:
        f = self._filters
        user_ids = [u.id for u in self._users_for(query)] if query.strip() else None
        return self.services.audit.list(self.session.token, entity=f.entity, action=f.action, user_ids=user_ids,
                                        since=f.since, until=f.until, order=order, descending=descending,
                                        offset=offset, limit=limit)

    def _users_for(self, query: str) -> list[UserRead]:
        users = matching_users(self.services.users.list(self.session.token), query)
        exact = [u for u in users if u.username.casefold() == query.strip().casefold()]
        return exact or users
