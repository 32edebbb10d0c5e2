"""Appointments of the record selected on a page: the panel, and following the selection.

The doctors page lists the selected doctor's upcoming appointments; the
patient card lists the selected patient's upcoming visits and history.  Each
list is an :class:`AppointmentsPanel`: a titled box with a hint line and a
lazily loaded table, told which record to show.  :class:`SelectionFollower`
tells a page's panels when its selection changes, and keeps the selected
record selected (and its panels reloaded) across the page's refresh.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from heartbeat_desktop.schemas import AppointmentRead
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.services.permissions import Permission, allowed
from heartbeat_desktop.ui.errors import show_error
from heartbeat_desktop.ui.forms.appointment_form import open_appointment_form
from heartbeat_desktop.ui.models.record_appointments import RecordAppointmentsModel
from heartbeat_desktop.ui.models.record_table import Column
from heartbeat_desktop.ui.pages.records_page import RecordsPage, record_table
from heartbeat_desktop.ui.session import SessionHolder
from heartbeat_desktop.ui.widgets import named

# (record id, "now" as of the list's reload, offset, limit) -> appointments; runs off the GUI thread
AppointmentLoader = Callable[[int, datetime, int, int], Sequence[AppointmentRead]]


class AppointmentsPanel(QGroupBox):
    """One record's appointments: ``{name}Box`` holding ``{name}Hint`` and ``{name}Table``.

    The model's query is "<record id> <now>": "now" is fixed when the list is
    (re)loaded, so later pages continue the same list while time moves on.
    """

    activated = Signal(object)  # the AppointmentRead double-clicked

    def __init__(self, name: str, title: str, loader: AppointmentLoader, columns: tuple[Column, ...], *,
                 empty_hint: str, select_hint: str = "", parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        named(self, f"{name}Box", title)
        self.title_text, self.empty_hint, self.select_hint = title, empty_hint, select_hint
        self.record_id: int | None = None
        self._loader = loader
        self.model = RecordAppointmentsModel(self._load, columns, self)
        self.table = record_table(self.model, f"{name}Table", title)
        self.table.setWordWrap(False)  # a long name is elided; its cell's tooltip has it whole
        self.hint = named(QLabel(), f"{name}Hint")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)  # the table's place when hidden
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        self.model.load_failed.connect(lambda exc: show_error(self, exc))
        self.model.loading_changed.connect(self._update_hint)
        self.model.modelReset.connect(self._update_hint)
        self.table.doubleClicked.connect(lambda index: self.activated.emit(self.model.record(index.row())))
        self._update_hint()

    def show_record(self, record_id: int | None, label: str = "") -> None:
        """List ``record_id``'s appointments (None: nobody's); ``label`` names the record in the title."""
        self.setTitle(f"{self.title_text}: {label}" if label and record_id is not None else self.title_text)
        if record_id != self.record_id:
            self.record_id = record_id
            self.reload()

    def reload(self) -> None:
        """Load the list again from the first page, "now" being now."""
        if self.record_id is None:
            self.model.reload("")
        else:
            self.model.reload(f"{self.record_id} {datetime.now(UTC).isoformat()}")
        self._update_hint()

    def _load(self, query: str, offset: int, limit: int) -> Sequence[AppointmentRead]:
        if not query:
            return []
        record_id, now = query.split(" ", 1)
        return self._loader(int(record_id), datetime.fromisoformat(now), offset, limit)

    def _update_hint(self, *_args: Any) -> None:
        if self.record_id is None:
            text = self.select_hint
        elif self.model.is_loading and self.model.rowCount() == 0:
            text = self.tr("Loading…")
        elif self.model.rowCount() == 0:
            text = self.empty_hint
        else:
            text = ""
        self.hint.setText(text)
        self.hint.setVisible(bool(text))
        self.table.setVisible(self.record_id is not None and self.model.rowCount() > 0)


class SelectionFollower(QObject):
    """Calls ``show(record or None)`` whenever ``page``'s selection, or the selected record, changes.

    The page's ``refresh`` runs its reload through :meth:`refresh`: the
    selected record is selected again when the first page of the reloaded
    list contains it (its panels meanwhile keep showing it, reloaded by the
    page), and let go otherwise.
    """

    def __init__(self, page: RecordsPage, show: Callable[[Any | None], None]) -> None:
        super().__init__(page)
        self.page, self._show = page, show
        self._pending: int | None = None  # the id to select again once the list is back
        self._refreshing = False
        page.table.selectionModel().selectionChanged.connect(self._selection_changed)
        page.model.modelReset.connect(self._reset)
        page.model.dataChanged.connect(self._selection_changed)  # the record edited: shown afresh
        page.model.loading_changed.connect(self._loaded)

    def refresh(self, reload: Callable[[], None]) -> None:
        """Run ``reload`` (the page's own refresh), keeping the selection."""
        record = self.page.selected()
        self._pending = record.id if record is not None else None
        self._refreshing = True
        try:
            reload()
        finally:
            self._refreshing = False

    def _selection_changed(self, *_args: Any) -> None:
        record = self.page.selected()
        if record is not None or self._pending is None:
            self._pending = None
            self._show(record)

    def _reset(self) -> None:
        if not self._refreshing:  # a new search: what was selected is gone
            self._pending = None
        if self._pending is None:
            self._show(self.page.selected())

    def _loaded(self, loading: bool) -> None:
        if loading or self._pending is None:
            return
        pending, self._pending = self._pending, None
        self.page.select_id(pending)  # selects, and so shows, if the record is in the list
        if self.page.selected() is None:
            self._show(None)


def edit_appointment(parent: QWidget, services: Heartbeat, session: SessionHolder, record: AppointmentRead,
                     saved: Callable[[AppointmentRead], None]) -> None:
    """Open ``record``'s form over ``parent`` if the account may change bookings; ``saved`` after Save."""
    if allowed(session.user.role, Permission.BOOK_APPOINTMENTS):
        form = open_appointment_form(parent, services, session, record)
        form.saved.connect(saved)
