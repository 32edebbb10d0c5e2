"""The waitlist: active entries for a doctor (or that doctor's specialty), oldest first."""

from __future__ import annotations

from sqlalchemy import and_, or_

from heartbeat_desktop.models import WaitlistEntry
from heartbeat_desktop.repositories.base import Repository


class WaitlistRepository(Repository[WaitlistEntry]):
    model = WaitlistEntry
    default_order = ("created_at", "id")

    def waiting_for(self, doctor_id: int, specialty: str) -> list[WaitlistEntry]:
        """Active entries asking for this doctor, or for any doctor of this specialty."""
        return self.list(
            WaitlistEntry.status == "active",
            or_(WaitlistEntry.doctor_id == doctor_id,
                and_(WaitlistEntry.doctor_id.is_(None), WaitlistEntry.specialty == specialty)),
        )
