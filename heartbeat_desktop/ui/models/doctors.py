"""The doctors table (the selected doctor's appointments: :mod:`.record_appointments`)."""

from __future__ import annotations

from heartbeat_desktop.ui.models.record_table import Column, RecordTableModel


class DoctorTableModel(RecordTableModel):
    columns = (
        Column("Last name", lambda d: d.last_name, width=160),
        Column("First name", lambda d: d.first_name, width=130),
        Column("Middle name", lambda d: d.middle_name, width=150),
        Column("Specialty", lambda d: d.specialty, width=170),
        Column("Room", lambda d: d.room, width=70),
        Column("Phone", lambda d: d.phone, width=160),
        Column("Active", lambda d: d.is_active, width=70),
    )
