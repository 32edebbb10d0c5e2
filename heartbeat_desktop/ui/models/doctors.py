"""The doctors table (the selected doctor's appointments: :mod:`.record_appointments`)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from heartbeat_desktop.ui.models.record_table import Column, RecordTableModel


class DoctorTableModel(RecordTableModel):
    entity = "doctor"
    references = {"user": lambda d: d.user_id}  # the account a doctor signs in with
    columns = (
        Column(QT_TRANSLATE_NOOP("columns", "Last name"), lambda d: d.last_name, width=160, sort_key="name"),
        Column(QT_TRANSLATE_NOOP("columns", "First name"), lambda d: d.first_name, width=130),
        Column(QT_TRANSLATE_NOOP("columns", "Middle name"), lambda d: d.middle_name, width=150),
        Column(QT_TRANSLATE_NOOP("columns", "Specialty"), lambda d: d.specialty, width=170, sort_key="specialty"),
        Column(QT_TRANSLATE_NOOP("columns", "Room"), lambda d: d.room, width=70, sort_key="room"),
        Column(QT_TRANSLATE_NOOP("columns", "Phone"), lambda d: d.phone, width=160, sort_key="phone"),
        Column(QT_TRANSLATE_NOOP("columns", "Active"), lambda d: d.is_active, width=70, sort_key="active"),
    )
