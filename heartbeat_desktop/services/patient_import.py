"""Patients from a CSV file: read its header, preview every row, import in one transaction.

The three steps of the desk's *Import patients…* (and of ``heartbeat-desktop
import patients``):

* :meth:`PatientImportService.read_header`: the file's columns and a suggested
  mapping to the patient's fields (see :mod:`.import_mapping`);
* :meth:`~PatientImportService.preview`: each row as the patient form would
  take it (the same :class:`PatientCreate` checks), rejected with the form's
  reasons, or flagged as a possible duplicate of a patient already registered
  (same name and birth date, or same phone: the rule of
  :meth:`PatientService.possible_duplicates`) or of an earlier row of the file;
* :meth:`~PatientImportService.run`: stores them in one transaction, all or
  nothing, or the good rows and the possible duplicates the desk ticked; the
  other rows go to a CSV file beside the source with a "reason" column.

Rows are written with the bulk loader (10,000 patients in a second or two), with
the same search keys the form's save computes (``PatientService.apply``); each
patient gets its "create" audit row, and the import one "import" row saying how
many came from which file (no personal data).  Nothing is written before ``run``.
"""

from __future__ import annotations

import time as timer
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from sqlalchemy import func, select

from heartbeat_desktop.core.errors import Text, ValidationFailed
from heartbeat_desktop.models import Patient
from heartbeat_desktop.repositories.bulk import insert_many
from heartbeat_desktop.schemas import PatientCreate, parse
from heartbeat_desktop.schemas.patient_import import (
    ImportHeader,
    ImportPolicy,
    ImportPreview,
    ImportResult,
    ImportRow,
    mapping_problems,
)
from heartbeat_desktop.services.audit import snapshot
from heartbeat_desktop.services.context import Actor, ServiceContext
from heartbeat_desktop.services.import_csv import CsvTable, read_table, rejected_path_for, write_rejected
from heartbeat_desktop.services.import_mapping import form_values, guess_mapping, labelled, row_values
from heartbeat_desktop.services.patients import PatientService
from heartbeat_desktop.services.permissions import Permission
from heartbeat_desktop.services.unit_of_work import UnitOfWork

Source = Path | bytes  # a file, or its bytes already read (then ``file_name`` names it)
SAMPLE_ROWS = 5
BATCH = 5000


@dataclass
class _Checked:
    row: ImportRow
    cells: tuple[str, ...]
    values: dict[str, Any] | None  # the row's columns as stored (None: rejected)


