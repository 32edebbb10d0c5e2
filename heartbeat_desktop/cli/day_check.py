"""The self-check's scheduling day: the desk's day walked through the services on a throw-away database.

A frozen bundle can lack a module that only one use case imports (a schema, a
repository, a query compiled on first use); this walk reaches each of the
scheduling features once, so ``--self-check`` of the packaged executable proves
them as the test suite proves them from source: visit types, a booking, time
off refusing a booking, a free time found around it, a recurring series,
undoing a status, a cancellation offered to the waitlist, and a confirmation call.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

from heartbeat_desktop.cli.check_tools import expect, scratch_app
from heartbeat_desktop.core.errors import BookingConflict


def check_scheduling_day(scratch: Path) -> None:
    today = date.today()
    monday = today + timedelta(days=7 - today.weekday())
    with scratch_app(scratch / "day") as (hb, token):
        hours = [{"weekday": d, "starts": time(9), "ends": time(18)} for d in range(5)]
        doctor = hb.doctors.create(token, {"last_name": "Проверкина", "first_name": "Ольга",
                                           "specialty": "Терапевт", "working_hours": hours}).id
        first, second = (hb.patients.create(token, {"last_name": name, "first_name": "Иван",
                                                    "birth_date": date(1980, 1, 1), "phone": "+7 900 000-00-0" + n}).id
                         for name, n in (("Первый", "1"), ("Второй", "2")))
        kind = hb.appointment_types.create(token, {"name": "Первичный", "minutes": 30, "colour": "#2e7d32"}).id

        def at(day: date, hour: int) -> dict[str, datetime]:
            start = datetime.combine(day, time(hour))
            return {"starts_at": start, "ends_at": start + timedelta(minutes=30)}

        visit = hb.appointments.create(token, {"doctor_id": doctor, "patient_id": first, "type_id": kind,
                                               **at(monday, 10)})
        tuesday = monday + timedelta(days=1)
        hb.time_off.add(token, {"doctor_id": doctor, "kind": "day_off", "reason": "check",
                                "starts_at": datetime.combine(tuesday, time.min),
                                "ends_at": datetime.combine(tuesday + timedelta(days=1), time.min)})
        try:
            hb.appointments.create(token, {"doctor_id": doctor, "patient_id": second, **at(tuesday, 10)})
        except BookingConflict:
            pass
        else:
            expect(False, "a booking on a day off was accepted")
        found = hb.free_times.find(token, {"doctor_id": doctor, "starts_from": datetime.combine(tuesday, time(8)),
                                           "count": 1})
        expect(bool(found) and found[0].starts_at.date() > tuesday, "the free time did not skip the day off")
        request = {"doctor_id": doctor, "patient_id": second, "first_day": monday + timedelta(days=2),
                   "weekdays": (2,), "count": 3, "start_time": time(11)}
        preview = hb.series.preview(token, request)
        booked = hb.series.book(token, request, [p.starts_at for p in preview])
        expect(len(booked.appointments) == 3, "the series was not booked whole")
        hb.waitlist.add(token, {"patient_id": second, "doctor_id": doctor, "weekdays": "1111100",
                                "earliest": time(8), "latest": time(20), "minutes": 30})
        arrived = hb.appointments.set_status(token, visit.id, "no_show", visit.version)
        back = hb.appointments.undo_status(token, visit.id, arrived.version)
        expect(back.status.value == "scheduled", "undo did not put the status back")
        call = hb.confirmations.set_answer(token, visit.id, "cancelled_by_phone", back.version)
        expect(call.appointment.status.value == "cancelled", "a phone cancellation did not cancel")
        offer = hb.waitlist.offer(token, visit.id)
        expect(bool(offer.entries), "the freed slot was not offered to the waitlist")
