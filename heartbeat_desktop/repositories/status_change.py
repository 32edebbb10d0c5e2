"""An appointment's status history, oldest first, and the arrivals of a day's visits."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select

from heartbeat_desktop.models import StatusChange
from heartbeat_desktop.repositories.base import Repository, id_is


class StatusChangeRepository(Repository[StatusChange]):
    model = StatusChange
    default_order = ("id",)

    def of(self, appointment_id: int) -> list[StatusChange]:
        """Every change of one appointment, in the order made (ids grow with time)."""
        return self.list(id_is(StatusChange.appointment_id, appointment_id))

    def last_of(self, appointment_id: int) -> StatusChange | None:
        stmt = (select(StatusChange).where(id_is(StatusChange.appointment_id, appointment_id))
                .order_by(StatusChange.id.desc()).limit(1))
        return self.session.scalars(stmt).first()

    def of_many(self, appointment_ids: Iterable[int]) -> list[StatusChange]:
        """The changes of several appointments (a day's queue), in the order made."""
        ids = list(appointment_ids)
        if not ids:
            return []
        return self.list(StatusChange.appointment_id.in_(ids))