class PatientImportService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.patients = PatientService(ctx)

    # --- the steps ---------------------------------------------------------------
    def read_header(self, token: str, source: Source, *, file_name: str | None = None) -> ImportHeader:
        with self.ctx.uow() as uow:
            self.ctx.authorize(uow, token, Permission.EDIT_PATIENTS)
        return self.read_header_as_installer(source, file_name=file_name)

    def read_header_as_installer(self, source: Source, *, file_name: str | None = None) -> ImportHeader:
        """The command line's first step: the file alone (no database)."""
        table, name = self._table(source, file_name)
        return ImportHeader(file_name=name, encoding=table.encoding, delimiter=table.delimiter,
                            columns=table.columns, rows=len(table.rows),
                            sample=tuple(cells for _n, cells in table.rows[:SAMPLE_ROWS]),
                            mapping=guess_mapping(table.columns))

    def preview(self, token: str, source: Source, mapping: Mapping[str, str]) -> ImportPreview:
        table, _name = self._table(source, None)
        with self.ctx.uow() as uow:
            self.ctx.authorize(uow, token, Permission.EDIT_PATIENTS)
            return ImportPreview(rows=tuple(c.row for c in self._check(uow, table, mapping)))

    def run(self, token: str, source: Source, mapping: Mapping[str, str],
            policy: ImportPolicy = ImportPolicy.SKIP_BAD, *, import_duplicates: Collection[int] | bool = (),
            rejected_path: Path | None = None, file_name: str | None = None) -> ImportResult:
        """Store the rows (see the module's description); ``import_duplicates``: the row
        numbers of possible duplicates to import anyway (True: all of them).  The rejected (and skipped)
        rows go to ``rejected_path``, else beside a source file."""
        return self._run(token, None, source, mapping, policy, import_duplicates, rejected_path, file_name)

    def run_as_installer(self, actor: Actor, source: Source, mapping: Mapping[str, str],
                         policy: ImportPolicy = ImportPolicy.SKIP_BAD, *,
                         import_duplicates: Collection[int] | bool = (),
                         rejected_path: Path | None = None, file_name: str | None = None) -> ImportResult:
        """The command line's ``import patients``: whoever can open the database."""
        return self._run(None, actor, source, mapping, policy, import_duplicates, rejected_path, file_name)

    # --- reading and checking ----------------------------------------------------------
    @staticmethod
    def _table(source: Source, file_name: str | None) -> tuple[CsvTable, str]:
        if isinstance(source, bytes):
            return read_table(source), file_name or "data.csv"
        path = Path(source)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ValidationFailed({"file": Text("errors", "The file {0} cannot be read ({1}).").format(
                path, exc.strerror or exc)}) from None
        return read_table(data), file_name or path.name

    def _check(self, uow: UnitOfWork, table: CsvTable, mapping: Mapping[str, str]) -> list[_Checked]:
        problems = mapping_problems(dict(mapping), table.columns)
        if problems:
            raise ValidationFailed(problems)
        checked: list[_Checked] = []
        for number, cells in table.rows:
            values = row_values(cells, table.columns, mapping)
            form, errors = form_values(values)  # (a date the form would not take: its own message)
            try:
                data = parse(PatientCreate, form)
            except ValidationFailed as exc:
                errors = {**exc.field_errors, **errors}
            if errors:
                checked.append(_Checked(ImportRow(row=number, values=values, problems=labelled(errors)), cells, None))
                continue
            stored = SimpleNamespace()
            self.patients.apply(stored, data)  # the search keys exactly as a form's save makes them
            checked.append(_Checked(ImportRow(row=number, values=values), cells, vars(stored)))
        self._flag_duplicates(uow, checked)
        return checked

    @staticmethod
    def _flag_duplicates(uow: UnitOfWork, checked: list[_Checked]) -> None:
        """Same name and birth date, or same phone digits: among the patients, then the earlier rows."""
        good = [c for c in checked if c.values is not None]
        same_person: dict[tuple[str, Any], list[str]] = {}
        same_phone: dict[str, list[str]] = {}
        existing = uow.patients.matching([c.values["name_key"] for c in good],  # type: ignore[index]
                                         [c.values["phone_digits"] for c in good if c.values["phone_digits"]])  # type: ignore[index]
        for p in existing:
            name = " ".join(part for part in (p.last_name, p.first_name, p.middle_name) if part)
            said = (Text("errors", "{0}, born {1}, {2}").format(name, f"{p.birth_date:%d.%m.%Y}", p.phone) if p.phone
                    else Text("errors", "{0}, born {1}").format(name, f"{p.birth_date:%d.%m.%Y}"))
            same_person.setdefault((p.name_key, p.birth_date), []).append(said)
            if p.phone_digits:
                same_phone.setdefault(p.phone_digits, []).append(said)
        for c in good:
            v = c.values
            assert v is not None
            person, phone = (v["name_key"], v["birth_date"]), v["phone_digits"]
            found = list(dict.fromkeys(same_person.get(person, []) + (same_phone.get(phone, []) if phone else [])))
            if found:
                c.row = c.row.model_copy(update={"duplicate_of": tuple(found)})
            said = Text("errors", "row {0} of this file").format(c.row.row)
            same_person.setdefault(person, []).append(said)
            if phone:
                same_phone.setdefault(phone, []).append(said)

    # --- importing ---------------------------------------------------------------------
    def _run(self, token: str | None, actor: Actor | None, source: Source, mapping: Mapping[str, str],
             policy: ImportPolicy, import_duplicates: Collection[int] | bool, rejected_path: Path | None,
             file_name: str | None) -> ImportResult:
        started = timer.perf_counter()
        policy = ImportPolicy(policy)
        table, name = self._table(source, file_name)
        if rejected_path is None and isinstance(source, Path):
            rejected_path = rejected_path_for(source)
        every = import_duplicates is True
        wanted = set() if isinstance(import_duplicates, bool) else set(import_duplicates)
        with self.ctx.uow(write=True) as uow:
            if token is not None:
                actor = self.ctx.authorize(uow, token, Permission.EDIT_PATIENTS)
            assert actor is not None
            checked = self._check(uow, table, mapping)
            rejected = [c for c in checked if c.row.rejected]
            skipped = [c for c in checked if not c.row.rejected and c.row.duplicate_of and not every
                       and c.row.row not in wanted]
            left_alone = {c.row.row for c in skipped}
            chosen = [c for c in checked if c.values is not None and c.row.row not in left_alone]
            store = not (policy is ImportPolicy.ALL_OR_NOTHING and rejected)
            left_out = sorted(rejected + skipped, key=lambda c: c.row.row)
            written = None
            if left_out and rejected_path is not None:
                try:
                    write_rejected(rejected_path, table, [(c.cells, c.row.reason) for c in left_out])
                except OSError as exc:
                    raise ValidationFailed({"file": Text("errors", "The rows left out cannot be written to {0} ({1}), "
                                                             "so nothing was imported.").format(
                        rejected_path, exc.strerror or exc)}) from None
                written = str(rejected_path)
            try:
                if store:
                    imported = self._store(uow, actor, chosen)
                    uow.audit(actor, "import", "patient", None, {
                        "file": name, "imported": imported, "rejected": len(rejected),
                        "skipped_duplicates": len(skipped), "policy": policy.value})
                    uow.commit()
            except BaseException:
                if written:  # it described an import that did not happen
                    Path(written).unlink(missing_ok=True)
                raise
        if store and len(chosen) >= 1000:
            self.ctx.db.refresh_statistics(("patients", "audit_log"))
        return ImportResult(imported=len(chosen) if store else 0, rejected=len(rejected),
                            skipped_duplicates=len(skipped), stored=store, rejected_file=written,
                            seconds=round(timer.perf_counter() - started, 3),
                            left_out=tuple(c.row for c in left_out))

    def _store(self, uow: UnitOfWork, actor: Actor, chosen: list[_Checked]) -> int:
        """Bulk INSERT (the ids read back: above the old largest, stamped with this
        import's time), then each patient's "create" audit row."""
        if not chosen:
            return 0
        now = self.ctx.now()
        conn = uow.session.connection()
        patients = Patient.__table__
        max_before = conn.scalar(select(func.max(patients.c.id))) or 0
        rows = [{**c.values, "is_active": True, "version": 1,  # type: ignore[dict-item]
                 "created_at": now, "updated_at": now} for c in chosen]
        for start in range(0, len(rows), BATCH):
            insert_many(conn, patients, rows[start:start + BATCH])
        ids = list(conn.scalars(select(patients.c.id).where(patients.c.id > max_before, patients.c.created_at == now)
                                .order_by(patients.c.id)))
        if len(ids) != len(rows):  # another desk's patient stamped with the same microsecond: never seen
            raise RuntimeError(f"imported {len(rows)} patients but read back {len(ids)}")
        fields = self.patients.fields
        uow.audit_many(actor, "create", "patient",
                       ((id_, snapshot(SimpleNamespace(**row), fields)) for id_, row in zip(ids, rows, strict=True)))
        return len(ids)
