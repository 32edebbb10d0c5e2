"""Time off: what overlaps a time, for one doctor (their own and the clinic's holidays) or for all."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import ColumnElement, or_

from heartbeat_desktop.models import TimeOff
from heartbeat_desktop.repositories.base import Repository


def during(starts_at: datetime, ends_at: datetime) -> ColumnElement[bool]:
    return (TimeOff.starts_at < ends_at) & (TimeOff.ends_at > starts_at)


def concerning(doctor_ids: Iterable[int] | None) -> ColumnElement[bool] | None:
    """Time off of these doctors plus the clinic's holidays; None: everyone's."""
    if doctor_ids is None:
        return None
    return or_(TimeOff.doctor_id.in_(list(doctor_ids)), TimeOff.doctor_id.is_(None))


class TimeOffRepository(Repository[TimeOff]):
    model = TimeOff
    default_order = ("starts_at", "id")
    sort_keys = {"starts_at": ("starts_at", "id")}

    def overlapping(self, starts_at: datetime, ends_at: datetime,
                    doctor_ids: Iterable[int] | None = None) -> list[TimeOff]:
        where = [during(starts_at, ends_at)]
        whose = concerning(doctor_ids)
        if whose is not None:
            where.append(whose)
        return self.list(*where)
