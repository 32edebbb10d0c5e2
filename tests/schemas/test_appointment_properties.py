"""Property tests of the booking form's schema: any times, lengths, ids and
text are either refused with a clear message or kept exactly (text trimmed)."""

from __future__ import annotations

from datetime import datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from heartbeat_desktop.core.errors import ValidationFailed
from heartbeat_desktop.schemas import AppointmentCreate, AppointmentUpdate, parse
from heartbeat_desktop.schemas.appointment import FIRST_YEAR, LAST_YEAR, MAX_DURATION
from tests.strategies import (
    any_moment,
    assert_clear_message,
    durations,
    examples,
    free_text,
    ids,
    mostly,
    offsets,
    optional,
    strip_like_pydantic,
)


def ends(start, length):  # noqa: ANN001, ANN201
    try:
        return start + length
    except OverflowError:  # past year 9999: the form sends the start again
        return start


printable = st.text(st.characters(codec="utf-8", exclude_categories=["Cc", "Cs"]), max_size=300)
# a form as a desk fills it in: times from 1900 to 9998 (naive, clinic-local, or
# with any offset), up to twelve hours long, text without control characters
fair_bookings = st.builds(
    lambda start, minutes, aware, reason, notes: {
        "starts_at": start.replace(tzinfo=aware), "ends_at": start.replace(tzinfo=aware) + minutes,
        "doctor_id": 1, "patient_id": 1, "reason": reason, "notes": notes},
    st.datetimes(datetime(1900, 1, 2), datetime(9998, 12, 30)),
    st.timedeltas(timedelta(minutes=1), MAX_DURATION), st.none() | offsets,
    optional(printable), optional(printable | st.just("Аллергия:\n\tпенициллин\r\nастма")),
)
hostile_bookings = st.builds(
    lambda start, length, other_end, use_other, doctor, patient, reason, notes: {
        "starts_at": start, "ends_at": other_end if use_other else ends(start, length), "doctor_id": doctor,
        "patient_id": patient, "reason": reason, "notes": notes},
    any_moment, durations, any_moment, st.booleans(), ids, ids, optional(free_text(300)), optional(free_text(5000)),
)
bookings = mostly(fair_bookings, hostile_bookings, odd_in=3)


@examples(1300)
@given(bookings, st.none() | ids)
def test_a_booking_form_is_refused_with_a_message_or_kept_exactly(data, version):
    schema = AppointmentCreate if version is None else AppointmentUpdate
    if version is not None:
        data = {**data, "version": version}
    try:
        parsed = parse(schema, data)
    except ValidationFailed as refused:
        assert_clear_message(refused)
        return
    assert parsed.starts_at == data["starts_at"] and parsed.ends_at == data["ends_at"]
    assert timedelta(0) < parsed.ends_at - parsed.starts_at <= MAX_DURATION
    assert FIRST_YEAR <= parsed.starts_at.year <= LAST_YEAR and FIRST_YEAR <= parsed.ends_at.year <= LAST_YEAR
    assert (parsed.starts_at.tzinfo is None) == (parsed.ends_at.tzinfo is None)
    assert parsed.doctor_id == data["doctor_id"] > 0 and parsed.patient_id == data["patient_id"] > 0
    for field, limit in (("reason", 300), ("notes", 5000)):
        typed = data[field]
        assert getattr(parsed, field) == (None if typed is None else strip_like_pydantic(typed))
        assert typed is None or len(getattr(parsed, field)) <= limit
