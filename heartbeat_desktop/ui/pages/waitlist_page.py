"""The waitlist (ASAP list): patients waiting for an earlier slot, oldest first; added and removed here.

"Add…" opens a small form (patient picker, a doctor or any doctor of a
specialty, days, hours, minutes, note); "Remove" takes the selected patient
off the list (kept, marked removed, audited).  When a visit is cancelled or a
no-show frees a slot elsewhere, the matching patients are offered there
(:mod:`ui.dialogs.waitlist_offer`).  Other desks' changes come in live.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from heartbeat_desktop.schemas import DoctorRead
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.ui.alive import while_alive
from heartbeat_desktop.ui.dialogs.waitlist_entry import WaitlistEntryDialog
from heartbeat_desktop.ui.errors import show_error
from heartbeat_desktop.ui.models.waitlist import WaitlistModel
from heartbeat_desktop.ui.operations import Operation
from heartbeat_desktop.ui.pages.records_page import record_table
from heartbeat_desktop.ui.pages.table_page import TablePage
from heartbeat_desktop.ui.session import SessionHolder
from heartbeat_desktop.ui.widgets import named


class WaitlistPage(TablePage):
    shows = frozenset({"waitlist", "patient", "doctor"})

    def __init__(self, services: Heartbeat, session: SessionHolder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "waitlistPage", self.tr("Waitlist"))
        self.services, self.session = services, session
        self.model = WaitlistModel(services, session, services.ctx.zone, self)
        self.entry_dialog: WaitlistEntryDialog | None = None
        self.summary = named(QLabel(), "waitlistSummary", self.tr("Waitlist summary"))
        self.table = record_table(self.model, "waitlistTable", self.tr("Patients waiting for an earlier slot"))
        self.add_button = named(QPushButton(self.tr("&Add…")), "waitlistAddButton",
                                self.tr("Add a patient to the waitlist"))
        self.remove_button = named(QPushButton(self.tr("Re&move")), "waitlistRemoveButton",
                                   self.tr("Take the selected patient off the waitlist"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Waiting for an earlier slot, oldest first")))
        top.addStretch(1)
        top.addWidget(self.summary)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.open_add)
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        for signal in (self.model.modelReset, self.model.rowsInserted, self.model.rowsRemoved):
            signal.connect(self._selection_changed)
            signal.connect(self._show_summary)
        self.model.load_failed.connect(lambda exc: show_error(self, exc))
        refresh = QAction(self.tr("Refresh"), self)
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh.triggered.connect(self.refresh)
        self.addAction(refresh)
        self._selection_changed()

    # --- loading -----------------------------------------------------------------------------
    def refresh(self) -> None:
        self.model.reload()

    # --- acting ------------------------------------------------------------------------------
    def open_add(self) -> None:
        """The add form, once the doctors are known."""
        op = Operation(self.services.doctors.list_active, self.session.token)
        op.succeeded.connect(while_alive(self, self._show_add))
        op.failed.connect(while_alive(self, lambda exc: show_error(self, exc)))
        op.start()

    create_record = open_add  # Ctrl+N

    def _show_add(self, doctors: list[DoctorRead]) -> None:
        self.entry_dialog = WaitlistEntryDialog(self.services, self.session, doctors, self)
        self.entry_dialog.added.connect(lambda _entry: self.model.refresh_loaded())
        self.entry_dialog.open()

    def remove_selected(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        self.remove_button.setEnabled(False)
        op = Operation(self.services.waitlist.remove, self.session.token, entry.id, entry.version)
        op.succeeded.connect(while_alive(self, lambda _none: self.model.refresh_loaded()))
        op.failed.connect(while_alive(self, self._refused))
        op.start()

    def _refused(self, exc: BaseException) -> None:
        show_error(self, exc)
        self.model.refresh_loaded()
        self._selection_changed()

    def _selection_changed(self, *_args: Any) -> None:
        self.remove_button.setEnabled(self.selected() is not None)

    def _show_summary(self, *_args: Any) -> None:
        self.summary.setText(self.tr("%n waiting", "", self.model.rowCount()))
