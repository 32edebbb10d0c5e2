"""Patients: registration, search, duplicates, deactivation."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from heartbeat_desktop.models import Patient
from heartbeat_desktop.repositories import PatientRepository
from heartbeat_desktop.schemas import PatientCreate, PatientRead, PatientRow, PatientUpdate, parse
from heartbeat_desktop.services.permissions import Permission
from heartbeat_desktop.services.records import PersonService
from heartbeat_desktop.services.unit_of_work import UnitOfWork


class PatientService(PersonService[Patient, PatientRead]):
    entity = "patient"
    model = Patient
    create_schema = PatientCreate
    update_schema = PatientUpdate
    read_schema = PatientRead
    view = Permission.VIEW_PATIENTS
    edit = Permission.EDIT_PATIENTS
    remove = Permission.DELETE_PATIENTS
    fields = ("last_name", "first_name", "middle_name", "birth_date", "sex", "phone", "email",
              "address", "notes")
    plain_read = True  # a patient reads from its own columns alone: lists skip the ORM
    row_type = PatientRow

    def repo(self, uow: UnitOfWork) -> PatientRepository:
        return uow.patients

    def possible_duplicates(
        self, token: str, data: PatientCreate | Mapping[str, Any], exclude_id: int | None = None
    ) -> list[PatientRead]:
        """Existing patients with the same name and birth date, or the same phone."""
        data = parse(PatientCreate, data)
        with self.ctx.uow() as uow:
            self.ctx.authorize(uow, token, self.view)
            probe = Patient(id=exclude_id)
            self.apply(probe, data)
            return [self.to_read(p) for p in uow.patients.possible_duplicates(probe)]
