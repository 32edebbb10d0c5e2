"""Patients, and the look-ups of the duplicate check."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, or_, select

from heartbeat_desktop.models import Patient
from heartbeat_desktop.repositories.base import id_is_not
from heartbeat_desktop.repositories.people import PersonRepository, _next_prefix

MIN_SPLIT = 3  # a surname this long or longer may have one letter wrong


def _starts_with(column: Any, prefix: str) -> ColumnElement[bool]:
    """A prefix range the index seeks to (the keys are ASCII, "C" order on PostgreSQL)."""
    beyond = _next_prefix(prefix)
    return column >= prefix if beyond is None else and_(column >= prefix, column < beyond)


class PatientRepository(PersonRepository[Patient]):
    model = Patient
    sort_keys = {**PersonRepository.sort_keys, "birth_date": ("birth_date", "name_key"), "email": ("email",)}

    def possible_duplicates(self, patient: Patient, limit: int = 10) -> list[Patient]:
        """Same name and birth date, or same phone digits: shown before creating one."""
        same_person = and_(Patient.name_key == patient.name_key, Patient.birth_date == patient.birth_date)
        clauses = [same_person]
        if patient.phone_digits:
            clauses.append(Patient.phone_digits == patient.phone_digits)
        stmt = select(Patient).where(clauses[0] if len(clauses) == 1 else clauses[0] | clauses[1])
        if patient.id is not None:
            stmt = stmt.where(id_is_not(Patient.id, patient.id))
        return list(self.session.scalars(stmt.order_by(Patient.name_key).limit(limit)))

    def matching(self, name_keys: Collection[str], phone_digits: Collection[str], chunk: int = 500) -> list[Any]:
        """Patients whose name key or phone digits are among these, as plain rows: what
        :meth:`possible_duplicates` looks for, for a whole file at once (an import)."""
        columns = (Patient.id, Patient.last_name, Patient.first_name, Patient.middle_name, Patient.birth_date,
                   Patient.name_key, Patient.phone, Patient.phone_digits)
        keys, phones = sorted(set(name_keys)), sorted(set(phone_digits))
        found: dict[int, Any] = {}
        for start in range(0, max(len(keys), len(phones)), chunk):
            wanted = or_(Patient.name_key.in_(keys[start:start + chunk]),
                         Patient.phone_digits.in_(phones[start:start + chunk]))
            for row in self.session.execute(select(*columns).where(wanted)):
                found[row.id] = row
        return sorted(found.values(), key=lambda row: (row.name_key, row.id))

    def like_named(self, last: str, first: str, limit: int = 200) -> list[Patient]:
        """Patients whose first name key is ``first`` and whose surname key may be ``last``
        with one letter changed, added or left out (checked by the caller).

        One edit leaves either the first half of the surname or the rest intact:
        two seeks in the (first name, surname) and (first name, reversed surname)
        indexes find every such patient, and few others.
        """
        if len(last) < MIN_SPLIT:
            return self._found(Patient.match_first == first, Patient.match_last == last, limit=limit)
        half = len(last) // 2
        found = {p.id: p for p in self._found(Patient.match_first == first,
                                              _starts_with(Patient.match_last, last[:half]), limit=limit)}
        tail = last[half:][::-1]
        for p in self._found(Patient.match_first == first, _starts_with(Patient.match_last_reversed, tail),
                             limit=limit):
            found.setdefault(p.id, p)
        return list(found.values())

    def born_on(self, birth_date: date, limit: int = 200) -> list[Patient]:
        return self._found(Patient.birth_date == birth_date, limit=limit)

    def with_phone(self, digits: Sequence[str], limit: int = 50) -> list[Patient]:
        """Patients whose phone's digits are one of ``digits`` (the spellings of one number)."""
        return self._found(Patient.phone_digits.in_(list(digits)), limit=limit) if digits else []

    def _found(self, *where: ColumnElement[bool], limit: int) -> list[Patient]:
        return list(self.session.scalars(select(Patient).where(*where).limit(limit)))
