"""The administrator's audit log: read-only, newest first, filtered by entity, action and user,
and "Verify the log", which re-digests the hash chain (an entry changed or removed
outside the application no longer matches).

Entity and action are filtered by the service.  It knows users only by id,
so the typed user text is matched against the accounts here, and the service
asked for the entries of those accounts, sorted as the header says.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QStringListModel, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QLabel, QMessageBox, QPushButton, QWidget

from heartbeat_desktop.schemas import AuditCheck, AuditRead, UserRead
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.services.changes import Change
from heartbeat_desktop.ui.errors import show_error
from heartbeat_desktop.ui.models.audit import ACTIONS, ENTITIES, AuditTableModel, label
from heartbeat_desktop.ui.models.users import matching_users
from heartbeat_desktop.ui.operations import Operation
from heartbeat_desktop.ui.pages.records_page import RecordsPage
from heartbeat_desktop.ui.session import SessionHolder
from heartbeat_desktop.ui.widgets import named


class AuditPage(RecordsPage):
    shows = frozenset({"patient", "doctor", "appointment", "user"})  # each change adds an entry
    entity = "audit"
    plural = "audit"
    title = QT_TRANSLATE_NOOP("pages", "Audit log")
    can_create = can_edit = can_delete = False

    def __init__(self, services: Heartbeat, session: SessionHolder, parent: QWidget | None = None) -> None:
        self.services = services
        self.session = session
        self._filters: tuple[str | None, str | None] = (None, None)  # entity, action
        super().__init__(AuditTableModel(self._page, services.ctx.zone), parent)
        self.table.setWordWrap(False)  # one line a row; the tooltip has all the changes
        self.entity_filter = self._combo("auditEntityFilter", self.tr("Entity"), self.tr("All records"), ENTITIES)
        self.action_filter = self._combo("auditActionFilter", self.tr("Action"), self.tr("All actions"), ACTIONS)
        for i, widget in enumerate((QLabel(self.tr("Show:")), self.entity_filter, self.action_filter,
                                    QLabel(self.tr("User:")))):
            self.top_bar.insertWidget(i, widget)
        self._usernames = QStringListModel(self)
        completer = QCompleter(self._usernames, self.search)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search.setCompleter(completer)
        self.verify_button = named(QPushButton(self.tr("&Verify the log")), "verifyAuditButton",
                                   self.tr("Check that no entry was changed or removed outside the application"))
        self.verify_button.clicked.connect(self.verify)
        self.button_bar.addWidget(self.verify_button)
        self.verify_box: QMessageBox | None = None

    def verify(self) -> None:
        """Re-digest the whole log off the GUI thread, then say what was found."""
        self.verify_button.setEnabled(False)
        op = Operation(self.services.audit.verify, self.session.token)
        op.succeeded.connect(self._verified)
        op.failed.connect(lambda exc: (self.verify_button.setEnabled(True), show_error(self, exc)))
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

    def search_hint(self) -> str:
        return self.tr("User name or full name")

    def refresh(self) -> None:
        self._filters = (self.entity_filter.currentData(), self.action_filter.currentData())
        super().refresh()
        op = Operation(self.services.users.list, self.session.token)
        op.succeeded.connect(lambda users: self._usernames.setStringList(sorted(u.username for u in users)))
        op.start()  # only the completer's list: a failure here is harmless

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

    # --- loading (in the background) --------------------------------------------------------
    def _page(self, query: str, offset: int, limit: int, order: str | None = None,
              descending: bool = False) -> list[AuditRead]:
        entity, action = self._filters
        user_ids = [u.id for u in self._users_for(query)] if query.strip() else None
        return self.services.audit.list(self.session.token, entity=entity, action=action, user_ids=user_ids,
                                        order=order, descending=descending, offset=offset, limit=limit)

    def _users_for(self, query: str) -> list[UserRead]:
        users = matching_users(self.services.users.list(self.session.token), query)
        exact = [u for u in users if u.username.casefold() == query.strip().casefold()]
        return exact or users
