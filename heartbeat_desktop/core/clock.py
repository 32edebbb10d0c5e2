"""Time: everything is stored in UTC and shown in the clinic's local zone."""

from __future__ import annotations

from datetime import date, datetime, time, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def clinic_zone(name: str | None = None) -> tzinfo:
    """The clinic's zone: an IANA name, or the computer's own zone."""
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"Unknown time zone {name!r}.") from None
    local = datetime.now().astimezone().tzinfo
    assert local is not None
    return local


def as_utc(moment: datetime, zone: tzinfo | None = None) -> datetime:
    """An aware UTC datetime; a naive one is read as clinic-local time."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone or clinic_zone())
    return moment.astimezone(timezone.utc)


def local_day_bounds(day: date, zone: tzinfo) -> tuple[datetime, datetime]:
    """UTC start (inclusive) and end (exclusive) of a local calendar day."""
    start = datetime.combine(day, time.min, tzinfo=zone)
    end = datetime.combine(date.fromordinal(day.toordinal() + 1), time.min, tzinfo=zone)
    return start.astimezone(timezone.utc), end.astimezone(timezone.utc)
