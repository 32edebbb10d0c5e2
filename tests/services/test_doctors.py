"""The doctor service on a real database of each backend: working hours, the user
link, deletion rules, the active list."""

from __future__ import annotations

from datetime import time
from typing import Any

import pytest
from sqlalchemy import func, select

from heartbeat_desktop.core.errors import Conflict, NotFound, PermissionDenied, StaleRecord, ValidationFailed
from heartbeat_desktop.models import Doctor, WorkingHours
from tests.helpers import WEEKDAY_HOURS, at, booking, doctor_data, patient_data


def hours(*items: tuple[int, str, str]) -> list[dict[str, Any]]:
    return [{"weekday": d, "starts": time.fromisoformat(s), "ends": time.fromisoformat(e)} for d, s, e in items]


def as_tuples(doctor: Any) -> list[tuple[int, str, str]]:
    return [(h.weekday, h.starts.strftime("%H:%M"), h.ends.strftime("%H:%M")) for h in doctor.working_hours]


def edit(doctor: Any, **changes: Any) -> dict[str, Any]:
    data = doctor.model_dump(include={"last_name", "first_name", "middle_name", "specialty", "room", "phone",
                                      "email", "is_active", "user_id", "version"})
    data["working_hours"] = [h.model_dump() for h in doctor.working_hours]
    data.update(changes)
    return data


def stored_hours(hb, doctor_id: int) -> list[tuple[int, time, time]]:  # noqa: ANN001
    with hb.ctx.db.read_sessions() as session:
        rows = session.execute(select(WorkingHours.weekday, WorkingHours.starts, WorkingHours.ends)
                               .where(WorkingHours.doctor_id == doctor_id)
                               .order_by(WorkingHours.weekday, WorkingHours.starts))
        return [tuple(r) for r in rows]


def test_create_with_weekly_hours(hb, admin_token):
    created = hb.doctors.create(admin_token, doctor_data(phone="8 495 123 45 67"))
    assert created.id > 0 and created.version == 1 and created.is_active is True
    assert (created.last_name, created.specialty, created.room) == ("Петрова", "Терапевт", "101")
    assert created.phone == "+7 495 123-45-67"
    assert as_tuples(created) == [(d, "09:00", "18:00") for d in range(5)]
    assert hb.doctors.get(admin_token, created.id) == created
    assert stored_hours(hb, created.id) == [(d, time(9), time(18)) for d in range(5)]


def test_several_intervals_a_day_are_kept_in_order(hb, admin_token):
    created = hb.doctors.create(admin_token, doctor_data(working_hours=hours(
        (2, "14:00", "18:00"), (0, "13:00", "17:00"), (0, "08:00", "12:00"), (2, "09:00", "14:00"),
        (5, "10:00", "13:00"),
    )))
    assert as_tuples(created) == [(0, "08:00", "12:00"), (0, "13:00", "17:00"), (2, "09:00", "14:00"),
                                  (2, "14:00", "18:00"), (5, "10:00", "13:00")]
    assert as_tuples(hb.doctors.get(admin_token, created.id)) == as_tuples(created)


def test_no_hours_at_all_is_allowed(hb, admin_token):
    created = hb.doctors.create(admin_token, doctor_data(working_hours=[]))
    assert created.working_hours == ()
    assert stored_hours(hb, created.id) == []


def test_bad_working_hours_are_refused_with_a_message(hb, admin_token):
    cases = [
        (hours((0, "09:00", "13:00"), (0, "12:00", "18:00")), "Monday: working hours overlap."),
        (hours((3, "09:00", "18:00"), (3, "10:00", "11:00")), "Thursday: working hours overlap."),
        (hours((4, "09:00", "12:00"), (4, "09:00", "12:00")), "Friday: working hours overlap."),
        (hours((6, "18:00", "09:00")), "Sunday: the end must be after the start."),
        (hours((1, "10:00", "10:00")), "Tuesday: the end must be after the start."),
        ([{"weekday": 7, "starts": time(9), "ends": time(10)}], "Must be at most 6."),
        ([{"weekday": 0, "starts": "nine", "ends": time(10)}], "Enter a valid time."),
    ]
    for bad_hours, message in cases:
        with pytest.raises(ValidationFailed) as caught:
            hb.doctors.create(admin_token, doctor_data(working_hours=bad_hours))
        assert caught.value.field_errors == {"working_hours": message}
    assert hb.doctors.count(admin_token) == 0


