"""Property tests of the booking form's schema: any times, lengths, ids and
text are either refused with a clear message or kept exactly (text trimmed)."""

from __future__ import annotations

from datetime import timedelta

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
    optional,
    strip_like_pydantic,
)


def ends(start, length):  # noqa: ANN001, ANN201
    try:
        return start + length
    except OverflowError:  # past year 9999: the form sends the start again
        return start


bookings = st.builds(
    lambda start, length, other_end, use_other, doctor, patient, reason, notes: {
        "starts_at": start, "ends_at": other_end if use_other else ends(start, length), "doctor_id": doctor,
        "patient_id": patient, "reason": reason, "notes": notes},
    any_moment, durations, any_moment, st.booleans(), ids, ids, optional(free_text(300)), optional(free_text(5000)),
)


@examples(1500)
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
