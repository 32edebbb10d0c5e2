"""The waitlist: active entries for a doctor (or that doctor's specialty), oldest first."""

from __future__ import annotations

from sqlalchemy import Select, and_, or_
from sqlalchemy.orm import selectinload

from heartbeat_desktop.models import WaitlistEntry
from heartbeat_desktop.repositories.base import Repository


class WaitlistRepository(Repository[WaitlistEntry]):
    model = WaitlistEntry
    default_order = ("created_at", "id")

    def select(self) -> Select[tuple[WaitlistEntry]]:
        """With the patients and doctors whose names a list shows (a row lock takes the entry alone)."""
        return super().select().options(selectinload(WaitlistEntry.patient), selectinload(WaitlistEntry.doctor))

    def waiting_for(self, doctor_id: int, specialty: str) -> list[WaitlistEntry]:
        """Active entries asking for this doctor, or for any doctor of this specialty."""
        return self.list(
            WaitlistEntry.status == "active",
            or_(WaitlistEntry.doctor_id == doctor_id,
                and_(WaitlistEntry.doctor_id.is_(None), WaitlistEntry.specialty == specialty)),
        )
