"""The administrator's audit log: read-only, newest first, filtered by entity, action and user.

Entity and action are filtered by the service.  It knows users only by id,
so the typed user text is matched against the accounts here: one account is
asked for directly; several are asked for each and merged newest first.
"""

from __future__ import annotations

import heapq

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QLabel, QWidget

from heartbeat_desktop.schemas import AuditRead, UserRead
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.ui.models.audit import ACTIONS, ENTITIES, AuditTableModel, label
from heartbeat_desktop.ui.models.users import matching_users
from heartbeat_desktop.ui.operations import Operation
from heartbeat_desktop.ui.pages.records_page import RecordsPage
from heartbeat_desktop.ui.session import SessionHolder
from heartbeat_desktop.ui.widgets import named


class AuditPage(RecordsPage):
    entity = "audit"
    plural = "audit"
    title = "Audit log"
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

    def search_hint(self) -> str:
        return self.tr("User name or full name")

    def refresh(self) -> None:
        self._filters = (self.entity_filter.currentData(), self.action_filter.currentData())
        super().refresh()
        op = Operation(self.services.users.list, self.session.token)
        op.succeeded.connect(lambda users: self._usernames.setStringList(sorted(u.username for u in users)))
        op.start()  # only the completer's list: a failure here is harmless

    def _combo(self, name: str, accessible: str, everything: str, words: dict[str, str]) -> QComboBox:
        combo = named(QComboBox(), name, accessible)
        combo.addItem(everything, None)
        for key in words:
            combo.addItem(label(words, key), key)
        combo.currentIndexChanged.connect(lambda _i: self.refresh())
        return combo

    # --- loading (in the background) --------------------------------------------------------
    def _page(self, query: str, offset: int, limit: int) -> list[AuditRead]:
        entity, action = self._filters
        token = self.session.token

        def fetch(user_id: int | None, first: int, count: int) -> list[AuditRead]:
            return self.services.audit.list(token, entity=entity, action=action, user_id=user_id,
                                            offset=first, limit=count)

        if not query.strip():
            return fetch(None, offset, limit)
        users = self._users_for(query)
        if len(users) == 1:
            return fetch(users[0].id, offset, limit)
        streams = [fetch(u.id, 0, offset + limit) for u in users]
        merged = heapq.merge(*streams, key=lambda e: (e.at, e.id), reverse=True)
        return list(merged)[offset:offset + limit]

    def _users_for(self, query: str) -> list[UserRead]:
        users = matching_users(self.services.users.list(self.session.token), query)
        exact = [u for u in users if u.username.casefold() == query.strip().casefold()]
        return exact or users
