"""Merging two records of one patient, and undoing a merge (administrators).

A merge moves everything of the duplicate to the survivor (appointments with
their status history, waitlist entries, series), fills the survivor's empty
fields the administrator chose from the duplicate, and deactivates the
duplicate, marked as merged into the survivor; never deletes it.  Refused,
with nothing changed, if the two records have visits at the same time.  One
transaction, audited ("merge") on both records.

Each merge is kept (``patient_merges``) with the ids and versions of what
moved and the fields' old values, so :meth:`MergeService.undo` puts back
exactly that, unless something it would put back was changed since.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from heartbeat_desktop.core.errors import BookingConflict, Conflict, NotFound, StaleRecord, Text, ValidationFailed
from heartbeat_desktop.models import Appointment, Patient, PatientMerge
from heartbeat_desktop.repositories.appointment import active
from heartbeat_desktop.repositories.base import id_is
from heartbeat_desktop.repositories.patient_merge import OWNED
from heartbeat_desktop.schemas import MergePreview, MergeRead, MergeRequest, PatientRead, parse
from heartbeat_desktop.schemas.merge import FILLABLE
from heartbeat_desktop.schemas.text import name_key, phone_digits
from heartbeat_desktop.services.booking_rules import when
from heartbeat_desktop.services.context import ServiceContext
from heartbeat_desktop.services.patients import set_match_keys
from heartbeat_desktop.services.permissions import Permission
from heartbeat_desktop.services.unit_of_work import UnitOfWork

KINDS = tuple(OWNED)  # "appointments", "waitlist", "series"
# the fields and the kinds of rows inside a sentence (lower case in English)
LABELS = {"middle_name": Text("errors", "middle name"), "sex": Text("errors", "sex"), "phone": Text("errors", "phone"),
          "email": Text("errors", "e-mail"), "address": Text("errors", "address"), "notes": Text("errors", "notes")}
WHAT = {"appointments": Text("errors", "appointment"), "waitlist": Text("errors", "waitlist entry"),
        "series": Text("errors", "series of visits")}
GONE = Text("errors", "One of these patients no longer exists; it may have been deleted at another desk.")


def _name(patient: Patient) -> str:
    return " ".join(p for p in (patient.last_name, patient.first_name, patient.middle_name) if p)


def _empty(value: Any) -> bool:
    return value is None or value == ""


class MergeService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # --- reading -------------------------------------------------------------------------------
    def preview(self, token: str, survivor_id: int, duplicate_id: int) -> MergePreview:
        """Both records, what a merge would move and fill, and why it would be refused (if it would)."""
        with self.ctx.uow() as uow:
            self.ctx.authorize(uow, token, Permission.MERGE_PATIENTS)
            survivor, duplicate = self._pair(uow, survivor_id, duplicate_id, lock=False)
            counts = {kind: len(uow.merges.owned(kind, duplicate.id)) for kind in KINDS}
            return MergePreview(
                survivor=PatientRead.model_validate(survivor), duplicate=PatientRead.model_validate(duplicate),
                appointments=counts["appointments"], status_changes=uow.merges.status_changes(duplicate.id),
                waitlist=counts["waitlist"], series=counts["series"],
                fillable=tuple(f for f in FILLABLE
                               if _empty(getattr(survivor, f)) and not _empty(getattr(duplicate, f))),
                problem=self._clash(uow, survivor, duplicate))

    def list(self, token: str, patient_id: int | None = None) -> list[MergeRead]:
        """Merges, newest first: all of them (the latest 200), or those this patient took part in."""
        with self.ctx.uow() as uow:
            self.ctx.authorize(uow, token, Permission.MERGE_PATIENTS)
            merges = uow.merges.newest() if patient_id is None else uow.merges.of_patient(patient_id)
            return [self._read(uow, m) for m in merges]

    # --- writing -------------------------------------------------------------------------------
    def merge(self, token: str, request: MergeRequest | Mapping[str, Any]) -> MergeRead:
        request = parse(MergeRequest, request)
        with self.ctx.uow(write=True) as uow:
            actor = self.ctx.authorize(uow, token, Permission.MERGE_PATIENTS)
            survivor, duplicate = self._pair(uow, request.survivor_id, request.duplicate_id, lock=True)
            for patient, version in ((survivor, request.survivor_version), (duplicate, request.duplicate_version)):
                if patient.version != version:
                    raise StaleRecord(Text("errors", "{0}'s record was changed at another desk after you opened it. "
                                           "Look at both records again, then merge.").format(_name(patient)),
                                      current_version=patient.version)
            self._check_take(survivor, duplicate, request.take)
            problem = self._clash(uow, survivor, duplicate)
            if problem:
                raise BookingConflict(problem)
            moved: dict[str, list[Any]] = {}
            for kind in KINDS:
                moved[kind] = uow.merges.owned(kind, duplicate.id)
                for row in moved[kind]:
                    row.patient_id = survivor.id
            fields = {}
            for field in request.take:
                fields[field] = [getattr(survivor, field), getattr(duplicate, field)]
                setattr(survivor, field, getattr(duplicate, field))
            self._rekey(survivor)
            was_active = duplicate.is_active
            duplicate.is_active, duplicate.merged_into_id = False, survivor.id
            uow.flush()  # the versions below are those the rows have after the move
            record = PatientMerge(survivor_id=survivor.id, duplicate_id=duplicate.id, fields=fields,
                                  moved={k: {str(r.id): r.version for r in rows} for k, rows in moved.items()},
                                  duplicate_was_active=was_active, user_id=actor.user_id, username=actor.username)
            uow.merges.add(record)
            ids = {k: [r.id for r in rows] for k, rows in moved.items()}
            uow.audit(actor, "merge", "patient", survivor.id,
                      {"merge_id": record.id, "duplicate_id": duplicate.id, "duplicate": _name(duplicate),
                       **ids, "fields": fields})
            uow.audit(actor, "merge", "patient", duplicate.id,
                      {"merge_id": record.id, "merged_into": [None, survivor.id], "is_active": [was_active, False]})
            result = self._read(uow, record)
            uow.commit()
            return result

    def undo(self, token: str, merge_id: int) -> MergeRead:
        """Put back what the merge moved and filled in, and the duplicate as it was.

        Refused, with nothing changed, once undone, or if anything it would put
        back was changed since: a moved visit edited, moved, re-assigned or
        deleted, a filled-in field edited, the duplicate reactivated or either
        record merged again.
        """
        with self.ctx.uow(write=True) as uow:
            actor = self.ctx.authorize(uow, token, Permission.MERGE_PATIENTS)
            record = uow.merges.get(merge_id)
            if record is None:
                raise NotFound(Text("errors", "This merge no longer exists."))
            if record.undone_at is not None:
                done = record.undone_at.astimezone(self.ctx.zone)
                raise Conflict(Text("errors", "This merge was already undone ({0}, {1}).").format(
                    record.undone_by or Text("errors", "someone"), f"{done:%d.%m.%Y %H:%M}"))
            survivor, duplicate = self._locked(uow, record.survivor_id, record.duplicate_id)
            rows = self._check_undo(uow, record, survivor, duplicate)
            for kind in KINDS:
                for row in rows[kind]:
                    row.patient_id = duplicate.id
            for field, (old, _new) in record.fields.items():
                setattr(survivor, field, old)
            self._rekey(survivor)
            duplicate.is_active, duplicate.merged_into_id = record.duplicate_was_active, None
            record.undone_at, record.undone_by = self.ctx.now(), actor.username
            uow.flush()
            ids = {k: [r.id for r in rs] for k, rs in rows.items()}
            uow.audit(actor, "undo_merge", "patient", survivor.id,
                      {"merge_id": record.id, "duplicate_id": duplicate.id, **ids,
                       "fields": {f: [new, old] for f, (old, new) in record.fields.items()}})
            uow.audit(actor, "undo_merge", "patient", duplicate.id,
                      {"merge_id": record.id, "merged_into": [survivor.id, None],
                       "is_active": [False, record.duplicate_was_active]})
            result = self._read(uow, record)
            uow.commit()
            return result

    # --- the checks ----------------------------------------------------------------------------
    def _pair(self, uow: UnitOfWork, survivor_id: int, duplicate_id: int, lock: bool) -> tuple[Patient, Patient]:
        if survivor_id == duplicate_id:
            raise ValidationFailed({"duplicate_id": Text("errors", "Choose two different patients.")})
        survivor, duplicate = (self._locked(uow, survivor_id, duplicate_id) if lock
                               else (uow.patients.get(survivor_id), uow.patients.get(duplicate_id)))
        if survivor is None or duplicate is None:
            raise NotFound(GONE)
        for patient in (survivor, duplicate):
            if patient.merged_into_id is not None:
                raise Conflict(Text("errors", "{0} was already merged into another record (no. {1}). "
                                    "Merge with that record instead.").format(_name(patient), patient.merged_into_id))
        return survivor, duplicate

    @staticmethod
    def _locked(uow: UnitOfWork, *ids: int) -> tuple[Any, ...]:
        """The patients row-locked (PostgreSQL), smaller id first: two desks merging take turns."""
        found = {i: uow.patients.lock(i) for i in sorted(ids)}
        if any(p is None for p in found.values()):
            raise NotFound(GONE)
        return tuple(found[i] for i in ids)

    @staticmethod
    def _check_take(survivor: Patient, duplicate: Patient, take: tuple[str, ...]) -> None:
        for field in take:
            if field not in FILLABLE:
                raise ValidationFailed({"take": Text("errors", "“{0}” cannot be taken from the other record.").format(
                    field)})
            if not _empty(getattr(survivor, field)):
                raise ValidationFailed({"take": Text("errors", "The {0} of the record kept is not empty; "
                                                     "a merge only fills empty fields.").format(LABELS[field])})
            if _empty(getattr(duplicate, field)):
                raise ValidationFailed({"take": Text("errors", "The other record has no {0} to take.").format(
                    LABELS[field])})

    def _clash(self, uow: UnitOfWork, survivor: Patient, duplicate: Patient) -> str | None:
        """Why the two records' visits cannot be one patient's: two at the same time."""
        zone = self.ctx.zone
        for visit in uow.appointments.list(active(), id_is(Appointment.patient_id, duplicate.id)):
            for other in uow.appointments.clashes(visit.starts_at, visit.ends_at, patient_id=survivor.id)[:1]:
                return Text("errors", "Both records have a visit at the same time: {0} with Dr {1}, and {2} with "
                            "Dr {3}. One patient cannot be in two places: cancel or move one of them, then "
                            "merge.").format(
                    when(other.starts_at, other.ends_at, zone), other.doctor.last_name,
                    when(visit.starts_at, visit.ends_at, zone), visit.doctor.last_name)
        return None

    def _check_undo(self, uow: UnitOfWork, record: PatientMerge, survivor: Patient,
                    duplicate: Patient) -> dict[str, list[Any]]:
        """The rows to put back, each as the merge left it; refused otherwise."""
        if duplicate.merged_into_id != record.survivor_id:
            raise Conflict(Text("errors", "{0}'s record was changed since the merge (reactivated or merged "
                                "again); this merge can no longer be undone.").format(_name(duplicate)))
        if survivor.merged_into_id is not None:
            raise Conflict(Text("errors", "{0} was merged into another record since. Undo that merge first.").format(
                _name(survivor)))
        rows: dict[str, list[Any]] = {}
        for kind in KINDS:
            expected = {int(i): v for i, v in record.moved.get(kind, {}).items()}
            found = uow.merges.by_ids(kind, list(expected))
            for id_, version in expected.items():
                row = found.get(id_)
                what = self._describe(kind, row)
                if row is None:
                    raise Conflict(Text("errors", "A {0} this merge moved was deleted since; undoing the merge would "
                                        "not put back what it moved. Nothing was changed.").format(WHAT[kind]))
                if row.version != version or row.patient_id != survivor.id:
                    raise Conflict(Text("errors", "The {0}{1} that this merge moved was changed since; undoing the "
                                        "merge would lose that change. Nothing was changed.").format(WHAT[kind], what))
            rows[kind] = [found[i] for i in expected]
        for field, (_old, new) in record.fields.items():
            if getattr(survivor, field) != new:
                raise Conflict(Text("errors", "The {0} of {1} was edited since the merge filled it in. "
                                    "Nothing was changed.").format(LABELS.get(field, field), _name(survivor)))
        return rows

    def _describe(self, kind: str, row: Any) -> str:
        if kind != "appointments" or row is None:
            return ""
        return Text("errors", " of {0}").format(when(row.starts_at, row.ends_at, self.ctx.zone))

    @staticmethod
    def _rekey(patient: Patient) -> None:
        patient.name_key = name_key(patient.last_name, patient.first_name, patient.middle_name)
        patient.phone_digits = phone_digits(patient.phone) if patient.phone else None
        set_match_keys(patient)

    @staticmethod
    def _read(uow: UnitOfWork, record: PatientMerge) -> MergeRead:
        survivor, duplicate = uow.patients.get(record.survivor_id), uow.patients.get(record.duplicate_id)
        return MergeRead(
            id=record.id, survivor_id=record.survivor_id, survivor_name=_name(survivor) if survivor else "—",
            duplicate_id=record.duplicate_id, duplicate_name=_name(duplicate) if duplicate else "—",
            moved=record.moved, fields=record.fields, merged_at=record.merged_at, username=record.username,
            undone_at=record.undone_at, undone_by=record.undone_by)
