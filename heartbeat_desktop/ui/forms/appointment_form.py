"""The appointment form: book or change a visit, with conflicts shown before Save.

While the patient, doctor, start or duration change, a debounced background
call to ``services.appointments.conflicts`` lists what would stop the booking
(doctor or patient busy, outside working hours, inactive, in the past) in the
``conflicts`` label; Save stays disabled until that check has come back clean.
The service still has the last word: a refusal at save time (another desk
booked the slot a moment ago) appears in ``formError``, the form stays open
with everything typed, and the conflicts are checked again.

A changed visit of a recurring series asks on Save whether the change is for
this visit only, this and the following, or the whole series (``ask_scope``,
replaceable); the latter two go to ``services.series.edit``, all or nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any, ClassVar

from PySide6.QtCore import QSignalBlocker, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from heartbeat_desktop.core.errors import BookingConflict
from heartbeat_desktop.core.vocabulary import Status
from heartbeat_desktop.schemas import (
    AppointmentCreate,
    AppointmentRead,
    AppointmentTypeRead,
    DoctorRead,
    PatientRead,
    Scope,
)
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.ui.alive import while_alive
from heartbeat_desktop.ui.appointment_text import local
from heartbeat_desktop.ui.dialogs.series import ask_scope
from heartbeat_desktop.ui.errors import plain_message
from heartbeat_desktop.ui.formatting import format_time
from heartbeat_desktop.ui.forms.form_dialog import FormDialog, text_or_none
from heartbeat_desktop.ui.forms.free_times import FreeTimes
from heartbeat_desktop.ui.forms.patient_picker import PatientPicker
from heartbeat_desktop.ui.forms.time_fields import DurationField, StartField
from heartbeat_desktop.ui.operations import Operation
from heartbeat_desktop.ui.session import SessionHolder
from heartbeat_desktop.ui.status_history_view import StatusHistoryView
from heartbeat_desktop.ui.widgets import colour_swatch as type_swatch
from heartbeat_desktop.ui.widgets import named, show_message, tab_chain

CHECK_DELAY_MS = 300
Key = tuple[Any, ...]


class AppointmentForm(FormDialog):
    form_name = "appointmentForm"
    schema = AppointmentCreate
    field_aliases: ClassVar[Mapping[str, str]] = {"patient_id": "patient", "doctor_id": "doctor", "ends_at": "duration", "": "duration"}

    def __init__(self, services: Heartbeat, session: SessionHolder, record: AppointmentRead | None = None,
                 parent: QWidget | None = None, *, doctors: list[DoctorRead] | None = None,
                 doctor_id: int | None = None, starts_at: datetime | None = None,
                 minutes: int | None = None) -> None:
        super().__init__(record, parent)
        self.services, self.session, self.zone = services, session, services.ctx.zone
        self._valid = False  # the fields pass the schema
        self._pending = False  # a conflicts check is due or running
        self._problems: list[str] = []
        self._checked: Key | None = None
        self._generation = 0
        self.ask_scope = ask_scope  # (parent, title, question) -> Scope | None; a test may answer instead
        self._scope = Scope.THIS  # which visits of a series the save reaches
        self._checker = QTimer(self)
        self._checker.setSingleShot(True)
        self._checker.setInterval(CHECK_DELAY_MS)
        self._checker.timeout.connect(self._check)
        self.setWindowTitle(self.tr("New appointment") if record is None else self.tr("Appointment"))
        self.patient = self.add_field("patient", self.tr("&Patient:"), PatientPicker(services, session))
        self.doctor = self.add_field("doctor", self.tr("&Doctor:"), QComboBox())
        self.doctor.setPlaceholderText(self.tr("Choose a doctor"))
        kinds = QComboBox()
        kinds.addItem(self.tr("—"), None)  # before the form listens to it
        self.visit_type = self.add_field("type_id", self.tr("T&ype:"), kinds,
                                         self.tr("The kind of visit; choosing one sets its usual length"))
        self.starts_at = self.add_field("starts_at", self.tr("Da&te and time:"), StartField())
        self.length = DurationField(self)
        self.duration = self.add_field("duration", self.tr("D&uration:"), self.length.combo)
        self.ends_label = named(QLabel(), "endsAt", self.tr("Ends at"))
        self._beside(self.duration, self.length.minutes, self.ends_label)
        self.reason = self.add_field("reason", self.tr("&Reason:"), QLineEdit())
        notes = QPlainTextEdit()
        notes.setTabChangesFocus(True)  # Tab moves on to the next field instead of typing a tab
        notes.setFixedHeight(60)
        self.notes = self.add_field("notes", self.tr("&Notes:"), notes)
        self.squeeze = named(QCheckBox(self.tr("S&queeze in over the other visit (emergency)")), "overbookCheck")
        self.squeeze_reason = named(QLineEdit(), "overbookReason", self.tr("Why this visit cannot wait"))
        self.squeeze_reason.setPlaceholderText(self.tr("Why it cannot wait (required)"))
        self.squeeze_reason.setMaxLength(300)
        self.squeeze_row = QWidget()
        row = QVBoxLayout(self.squeeze_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.squeeze)
        row.addWidget(self.squeeze_reason)
        self.squeeze_row.hide()  # shown to an account allowed to overbook, when the doctor is busy
        self.squeeze.toggled.connect(lambda _on: self._edited("overbook"))
        self.squeeze_reason.textChanged.connect(lambda _t: self._edited("overbook"))
        self.conflicts = named(QLabel(), "conflicts", self.tr("Conflicts"))
        self.conflicts.setWordWrap(True)
        self.conflicts.setStyleSheet("color: #8a4b00; background: #fff4e0; border: 1px solid #e0a040; padding: 4px;")
        self.conflicts.hide()
        self.layout().insertWidget(1, self.conflicts)
        self.layout().insertWidget(2, self.squeeze_row)
        self.free_times = FreeTimes(self)  # the next free times, when the chosen one is taken
        self.free_times.chosen.connect(self.starts_at.set_value)
        self.layout().insertWidget(3, self.free_times)
        self.find_button = named(QPushButton(self.tr("F&ind slot")), "findSlotButton",
                                 self.tr("The doctor's next free times from this date"))
        self.find_button.clicked.connect(self.find_slots)
        self.repeat_button = named(QPushButton(self.tr("&Repeat…")), "repeatButton",
                                   self.tr("Book this visit as a recurring series"))
        self.repeat_button.clicked.connect(self.open_series)
        self.repeat_button.setVisible(record is None)  # a new booking only
        self._beside(self.starts_at, self.find_button, self.repeat_button)
        tab_chain(self.starts_at.time, self.find_button, self.repeat_button, self.duration)  # as they read
        self.length.minutes.valueChanged.connect(lambda _v: self._edited("duration"))
        self.patient.patient_changed.connect(lambda _id: self._edited("patient"))
        self._wanted_doctor = record.doctor_id if record else doctor_id
        self.types: dict[int, AppointmentTypeRead] = {}
        if record is None:
            self.starts_at.set_value(starts_at or self._next_quarter())
            if minutes is not None:
                self.length.set_value(timedelta(minutes=minutes))
        self._original: Key | None = None
        if record is not None:
            self._original = (record.patient_id, record.doctor_id, local(record.starts_at, self.zone),
                              local(record.ends_at, self.zone), None)
        if doctors is not None:
            self._fill_doctors(doctors)
        else:
            self._in_background(services.doctors.list_active, self._fill_doctors)
        self._in_background(services.appointment_types.list, self._fill_types)
        self.visit_type.activated.connect(self._type_chosen)
        self.finish()
        if record is not None:
            self.history = StatusHistoryView(services, session, self)
            self.layout().insertWidget(self.layout().count() - 1, self.history)
            self.history.show_for(record.id)
            self._lock_if_completed(record)
            self._in_background(services.patients.get, self._refine_patient, record.patient_id)

    # --- FormDialog hooks -----------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        start = self.starts_at.value()
        return {
            "patient_id": self.patient.patient_id,
            "doctor_id": self.doctor.currentData(),
            "starts_at": start,
            "ends_at": start + self.length.value(),
            "reason": text_or_none(self.reason),
            "notes": text_or_none(self.notes),
            "type_id": self.visit_type.currentData(),
            "overbook_reason": (self.squeeze_reason.text().strip() or None) if self.squeeze.isChecked() else None,
        }

    def load(self, record: AppointmentRead) -> None:
        self.patient.set_patient(record.patient_id, record.patient_name)
        start = local(record.starts_at, self.zone)
        self.starts_at.set_value(start)
        self.length.set_value(local(record.ends_at, self.zone) - start)
        self.reason.setText(record.reason or "")
        self.notes.setPlainText(record.notes or "")

    def extra_problems(self, values: Mapping[str, Any]) -> dict[str, str]:
        problems = {}
        if values["patient_id"] is None:
            problems["patient"] = self.tr("Type part of the name and choose the patient from the list.")
        if values["doctor_id"] is None:
            problems["doctor"] = self.tr("Choose a doctor.")
        return problems

    def save_call(self, values: Mapping[str, Any]) -> AppointmentRead:
        token = self.session.token
        if self.record is None:
            return self.services.appointments.create(token, values)
        if self._scope is Scope.THIS:
            return self.services.appointments.update(token, self.record.id, {**values, "version": self.record.version})
        edited = self.services.series.edit(token, self.record.id, self._scope, values, self.record.version)
        return next(a for a in edited if a.id == self.record.id)

    def validate(self) -> dict[str, str]:
        problems = super().validate()
        self._valid = not problems
        start = self.starts_at.value()
        self.ends_label.setText(self.tr("ends at {0}").format(format_time(start + self.length.value())))
        key = self._key() if self._valid else None
        if key != self._checked:
            self._checked = key
            self._generation += 1  # a result for the old values is no longer wanted
            self._checker.stop()
            self._pending = key is not None and self._needs_check(key)
            if self._pending:
                self._checker.start()
            else:
                self._show_conflicts([])
        self._update_save()
        return problems

    def submit(self) -> None:
        if self._pending or self._problems:
            return
        self._scope = Scope.THIS
        if self._valid and not self._busy and self._series_changed():
            scope = self.ask_scope(self, self.tr("Change a recurring visit"),
                                   self.tr("This visit is one of a series. Change which visits?"))
            if scope is None:
                return  # the desk changed its mind: nothing saved, the form stays as it is
            if scope is not Scope.THIS and self.values()["overbook_reason"]:
                show_message(self.form_error, self.tr("Squeezing in over another visit is for one visit only: "
                                                      "choose “Only this visit”, or untick squeezing in."))
                return
            self._scope = scope
        super().submit()

    def _series_changed(self) -> bool:
        """A scheduled visit of a series, with something changed here: the change may reach its other visits."""
        r = self.record
        if r is None or r.series_id is None or r.status is not Status.SCHEDULED:
            return False
        v = self.values()
        return (v["patient_id"], v["doctor_id"], v["starts_at"], v["ends_at"], v["reason"], v["notes"],
                v["type_id"]) != (r.patient_id, r.doctor_id, local(r.starts_at, self.zone),
                                  local(r.ends_at, self.zone), r.reason, r.notes, r.type_id)

    def _set_busy(self, busy: bool) -> None:
        super()._set_busy(busy)
        self._update_save()

    def _failed(self, exc: BaseException) -> None:
        """Keep the refusal in formError (no validate(): it would clear it) and look again:
        the slot may have been taken meanwhile (the check then offers the next free times)."""
        super()._failed(exc)
        # the check before Save was clean: another desk was quicker (a series' refusal names its visit)
        if isinstance(exc, BookingConflict) and self._scope is Scope.THIS:
            show_message(self.form_error, self.tr("This time was just taken at another desk. Choose one of the "
                                                  "free times offered, or another time."))
        self._generation += 1
        self._pending = self._valid and self._needs_check(self._key())
        if self._pending:
            self._check()
        self._update_save()

    # --- conflicts --------------------------------------------------------------------------
    def _key(self) -> Key:
        v = self.values()
        return (v["patient_id"], v["doctor_id"], v["starts_at"], v["ends_at"], v["overbook_reason"])

    def _needs_check(self, key: Key) -> bool:
        """A booking is checked; an edit only if it moves an active appointment."""
        if self.record is None:
            return True
        return key != self._original and self.record.status not in (Status.CANCELLED, Status.NO_SHOW)

    def _check(self) -> None:
        generation = self._generation
        exclude = self.record.id if self.record is not None else None
        op = Operation(self.services.appointments.conflicts, self.session.token, self.values(), exclude)
        op.succeeded.connect(while_alive(self, lambda found: self._checked_result(generation, list(found))))
        op.failed.connect(while_alive(self, lambda exc: self._checked_result(generation, [plain_message(exc)])))
        op.start()

    def _checked_result(self, generation: int, problems: list[str]) -> None:
        if generation == self._generation:
            self._pending = False
            self._show_conflicts(problems)
            self._update_save()

    def _show_conflicts(self, problems: list[str]) -> None:
        self._problems = problems
        doctor_busy = any("already has an appointment" in p for p in problems)
        if self.record is None and self.session.user.can_overbook and (doctor_busy or self.squeeze.isChecked()):
            self.squeeze_row.show()
        show_message(self.conflicts, "\n".join(f"⚠ {p}" for p in problems))
        self.free_times.offer([])
        if problems:
            generation = self._generation
            exclude = self.record.id if self.record is not None else None
            op = Operation(self.services.appointments.free_slots, self.session.token, self.values(), exclude)
            op.succeeded.connect(while_alive(self, lambda found: generation == self._generation
                                             and self.free_times.offer([local(f, self.zone) for f in found])))
            op.start()  # only an offer: a failure leaves the conflict said, which is enough

    def _update_save(self) -> None:
        ready = self._valid and not self._busy and not self._pending and not self._problems
        self.save_button.setEnabled(ready)

    # --- filling in ---------------------------------------------------------------------------
    def _fill_doctors(self, doctors: list[DoctorRead]) -> None:
        with QSignalBlocker(self.doctor):
            self.doctor.clear()
            for d in doctors:
                self.doctor.addItem(f"{d.short_name} — {d.specialty}", d.id)
            wanted = self._wanted_doctor
            if wanted is not None and self.doctor.findData(wanted) < 0 and self.record is not None:
                self.doctor.addItem(self.tr("{0} (inactive)").format(self.record.doctor_name), wanted)
            self.doctor.setCurrentIndex(self.doctor.findData(wanted) if wanted is not None else -1)
        self.validate()

    def _fill_types(self, types: list[AppointmentTypeRead]) -> None:
        self.types = {t.id: t for t in types}
        with QSignalBlocker(self.visit_type):
            for t in types:
                self.visit_type.addItem(type_swatch(t.colour), t.name, t.id)
            record = self.record
            if record is not None and record.type_id is not None:
                if self.visit_type.findData(record.type_id) < 0:  # retired since: kept on this visit
                    self.visit_type.addItem(type_swatch(record.type_colour or "#999999"),
                                            self.tr("{0} (no longer offered)").format(record.type_name),
                                            record.type_id)
                self.visit_type.setCurrentIndex(self.visit_type.findData(record.type_id))

    def _type_chosen(self, _index: int) -> None:
        """A type chosen by hand brings its usual length (the length can still be changed)."""
        chosen = self.types.get(self.visit_type.currentData())
        if chosen is not None and self.duration.isEnabled():  # (a completed visit keeps its length)
            self.length.set_value(timedelta(minutes=chosen.minutes))

    def _refine_patient(self, patient: PatientRead) -> None:
        if self.patient.patient_id == patient.id:
            self.patient.set_patient(patient.id, PatientPicker.display(patient), quiet=True)

    def _lock_if_completed(self, record: AppointmentRead) -> None:
        if record.status == Status.COMPLETED:
            hint = self.tr("A completed visit cannot be moved; only the reason and notes can change.")
            for widget in (self.patient, self.doctor, self.starts_at, self.duration, self.length.minutes):
                widget.setEnabled(False)
                widget.setToolTip(hint)

    def find_slots(self) -> None:
        """The chosen doctor's next free times of this length, from the chosen start on (clear of the
        patient's other visits too), offered as buttons under the conflicts."""
        doctor = self.doctor.currentData()
        if doctor is None:
            show_message(self.form_error, self.tr("Choose a doctor first."))
            return
        query = {"doctor_id": doctor, "patient_id": self.patient.patient_id, "starts_from": self.starts_at.value(),
                 "minutes": max(5, int(self.length.value().total_seconds() // 60)), "count": 6}
        op = Operation(self.services.free_times.find, self.session.token, query)
        op.succeeded.connect(while_alive(self, self._slots_found))
        op.failed.connect(while_alive(self, lambda exc: show_message(self.form_error, plain_message(exc))))
        op.start()

    def _slots_found(self, found: list[Any]) -> None:
        if not found:
            show_message(self.form_error, self.tr("No free time in the next two weeks."))
        self.free_times.offer([local(f.starts_at, self.zone) for f in found])

    def open_series(self) -> Any:
        """*Repeat…*: book this visit as a series (the dialog previews and books it all)."""
        from heartbeat_desktop.ui.dialogs.series import SeriesDialog

        values = self.values()
        problems = self.extra_problems(values)
        if problems:
            self.show_problems(problems)
            return None
        dialog = SeriesDialog(self.services, self.session, values, self)
        dialog.booked.connect(lambda booked: self._saved(booked.appointments[0]))
        dialog.open()
        return dialog

    def _beside(self, field: QWidget, *extra: QWidget) -> None:
        """Put ``extra`` widgets on ``field``'s row (the duration's minutes and end time)."""
        inner = field.parentWidget().layout()
        inner.removeWidget(field)
        line = QHBoxLayout()
        line.addWidget(field)
        for widget in extra:
            line.addWidget(widget)
        line.addStretch(1)
        inner.insertLayout(0, line)

    def _in_background(self, call: Any, on_success: Any, *args: Any) -> None:
        op = Operation(call, self.session.token, *args)
        op.succeeded.connect(while_alive(self, on_success))
        op.start()  # a failure only leaves the list empty or the name short; Save reports trouble

    def _next_quarter(self) -> datetime:
        now = datetime.now(self.zone).replace(tzinfo=None, second=0, microsecond=0)
        return now + timedelta(minutes=-now.minute % 15 or 15)


def open_appointment_form(parent: QWidget, services: Heartbeat, session: SessionHolder,
                          record: AppointmentRead | None = None, **prefill: Any) -> AppointmentForm:
    """Open the form (window-modal) over ``parent``; connect to its ``saved`` signal."""
    form = AppointmentForm(services, session, record, parent, **prefill)
    form.open()
    return form
