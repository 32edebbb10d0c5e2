"""Patients: registration, search, duplicates, deactivation."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from heartbeat_desktop.core.errors import Text
from heartbeat_desktop.models import Patient
from heartbeat_desktop.repositories import PatientRepository
from heartbeat_desktop.schemas import (
    DuplicateMatch,
    DuplicateProbe,
    PatientCreate,
    PatientRead,
    PatientRow,
    PatientUpdate,
    parse,
)
from heartbeat_desktop.schemas.base import Schema
from heartbeat_desktop.schemas.text import match_key, normalize_phone, one_edit_apart, phone_digits, phone_key
from heartbeat_desktop.services.permissions import Permission
from heartbeat_desktop.services.records import PersonService
from heartbeat_desktop.services.unit_of_work import UnitOfWork

MIN_PHONE = 10  # digits typed before the phone is compared: a whole number, not the start of one


def set_match_keys(patient: Patient) -> None:
    """The duplicate check's spelling-blind keys, written with the name."""
    surname = match_key(patient.last_name)
    patient.match_last, patient.match_last_reversed = surname, surname[::-1]
    patient.match_first = match_key(patient.first_name)


def phone_spellings(phone: str | None) -> list[str]:
    """The digit strings one typed number may be stored as ('8 916…' is '+7 916…')."""
    key = phone_key(phone)
    if key is None or len(key) < MIN_PHONE:
        return []
    spellings = {key, phone_digits(phone or "")}
    try:
        spellings.add(phone_digits(normalize_phone(phone or "")))
    except ValueError:
        pass
    if len(key) == 11 and key[0] == "7":
        spellings |= {"8" + key[1:], key[1:]}
    return sorted(spellings)


class PatientService(PersonService[Patient, PatientRead]):
    entity = "patient"
    in_use = Text("errors", "This patient has {0} appointments and cannot be deleted. Deactivate the patient "
                  "instead: the history is kept.")
    in_use_one = Text("errors", "This patient has {0} appointment and cannot be deleted. Deactivate the patient "
                      "instead: the history is kept.")
    saved_since = Text("errors", "{0} saved this patient at {1} on {2}, after you opened it. Compare, then keep "
                       "their version or save yours on top of it.")
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

    def apply(self, obj: Patient, data: Schema) -> None:
        super().apply(obj, data)
        set_match_keys(obj)

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

    def likely_duplicates(
        self, token: str, typed: DuplicateProbe | Mapping[str, Any], exclude_id: int | None = None, limit: int = 8
    ) -> list[DuplicateMatch]:
        """Registered patients who may be the one being typed, most alike first: asked while typing.

        Alike are a similar name (surname and first name, in Cyrillic or Latin
        letters, ё as е, any case, one letter of the surname apart at most), the
        same birth date and the same phone number (+7 and 8 alike).  A name or
        a phone must agree; a birth date adds to them, or to a similar surname
        alone.  Records merged into another are left out; so is ``exclude_id``.
        """
        typed = parse(DuplicateProbe, typed)
        last, first = match_key(typed.last_name), match_key(typed.first_name)
        with self.ctx.uow() as uow:
            self.ctx.authorize(uow, token, self.view)
            repo = uow.patients
            found: dict[int, Patient] = {}
            if last and first:
                found.update((p.id, p) for p in repo.like_named(last, first))
            if typed.birth_date is not None and last:
                found.update((p.id, p) for p in repo.born_on(typed.birth_date))
            phones = phone_spellings(typed.phone)
            found.update((p.id, p) for p in repo.with_phone(phones))
            matches = []
            for patient in found.values():
                if patient.id == exclude_id or patient.merged_into_id is not None:
                    continue
                signals = _signals(patient, last, first, typed, phones)
                if {"name", "phone"} & set(signals) or {"surname", "birth_date"} <= set(signals):
                    matches.append((patient, signals))
            matches.sort(key=lambda m: (-_score(m[1]), -len(m[1]), not m[0].is_active, m[0].name_key, m[0].id))
            return [DuplicateMatch(patient=self.to_read(p), signals=s, score=_score(s)) for p, s in matches[:limit]]


def _signals(patient: Patient, last: str, first: str, typed: DuplicateProbe, phones: list[str]) -> tuple[str, ...]:
    surname = bool(last) and one_edit_apart(last, patient.match_last) if len(last) >= 3 else last == patient.match_last
    found = []
    if surname and first and first == patient.match_first:
        found.append("name")
    if typed.birth_date is not None and typed.birth_date == patient.birth_date:
        found.append("birth_date")
    if phones and patient.phone_digits in phones:
        found.append("phone")
    if surname and "name" not in found:
        found.append("surname")
    return tuple(found)


def _score(signals: tuple[str, ...]) -> int:
    return sum(s in signals for s in ("name", "birth_date", "phone"))
