"""Time: everything is stored in UTC and shown in the clinic's local zone."""

from __future__ import annotations

from datetime import date, datetime, time, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# the first and last instants a datetime holds: where a search's open ends are clamped
EARLIEST = datetime.min.replace(tzinfo=timezone.utc)
LATEST = datetime.max.replace(tzinfo=timezone.utc)


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
    """An aware UTC datetime; a naive one is read as clinic-local time.

    Within a day of year 1 or 9999 the UTC time may not exist: it is the
    earliest or latest instant there is (the bounds of a list's filter; a
    booking's times are kept well inside by its schema).
    """
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone or clinic_zone())
    try:
        return moment.astimezone(timezone.utc)
    except OverflowError:
        return EARLIEST if moment.year == 1 else LATEST


def local_day_bounds(day: date, zone: tzinfo) -> tuple[datetime, datetime]:
    """UTC start (inclusive) and end (exclusive) of a local calendar day."""
    start = as_utc(datetime.combine(day, time.min), zone)
    if day == date.max:
        return start, LATEST
    return start, as_utc(datetime.combine(date.fromordinal(day.toordinal() + 1), time.min), zone)
