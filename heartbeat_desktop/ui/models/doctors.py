"""The doctors table, and the selected doctor's upcoming appointments."""

from __future__ import annotations

from datetime import tzinfo
from typing import Any

from heartbeat_desktop.ui.appointment_text import local, span_text
from heartbeat_desktop.ui.models.record_table import Column, Loader, RecordTableModel
from heartbeat_desktop.ui.status_style import status_text


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


class UpcomingAppointmentsModel(RecordTableModel):
    """One doctor's appointments from now on, in pages of 20, times in the clinic's zone."""

    page_size = 20

    def __init__(self, loader: Loader, zone: tzinfo, parent: Any = None) -> None:
        super().__init__(loader, None, parent)
        self.columns = (  # per instance: the zone is the clinic's
            Column("Date", lambda a: local(a.starts_at, zone).date(), width=100),
            Column("Time", lambda a: span_text(a, zone), width=110),
            Column("Patient", lambda a: a.patient_name, width=260),
            Column("Status", lambda a: status_text(a.status), width=110),
            Column("Reason", lambda a: a.reason, width=200),
        )
