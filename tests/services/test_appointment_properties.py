"""Property tests of the appointment service on a real database
of each backend: any times (year 1 to 9999, any offset), lengths, ids and
text are either refused with a clear message or stored exactly (a naive time
is clinic-local; every time reads back as the same instant in UTC)."""

from __future__ import annotations

from collections import Counter
from datetime import timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from heartbeat_desktop.core.errors import HeartbeatError
from tests.helpers import doctor_data, first_admin, opened, patient_data
from tests.schemas.test_appointment_properties import bookings
from tests.strategies import (
    any_moment,
    assert_clear_message,
    extreme_dates,
    ids,
    mostly,
    per_backend,
    strip_like_pydantic,
)


def utc(moment, zone):  # noqa: ANN001, ANN201
    """The documented rule: naive is clinic-local; stored and read back in UTC."""
    return (moment if moment.tzinfo else moment.replace(tzinfo=zone)).astimezone(timezone.utc)


@pytest.fixture
def desk(settings):  # noqa: ANN001, ANN201
    """Past bookings allowed, so that year 1 reaches the database too."""
    yield from opened(settings.replace(allow_past_bookings=True))


def test_booking_refuses_clearly_or_stores_exactly(desk):
    token = first_admin(desk).token
    doctor = desk.doctors.create(token, doctor_data(working_hours=[])).id  # no rota: any time of day
    patient = desk.patients.create(token, patient_data()).id
    zone = desk.ctx.zone
    outcomes: Counter[str] = Counter()
    people = st.tuples(mostly(st.just(doctor), ids, odd_in=5), mostly(st.just(patient), ids, odd_in=5))

    @per_backend(desk.ctx.db.dialect, sqlite=400, postgresql=150)
    @given(bookings, people, st.none() | st.sampled_from(["update"]))
    def check(data, who, update):
        data = {**data, "doctor_id": who[0], "patient_id": who[1]}
        try:
            if update:
                first = desk.appointments.list(token, limit=1)
                if not first:
                    return
                saved = desk.appointments.update(token, first[0].id, {**data, "version": first[0].version})
            else:
                saved = desk.appointments.create(token, data)
        except HeartbeatError as refused:
            assert_clear_message(refused)
            outcomes[type(refused).__name__] += 1
            return
        outcomes["stored"] += 1
        stored = desk.appointments.get(token, saved.id)
        assert stored.starts_at == utc(data["starts_at"], zone) == saved.starts_at
        assert stored.ends_at == utc(data["ends_at"], zone) == saved.ends_at
        assert stored.starts_at.tzinfo is not None
        assert (stored.doctor_id, stored.patient_id) == (doctor, patient)
        for field in ("reason", "notes"):
            typed = data[field]
            assert getattr(stored, field) == (None if typed is None else strip_like_pydantic(typed))

    check()
    assert outcomes["stored"] >= 10, outcomes  # the property is about stored bookings too


def test_lists_and_free_times_take_any_dates(desk):
    token = first_admin(desk).token
    doctor = desk.doctors.create(token, doctor_data()).id
    patient = desk.patients.create(token, patient_data()).id

    @per_backend(desk.ctx.db.dialect, sqlite=300, postgresql=80)
    @given(extreme_dates, any_moment, any_moment, bookings, ids)
    def check(day, since, until, data, offset):
        try:
            desk.appointments.list_day(token, day)
            desk.appointments.list(token, starts_from=since, starts_before=until, doctor_id=doctor, offset=offset)
            booking = {**data, "doctor_id": doctor, "patient_id": patient}
            desk.appointments.conflicts(token, booking)
            desk.appointments.free_slots(token, booking)
        except HeartbeatError as refused:
            assert_clear_message(refused)

    check()
