"""Recurring visits on a real database of each backend: the preview (free, conflict, the
nearest alternative), the all-or-nothing booking, "this / following / all" cancellation and
moves, and the database's overlap rule for every occurrence."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from heartbeat_desktop.core.errors import BookingConflict, PermissionDenied, StaleRecord, ValidationFailed
from heartbeat_desktop.core.vocabulary import Status
from heartbeat_desktop.models import AppointmentSeries
from heartbeat_desktop.schemas import SeriesRequest
from heartbeat_desktop.services import Heartbeat, booking_rules
from heartbeat_desktop.services.series import occurrence_days
from tests.helpers import at, audit_rows, booking, doctor_data, make_user, next_monday, patient_data

MOSCOW = ZoneInfo("Europe/Moscow")


@dataclass
class Clinic:
    token: str
    doctor: int  # Петрова, Mon-Fri 9-18
    patient: int
    other_patient: int


@pytest.fixture
def clinic(hb: Heartbeat, admin_token: str) -> Clinic:
    return Clinic(
        token=admin_token,
        doctor=hb.doctors.create(admin_token, doctor_data()).id,
        patient=hb.patients.create(admin_token, patient_data()).id,
        other_patient=hb.patients.create(admin_token, patient_data(last_name="Смирнова", first_name="Ольга",
                                                                   middle_name=None, sex="female",
                                                                   phone=None)).id,
    )


def rule(c: Clinic, **changes: object) -> dict[str, object]:
    """Tuesdays and Thursdays at 10:00 for 30 minutes, six visits from next Monday."""
    data: dict[str, object] = {"doctor_id": c.doctor, "patient_id": c.patient, "first_day": next_monday(),
                               "weekdays": (1, 3), "start_time": time(10), "minutes": 30, "count": 6,
                               "reason": "Курс процедур"}
    data.update(changes)
    return data


def local(moment: datetime) -> datetime:
    return moment.astimezone(MOSCOW).replace(tzinfo=None)


def series_count(hb: Heartbeat) -> int:
    with hb.ctx.uow() as uow:
        return uow.session.scalar(select(func.count()).select_from(AppointmentSeries))


def day(week: int, weekday: int) -> date:
    return next_monday() + timedelta(weeks=week, days=weekday)


# --- the rule ----------------------------------------------------------------------------

def test_the_days_of_a_rule():
    monday = next_monday()
    twice_a_week = SeriesRequest(doctor_id=1, patient_id=1, first_day=monday, weekdays=(3, 1), count=6,
                                 start_time=time(10))
    assert occurrence_days(twice_a_week) == [monday + timedelta(weeks=w, days=d) for w in range(3) for d in (1, 3)]
    fortnightly = SeriesRequest(doctor_id=1, patient_id=1, first_day=monday + timedelta(days=2), weekdays=(0, 2),
                                every_n_weeks=2, until=monday + timedelta(weeks=6), start_time=time(10))
    # from Wednesday of the first week: that Wednesday, then Monday and Wednesday every second week
    assert occurrence_days(fortnightly) == [monday + timedelta(days=2), monday + timedelta(weeks=2),
                                            monday + timedelta(weeks=2, days=2), monday + timedelta(weeks=4),
                                            monday + timedelta(weeks=4, days=2), monday + timedelta(weeks=6)]
    assert "Mon, Wed at 10:00, every 2 weeks, until" in fortnightly.rule_text


def test_a_rule_needs_an_end_and_stays_within_52_visits(hb, clinic):
    with pytest.raises(ValidationFailed):
        hb.series.preview(clinic.token, rule(clinic, count=None))
    with pytest.raises(ValidationFailed):
        hb.series.preview(clinic.token, rule(clinic, until=next_monday() + timedelta(weeks=2)))  # and count
    with pytest.raises(ValidationFailed, match="at most 52"):
        hb.series.preview(clinic.token, rule(clinic, count=None, weekdays=(0, 1, 2, 3, 4),
                                             until=next_monday() + timedelta(weeks=20)))
    with pytest.raises(ValidationFailed):
        hb.series.preview(clinic.token, rule(clinic, weekdays=()))


# --- preview and booking -----------------------------------------------------------------

def test_a_conflict_is_shown_with_an_alternative_which_is_then_booked(hb, clinic):
    taken = hb.appointments.create(clinic.token, booking(clinic.doctor, clinic.other_patient, at(10, day=day(1, 3))))
    preview = hb.series.preview(clinic.token, rule(clinic))
    assert [local(p.starts_at) for p in preview] == [at(10, day=day(w, d)) for w in range(3) for d in (1, 3)]
    assert [p.is_free for p in preview] == [True, True, True, False, True, True]
    conflict = preview[3]
    assert "Dr Петрова already has an appointment at 10:00–10:30 (Смирнова)." in conflict.problems
    assert local(conflict.alternative) == at(9, 30, day=day(1, 3))  # the nearest free time, that same day
    assert series_count(hb) == 0 and len(hb.appointments.list(clinic.token)) == 1  # a preview writes nothing

    booked = hb.series.book(clinic.token, rule(clinic), [p.alternative or p.starts_at for p in preview])
    assert len(booked.appointments) == 6
    assert {a.series_id for a in booked.appointments} == {booked.series_id}
    assert local(booked.appointments[3].starts_at) == at(9, 30, day=day(1, 3))
    assert all(a.status is Status.SCHEDULED and a.reason == "Курс процедур" for a in booked.appointments)
    mine = hb.appointments.list(clinic.token, patient_id=clinic.patient)
    assert [a.id for a in mine] == [a.id for a in booked.appointments]
    assert hb.appointments.get(clinic.token, taken.id).status is Status.SCHEDULED
    assert [r.entity_id for r in audit_rows(hb, "create") if r.entity == "appointment_series"] == [booked.series_id]
    assert {r.entity_id for r in audit_rows(hb, "create") if r.entity == "appointment"} >= {
        a.id for a in booked.appointments}


def test_skipped_visits_are_not_booked(hb, clinic):
    preview = hb.series.preview(clinic.token, rule(clinic))
    booked = hb.series.book(clinic.token, rule(clinic), [p.starts_at for p in preview[::2]])
    assert len(booked.appointments) == 3


def test_a_day_off_moves_the_alternative_to_the_next_day_clear_of_the_series(hb, clinic):
    tuesday = day(1, 1)
    hb.time_off.add(clinic.token, {"doctor_id": clinic.doctor, "kind": "day_off",
                                   "starts_at": datetime.combine(tuesday, time.min),
                                   "ends_at": datetime.combine(tuesday + timedelta(days=1), time.min)})
    # every weekday at 09:00: Wednesday 09:00 is the series' own, so the alternative is 09:30
    preview = hb.series.preview(clinic.token, rule(clinic, weekdays=(1, 2), start_time=time(9), count=4))
    away = preview[2]
    assert local(away.starts_at) == at(9, day=tuesday)
    assert any("away" in p for p in away.problems)
    assert local(away.alternative) == at(9, 30, day=tuesday + timedelta(days=1))
    booked = hb.series.book(clinic.token, rule(clinic, weekdays=(1, 2), start_time=time(9), count=4),
                            [p.alternative or p.starts_at for p in preview])
    assert len(booked.appointments) == 4


def test_a_booking_made_between_preview_and_book_stops_the_whole_series(hb, clinic):
    preview = hb.series.preview(clinic.token, rule(clinic))
    assert all(p.is_free for p in preview)
    # another desk takes the third visit's time meanwhile
    hb.appointments.create(clinic.token, booking(clinic.doctor, clinic.other_patient, local(preview[2].starts_at)))
    with pytest.raises(BookingConflict) as caught:
        hb.series.book(clinic.token, rule(clinic), [p.starts_at for p in preview])
    message = str(caught.value)
    assert message.startswith(f"Visit 3 of 6 ({day(1, 1):%d.%m.%Y} 10:00–10:30)")
    assert "Смирнова" in message and message.endswith("Nothing was booked.")
    assert hb.appointments.list(clinic.token, patient_id=clinic.patient) == []
    assert series_count(hb) == 0
    assert not [r for r in audit_rows(hb) if r.entity == "appointment_series"]


def test_the_database_overlap_rule_holds_for_every_occurrence(hb, clinic, monkeypatch):
    """With the service's own checks switched off, the database still refuses the clash and
    the transaction takes every visit of the series back with it."""
    preview = hb.series.preview(clinic.token, rule(clinic))
    hb.appointments.create(clinic.token, booking(clinic.doctor, clinic.other_patient, local(preview[4].starts_at)))
    monkeypatch.setattr(booking_rules, "problems", lambda *args, **kwargs: [])
    with pytest.raises(BookingConflict) as caught:
        hb.series.book(clinic.token, rule(clinic), [p.starts_at for p in preview])
    assert str(caught.value).startswith("Visit 5 of 6")
    assert "The doctor already has an appointment at that time." in str(caught.value)
    assert hb.appointments.list(clinic.token, patient_id=clinic.patient) == []
    assert series_count(hb) == 0


def test_chosen_times_that_overlap_each_other_are_refused(hb, clinic):
    first = datetime.combine(day(0, 1), time(10))
    with pytest.raises(BookingConflict, match="Visit 2 of 2"):
        hb.series.book(clinic.token, rule(clinic), [first, first + timedelta(minutes=15)])
    assert hb.appointments.list(clinic.token) == []


def test_a_doctor_account_may_not_book_a_series(hb, clinic):
    doctor_token = make_user(hb, clinic.token, "doc", "doctor")
    preview = hb.series.preview(doctor_token, rule(clinic))  # looking is allowed
    with pytest.raises(PermissionDenied):
        hb.series.book(doctor_token, rule(clinic), [p.starts_at for p in preview])


# --- changing a series -------------------------------------------------------------------

@pytest.fixture
def series(hb, clinic):  # noqa: ANN201
    preview = hb.series.preview(clinic.token, rule(clinic))
    return hb.series.book(clinic.token, rule(clinic), [p.starts_at for p in preview]).appointments


def statuses(hb: Heartbeat, c: Clinic) -> list[Status]:
    return [a.status for a in hb.appointments.list(c.token, patient_id=c.patient)]


def test_cancel_this_and_the_following(hb, clinic, series):
    third = series[2]
    cancelled = hb.series.cancel(clinic.token, third.id, "following", third.version)
    assert [a.id for a in cancelled] == [a.id for a in series[2:]]
    S, C = Status.SCHEDULED, Status.CANCELLED
    assert statuses(hb, clinic) == [S, S, C, C, C, C]
    assert [c.to_status for c in hb.appointments.status_history(clinic.token, series[5].id)] == [S, C]
    with pytest.raises(StaleRecord):
        hb.series.cancel(clinic.token, series[0].id, "this", series[0].version + 1)
    hb.series.cancel(clinic.token, series[0].id, "this", series[0].version)
    assert statuses(hb, clinic) == [C, S, C, C, C, C]
    second = hb.appointments.get(clinic.token, series[1].id)
    with pytest.raises(BookingConflict):  # already cancelled
        hb.series.cancel(clinic.token, series[0].id, "all", series[0].version + 1)
    assert [a.id for a in hb.series.cancel(clinic.token, second.id, "all", second.version)] == [second.id]
    assert statuses(hb, clinic) == [C] * 6
    assert sum(1 for r in audit_rows(hb, "status") if r.changes.get("scope")) == 6


def test_cancel_the_whole_series_leaves_a_completed_visit_alone(hb, clinic, series):
    first = series[0]
    for status in (Status.ARRIVED, Status.IN_PROGRESS, Status.COMPLETED):
        first = hb.appointments.set_status(clinic.token, first.id, status, first.version)
    last = series[-1]
    cancelled = hb.series.cancel(clinic.token, last.id, "all", last.version)
    assert len(cancelled) == 5
    assert statuses(hb, clinic) == [Status.COMPLETED] + [Status.CANCELLED] * 5


def test_move_the_following_visits_to_another_time_of_day(hb, clinic, series):
    moved = hb.series.move(clinic.token, series[3].id, "following", time(11, 15), series[3].version)
    assert [local(a.starts_at).time() for a in moved] == [time(11, 15)] * 3
    now = hb.appointments.list(clinic.token, patient_id=clinic.patient)
    assert [local(a.starts_at).time() for a in now] == [time(10)] * 3 + [time(11, 15)] * 3
    assert [local(a.starts_at).date() for a in now] == [local(a.starts_at).date() for a in series]
    assert all(a.ends_at - a.starts_at == timedelta(minutes=30) for a in now)


def test_moving_a_series_onto_a_taken_time_moves_nothing(hb, clinic, series):
    hb.appointments.create(clinic.token, booking(clinic.doctor, clinic.other_patient, at(11, day=day(2, 1))))
    with pytest.raises(BookingConflict) as caught:
        hb.series.move(clinic.token, series[0].id, "all", time(11), series[0].version)
    assert str(caught.value).startswith("Visit 5 of 6") and "Nothing was moved." in str(caught.value)
    now = hb.appointments.list(clinic.token, patient_id=clinic.patient)
    assert [(a.starts_at, a.status, a.version) for a in now] == [(a.starts_at, a.status, a.version) for a in series]
