"""The doctors table (the selected doctor's appointments: :mod:`.record_appointments`)."""

from __future__ import annotations

from heartbeat_desktop.ui.models.record_table import Column, RecordTableModel


class DoctorTableModel(RecordTableModel):
    entity = "doctor"
    references = {"user": lambda d: d.user_id}  # the account a doctor signs in with
    columns = (
        Column("Last name", lambda d: d.last_name, width=160, sort_key="name"),
        Column("First name", lambda d: d.first_name, width=130),
        Column("Middle name", lambda d: d.middle_name, width=150),
        Column("Specialty", lambda d: d.specialty, width=170, sort_key="specialty"),
        Column("Room", lambda d: d.room, width=70, sort_key="room"),
        Column("Phone", lambda d: d.phone, width=160, sort_key="phone"),
        Column("Active", lambda d: d.is_active, width=70, sort_key="active"),
    )