def test_touching_intervals_are_not_an_overlap(hb, admin_token):
    created = hb.doctors.create(admin_token, doctor_data(working_hours=hours(
        (0, "09:00", "13:00"), (0, "13:00", "18:00"))))
    assert as_tuples(created) == [(0, "09:00", "13:00"), (0, "13:00", "18:00")]


def test_required_fields_have_messages(hb, admin_token):
    with pytest.raises(ValidationFailed) as caught:
        hb.doctors.create(admin_token, doctor_data(specialty="  ", last_name="", first_name="Мар1я"))
    assert caught.value.field_errors == {
        "specialty": "This field is required.",
        "last_name": "This field is required.",
        "first_name": "Use letters, spaces, hyphens or apostrophes only.",
    }


def test_update_replaces_the_hours(hb, admin_token):
    created = hb.doctors.create(admin_token, doctor_data())
    new_hours = hours((1, "08:00", "12:00"), (1, "15:00", "19:00"), (3, "10:00", "16:00"))
    updated = hb.doctors.update(admin_token, created.id, edit(created, working_hours=new_hours, room="202"))
    assert updated.version == created.version + 1
    assert updated.room == "202"
    assert as_tuples(updated) == [(1, "08:00", "12:00"), (1, "15:00", "19:00"), (3, "10:00", "16:00")]
    assert stored_hours(hb, created.id) == [(1, time(8), time(12)), (1, time(15), time(19)), (3, time(10), time(16))]
    assert as_tuples(hb.doctors.get(admin_token, created.id)) == as_tuples(updated)
    changes = hb.audit.list(admin_token, entity="doctor", action="update")[0].changes
    assert changes["room"] == ["101", "202"]
    assert changes["working_hours"][1] == ["1:08:00-12:00", "1:15:00-19:00", "3:10:00-16:00"]


def test_update_with_same_hours_keeps_the_rows(hb, admin_token):
    created = hb.doctors.create(admin_token, doctor_data())
    with hb.ctx.db.read_sessions() as session:
        before = session.scalars(select(WorkingHours.id).order_by(WorkingHours.id)).all()
    updated = hb.doctors.update(admin_token, created.id, edit(created, room="303"))
    with hb.ctx.db.read_sessions() as session:
        after = session.scalars(select(WorkingHours.id).order_by(WorkingHours.id)).all()
    assert after == before
    assert "working_hours" not in hb.audit.list(admin_token, entity="doctor", action="update")[0].changes
    assert updated.room == "303"


def test_update_to_no_hours_removes_them(hb, admin_token):
    created = hb.doctors.create(admin_token, doctor_data())
    updated = hb.doctors.update(admin_token, created.id, edit(created, working_hours=[]))
    assert updated.working_hours == ()
    assert stored_hours(hb, created.id) == []


def test_stale_update_is_refused_and_hours_unchanged(hb, admin_token):
    created = hb.doctors.create(admin_token, doctor_data())
    hb.doctors.update(admin_token, created.id, edit(created, room="202"))
    with pytest.raises(StaleRecord):
        hb.doctors.update(admin_token, created.id, edit(created, working_hours=[]))
    assert stored_hours(hb, created.id) == [(d, time(9), time(18)) for d in range(5)]
    assert hb.doctors.get(admin_token, created.id).room == "202"


