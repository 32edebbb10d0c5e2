"""The patients table."""

from __future__ import annotations

from heartbeat_desktop.ui.models.record_table import Column, RecordTableModel


class PatientTableModel(RecordTableModel):
    columns = (
        Column("Last name", lambda p: p.last_name, width=160),
        Column("First name", lambda p: p.first_name, width=130),
        Column("Middle name", lambda p: p.middle_name, width=150),
        Column("Birth date", lambda p: p.birth_date, width=110),
        Column("Phone", lambda p: p.phone, width=160),
        Column("E-mail", lambda p: p.email, width=200),
    )
