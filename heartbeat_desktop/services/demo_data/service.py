"""Demo data: realistic, deterministic patients, doctors, hours and appointments.

Made for trying the application out and for measuring it with a realistic
amount of data.  The same seed gives the same people (with the same installed
Faker), so a bug seen on demo data can be reproduced.

Fast by design (100,000 patients in seconds): Faker is asked only once per
*pool* (a few hundred names, streets, cities), and the rows are combined from
the pools with a seeded :class:`random.Random`; they are written with
plain ``executemany`` in batches (:func:`insert_many`), in one transaction, so
a failure leaves nothing half written.

Appointments are cut from each new doctor's working hours (clinic-local time)
as disjoint slots, so they never overlap for a doctor and a patient is never
booked twice at once; past ones are completed, no-show or cancelled, the one
running now is in progress, future ones are scheduled."""

from __future__ import annotations

import random
import time as timer
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import func, insert, select

from heartbeat_desktop.core.errors import ValidationFailed
from heartbeat_desktop.models import Appointment, Doctor, Patient, WorkingHours
from heartbeat_desktop.repositories.bulk import insert_many
from heartbeat_desktop.services.context import SYSTEM, Actor, ServiceContext
from heartbeat_desktop.services.demo_data.people import RowMaker, draw_pools
from heartbeat_desktop.services.demo_data.request import (
    BATCH_SIZE,
    DatabaseNotEmpty,
    DemoDataRequest,
    DemoDataResult,
    Progress,
)
from heartbeat_desktop.services.demo_data.slots import (
    DoctorPlan,
    plan_appointments,
    working_days,
)
from heartbeat_desktop.services.permissions import Permission


def batches(items: Iterable[dict[str, Any]], size: int = BATCH_SIZE) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


# --- the service -------------------------------------------------------------------

class DemoDataService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def generate(self, token: str, request: DemoDataRequest | None = None, *,
                 progress: Progress | None = None, **options: Any) -> DemoDataResult:
        """The GUI's "Fill with demo data" (administrators only)."""
        with self.ctx.uow() as uow:
            actor = self.ctx.authorize(uow, token, Permission.MAINTAIN_DATABASE)
        return self.generate_as_installer(request, actor=actor, progress=progress, **options)

    def generate_as_installer(self, request: DemoDataRequest | None = None, *, actor: Actor = SYSTEM,
                              progress: Progress | None = None, **options: Any) -> DemoDataResult:
        """The command line's ``demo-data``: whoever can open the database."""
        if request is not None and options:
            raise TypeError("pass either a DemoDataRequest or keyword options, not both")
        request = request or DemoDataRequest(**options)
        problems = request.problems()
        if problems:
            raise ValidationFailed(problems)
        seed = request.seed if request.seed is not None else random.SystemRandom().randrange(1, 1_000_000)
        report = progress or (lambda stage, done, total: None)
        started = timer.perf_counter()

        ctx = self.ctx
        now = ctx.now()
        today = now.astimezone(ctx.zone).date()
        rng = random.Random(seed)
        pools = draw_pools(request.locale, seed)
        maker = RowMaker(request.locale, pools, rng, today, now)

        with ctx.uow(write=True) as uow:
            existing = uow.patients.count()
            if existing and not request.force:
                raise DatabaseNotEmpty(existing)
            conn = uow.session.connection()

            # plain executemany (RETURNING makes it 2-3 times slower); the new ids are
            # then read back: above the old maximum and stamped with this run's time
            patients = Patient.__table__
            max_before = conn.scalar(select(func.max(patients.c.id))) or 0
            done = 0
            for batch in batches(maker.patient() for _ in range(request.patients)):
                insert_many(conn, patients, batch)
                done += len(batch)
                report("patients", done, request.patients)
            patient_ids = list(conn.scalars(
                select(patients.c.id)
                .where(patients.c.id > max_before, patients.c.created_at == now)
                .order_by(patients.c.id)
            ))

            plans: list[DoctorPlan] = []
            hours_rows: list[dict[str, Any]] = []
            doctors = Doctor.__table__
            rooms = [f"{floor}{n:02d}" for floor in range(1, 6) for n in range(1, 41)]
            rng.shuffle(rooms)
            for i in range(request.doctors):
                row, hours, slot = maker.doctor(rooms[i % len(rooms)])
                doctor_id = conn.execute(insert(doctors).returning(doctors.c.id), row).scalar_one()
                plans.append(DoctorPlan(doctor_id, hours, slot))
                hours_rows += [{"doctor_id": doctor_id, "weekday": d, "starts": s, "ends": e}
                               for d, s, e in hours]
            if hours_rows:
                conn.execute(insert(WorkingHours.__table__), hours_rows)
            report("doctors", len(plans), request.doctors)

            days = working_days(today, request.days_back, request.days_ahead)
            appointments, free = plan_appointments(rng, maker.text, plans, patient_ids,
                                                   request.appointments, days, ctx.zone, now)
            done = 0
            for batch in batches(appointments):
                insert_many(conn, Appointment.__table__, batch)
                done += len(batch)
                report("appointments", done, len(appointments))

            uow.audit(actor, "demo_data", "database", None, {
                "patients": len(patient_ids), "doctors": len(plans),
                "appointments": len(appointments), "seed": seed, "locale": request.locale,
                "days_back": request.days_back, "days_ahead": request.days_ahead,
            })
            uow.commit()
        ctx.db.refresh_statistics(("patients", "doctors", "working_hours", "appointments"))
        return DemoDataResult(
            patients=len(patient_ids), doctors=len(plans), working_hours=len(hours_rows),
            appointments=len(appointments), seed=seed, locale=request.locale,
            seconds=round(timer.perf_counter() - started, 3), free_slots=free,
        )