def test_user_link_must_point_at_a_doctor_account(hb, admin_token):
    hb.users.create(admin_token, {"username": "desk", "full_name": "Desk", "password": "Staff-passw0rd",
                                  "role": "receptionist"})
    users = {u.username: u.id for u in hb.users.list(admin_token)}
    message = {"user_id": "Link the doctor to a user account with the Doctor role."}
    for user_id in (users["desk"], users["admin"], 999_999):
        with pytest.raises(ValidationFailed) as caught:
            hb.doctors.create(admin_token, doctor_data(user_id=user_id))
        assert caught.value.field_errors == message
    assert hb.doctors.count(admin_token) == 0


def test_user_link_to_a_doctor_account(hb, admin_token):
    doc_user = hb.users.create(admin_token, {"username": "petrova", "full_name": "Петрова М. И.",
                                             "password": "Staff-passw0rd", "role": "doctor"})
    created = hb.doctors.create(admin_token, doctor_data(user_id=doc_user.id))
    assert created.user_id == doc_user.id
    assert hb.doctors.for_user(admin_token, doc_user.id) == created
    assert hb.doctors.for_user(admin_token, 12345) is None
    # one account is one doctor
    with pytest.raises(ValidationFailed) as caught:
        hb.doctors.create(admin_token, doctor_data(last_name="Сидорова", user_id=doc_user.id))
    assert caught.value.field_errors == {"user_id": "This account is already linked to Dr Петрова."}
    assert hb.doctors.count(admin_token) == 1
    other = hb.doctors.create(admin_token, doctor_data(last_name="Сидорова"))
    with pytest.raises(ValidationFailed):
        hb.doctors.update(admin_token, other.id, edit(other, user_id=doc_user.id))
    # saving the linked doctor itself is not a clash with itself
    assert hb.doctors.update(admin_token, created.id, edit(created, room="7")).user_id == doc_user.id
    created = hb.doctors.get(admin_token, created.id)
    # unlinking works, and the link is checked on update too
    unlinked = hb.doctors.update(admin_token, created.id, edit(created, user_id=None))
    assert unlinked.user_id is None
    with pytest.raises(ValidationFailed):
        hb.doctors.update(admin_token, created.id, edit(unlinked, user_id=1))  # the admin


def test_only_an_admin_links_or_unlinks_a_user_account(hb, admin_token, desk_token):
    doc_user = hb.users.create(admin_token, {"username": "petrova", "full_name": "Петрова М. И.",
                                             "password": "Staff-passw0rd", "role": "doctor"})
    with pytest.raises(PermissionDenied):
        hb.doctors.create(desk_token, doctor_data(user_id=doc_user.id))
    assert hb.doctors.count(admin_token) == 0
    linked = hb.doctors.create(admin_token, doctor_data(user_id=doc_user.id))
    # the desk edits the linked doctor's other fields as before...
    edited = hb.doctors.update(desk_token, linked.id, edit(linked, room="305"))
    assert (edited.room, edited.user_id) == ("305", doc_user.id)
    # ...but neither unlinks nor relinks the account
    with pytest.raises(PermissionDenied):
        hb.doctors.update(desk_token, linked.id, edit(edited, user_id=None))
    other = hb.doctors.create(desk_token, doctor_data(last_name="Сидорова"))
    with pytest.raises(PermissionDenied):
        hb.doctors.update(desk_token, other.id, edit(other, user_id=doc_user.id))
    assert hb.doctors.get(admin_token, linked.id).user_id == doc_user.id
    assert hb.doctors.get(admin_token, other.id).user_id is None


def test_delete_without_appointments(hb, admin_token):
    created = hb.doctors.create(admin_token, doctor_data())
    hb.doctors.delete(admin_token, created.id, created.version)
    with pytest.raises(NotFound):
        hb.doctors.get(admin_token, created.id)
    assert stored_hours(hb, created.id) == []  # the hours go with the doctor


def test_delete_refused_when_appointments_exist(hb, admin_token):
    doctor = hb.doctors.create(admin_token, doctor_data())
    patient = hb.patients.create(admin_token, patient_data())
    hb.appointments.create(admin_token, booking(doctor.id, patient.id, at(10)))
    with pytest.raises(Conflict) as caught:
        hb.doctors.delete(admin_token, doctor.id, doctor.version)
    assert str(caught.value) == ("This doctor has 1 appointment and cannot be deleted. "
                                 "Deactivate the doctor instead: the history is kept.")
    assert hb.doctors.get(admin_token, doctor.id) == doctor
    assert len(stored_hours(hb, doctor.id)) == 5
    assert len(hb.appointments.list_by_doctor(admin_token, doctor.id)) == 1


def test_list_active(hb, admin_token):
    b = hb.doctors.create(admin_token, doctor_data(last_name="Борисов", first_name="Олег", middle_name=None))
    a = hb.doctors.create(admin_token, doctor_data(last_name="Алексеева"))
    c = hb.doctors.create(admin_token, doctor_data(last_name="Власов", is_active=False))
    gone = hb.doctors.create(admin_token, doctor_data(last_name="Яшин"))
    hb.doctors.set_active(admin_token, gone.id, False, gone.version)
    active = hb.doctors.list_active(admin_token)
    assert [d.id for d in active] == [a.id, b.id]
    assert all(len(d.working_hours) == 5 for d in active)
    assert hb.doctors.count(admin_token) == 4
    assert {d.id for d in hb.doctors.search(admin_token, include_inactive=False)} == {a.id, b.id}
    assert {d.id for d in hb.doctors.search(admin_token, "влас")} == {c.id}


def test_search_doctors_by_name_and_phone(hb, admin_token):
    d = hb.doctors.create(admin_token, doctor_data(phone="+7 495 111-22-33"))
    assert [x.id for x in hb.doctors.search(admin_token, "петрова м.")] == [d.id]
    assert [x.id for x in hb.doctors.search(admin_token, "8 495 111")] == [d.id]
    assert hb.doctors.search(admin_token, "17.05.1980") == []  # doctors have no birth date


def test_receptionist_cannot_delete_doctors(hb, admin_token, desk_token):
    from heartbeat_desktop.core.errors import PermissionDenied

    created = hb.doctors.create(desk_token, doctor_data())
    with pytest.raises(PermissionDenied):
        hb.doctors.delete(desk_token, created.id)
    assert hb.doctors.count(admin_token) == 1


def test_unique_user_link_is_kept_by_the_database_too(hb, admin_token):
    """Two desks linking one account at once: the UNIQUE index refuses the second."""
    doc_user = hb.users.create(admin_token, {"username": "petrova", "full_name": "Петрова М. И.",
                                             "password": "Staff-passw0rd", "role": "doctor"})
    hb.doctors.create(admin_token, doctor_data(user_id=doc_user.id))
    from heartbeat_desktop.services.unit_of_work import UnitOfWork

    with pytest.raises(Conflict, match="same unique value"):
        with UnitOfWork(hb.ctx.db, write=True) as uow:
            uow.doctors.add(Doctor(last_name="Сидорова", first_name="Анна", specialty="ЛОР",
                                   name_key="сидорова анна", user_id=doc_user.id, is_active=True))


def test_database_keeps_hours_consistent(hb, admin_token):
    """The CHECKs on working_hours hold even if the service is bypassed."""
    from sqlalchemy.exc import IntegrityError

    created = hb.doctors.create(admin_token, doctor_data(working_hours=WEEKDAY_HOURS[:1]))
    for bad in (WorkingHours(doctor_id=created.id, weekday=7, starts=time(9), ends=time(10)),
                WorkingHours(doctor_id=created.id, weekday=1, starts=time(11), ends=time(10))):
        with hb.ctx.db.write_sessions() as session:
            session.add(bad)
            with pytest.raises(IntegrityError):
                session.flush()
    with hb.ctx.db.read_sessions() as session:
        assert session.scalar(select(func.count()).select_from(WorkingHours)) == 1
        assert session.get(Doctor, created.id).working_hours[0].weekday == 0
