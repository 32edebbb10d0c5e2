"""Importing patients from CSV: the file read as Excel writes it, the header guessed,
each bad row rejected with the form's reasons, duplicates flagged, all or nothing or
the good rows only, the rejected rows written back with a reason, audited, refused
to a doctor; on both backends."""

from __future__ import annotations

import csv
import io
import time
from datetime import date
from pathlib import Path

import pytest

from heartbeat_desktop.core.errors import PermissionDenied, ValidationFailed
from heartbeat_desktop.schemas.patient_import import ImportPolicy
from heartbeat_desktop.services.import_csv import read_table
from heartbeat_desktop.services.import_mapping import guess_mapping
from tests.helpers import audit_rows, make_user, patient_data

RU_HEADER = ["Фамилия", "Имя", "Отчество", "Дата рождения", "Пол", "Телефон", "Эл. почта", "Адрес", "Примечание"]
RU_MAPPING = {"last_name": "Фамилия", "first_name": "Имя", "middle_name": "Отчество", "birth_date": "Дата рождения",
              "sex": "Пол", "phone": "Телефон", "email": "Эл. почта", "address": "Адрес", "notes": "Примечание"}
GOOD = [
    ["Смирнова", "Анна", "Петровна", "03.02.1975", "ж", "8 (903) 111-22-33", "anna@example.com", "ул. Ленина, 1", ""],
    ["Кузнецов", "Олег", "", "1990-12-31", "м", "", "", "", "Аллергия"],
    ["Попова", "Мария", "Ивановна", "15/06/2001", "", "+7 926 555-44-33", "", "", ""],
]
BAD = [
    ["Орлов", "Иван", "", "31.02.1980", "м", "", "", "", ""],  # no such day
    ["", "Пётр", "", "01.01.1970", "", "", "", "", ""],  # no surname
    ["Волков", "Сергей", "", "01.01.1960", "", "12-ab", "", "", ""],  # not a phone
    ["Л" * 101, "Ольга", "", "01.01.1985", "", "", "", "", ""],  # too long
]


def csv_bytes(rows, header=RU_HEADER, delimiter=",", encoding="utf-8"):
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode(encoding)


def write_csv(tmp_path: Path, rows, name="patients.csv", **options) -> Path:
    path = tmp_path / name
    path.write_bytes(csv_bytes(rows, **options))
    return path


def read_rejected(path: Path, encoding="utf-8-sig", delimiter=","):
    with open(path, encoding=encoding, newline="") as f:
        return list(csv.reader(f, delimiter=delimiter))


def test_each_bad_row_is_rejected_with_the_forms_reason(hb, desk_token, tmp_path):
    path = write_csv(tmp_path, GOOD + BAD)
    preview = hb.patient_import.preview(desk_token, path, RU_MAPPING)
    verdicts = {r.row: r for r in preview.rows}
    assert [r.row for r in preview.rows] == [2, 3, 4, 5, 6, 7, 8]
    assert all(verdicts[n].ok for n in (2, 3, 4))
    assert verdicts[5].problems == ("Birth date: Enter the date as dd.mm.yyyy, for example 17.05.1980.",)
    assert verdicts[6].problems == ("Last name: This field is required.",)
    assert verdicts[7].problems == ("Phone: Enter a phone number, for example +7 916 123-45-67.",)
    assert verdicts[8].problems == ("Last name: This is too long (at most 100 characters).",)
    assert (preview.good, preview.rejected, preview.duplicates) == (3, 4, 0)
    assert hb.patients.count(desk_token) == 0  # a preview writes nothing


def test_all_or_nothing_stores_none_when_a_row_is_bad(hb, desk_token, tmp_path):
    path = write_csv(tmp_path, GOOD + BAD)
    result = hb.patient_import.run(desk_token, path, RU_MAPPING, ImportPolicy.ALL_OR_NOTHING)
    assert (result.stored, result.imported, result.rejected) == (False, 0, 4)
    assert hb.patients.count(desk_token) == 0
    assert [e for e in audit_rows(hb) if e.entity == "patient"] == []
    assert result.rejected_file == str(tmp_path / "patients-rejected.csv")
    assert [r[0] for r in read_rejected(Path(result.rejected_file))[1:]] == ["Орлов", "", "Волков", "Л" * 101]
    good_only = write_csv(tmp_path, GOOD, name="good.csv")
    result = hb.patient_import.run(desk_token, good_only, RU_MAPPING, ImportPolicy.ALL_OR_NOTHING)
    assert (result.stored, result.imported, result.rejected_file) == (True, 3, None)
    assert not (tmp_path / "good-rejected.csv").exists()


def test_skip_bad_stores_exactly_the_good_rows_and_writes_the_rejected_ones(hb, desk_token, tmp_path):
    path = write_csv(tmp_path, GOOD + BAD)
    (tmp_path / "patients-rejected.csv").write_text("an older report")  # kept: the next free name is used
    result = hb.patient_import.run(desk_token, path, RU_MAPPING, ImportPolicy.SKIP_BAD)
    assert (result.stored, result.imported, result.rejected, result.skipped_duplicates) == (True, 3, 4, 0)
    assert result.summary().startswith("3 imported, 4 rejected; written to ")
    stored = {p.last_name: p for p in hb.patients.search(desk_token, "")}
    assert sorted(stored) == ["Кузнецов", "Попова", "Смирнова"]
    anna = stored["Смирнова"]
    assert (anna.birth_date, anna.sex, anna.phone, anna.email) == (date(1975, 2, 3), "female",
                                                                  "+7 903 111-22-33", "anna@example.com")
    assert stored["Кузнецов"].birth_date == date(1990, 12, 31) and stored["Кузнецов"].notes == "Аллергия"
    assert stored["Попова"].birth_date == date(2001, 6, 15)
    # the search keys are the form's: found by name (case, ё) and by the digits as dialled
    assert [p.last_name for p in hb.patients.search(desk_token, "смирнова анна")] == ["Смирнова"]
    assert [p.last_name for p in hb.patients.search(desk_token, "8 903 111")] == ["Смирнова"]
    written = Path(result.rejected_file)
    assert written.name == "patients-rejected-2.csv"
    assert (tmp_path / "patients-rejected.csv").read_text() == "an older report"
    table = read_rejected(written)
    assert table[0] == [*RU_HEADER, "reason"]
    assert [row[:-1] for row in table[1:]] == BAD
    assert table[2][-1] == "Last name: This field is required."


def test_excel_cp1251_with_semicolons_is_read_right(hb, desk_token, tmp_path):
    path = write_csv(tmp_path, GOOD + BAD[:1], delimiter=";", encoding="cp1251")
    header = hb.patient_import.read_header(desk_token, path)
    assert (header.encoding, header.delimiter, header.rows) == ("cp1251", ";", 4)
    assert header.columns == tuple(RU_HEADER)
    assert header.sample[0][:3] == ("Смирнова", "Анна", "Петровна")
    result = hb.patient_import.run(desk_token, path, header.mapping)
    assert (result.imported, result.rejected) == (3, 1)
    assert hb.patients.search(desk_token, "Смирнова")[0].address == "ул. Ленина, 1"
    rejected = read_rejected(Path(result.rejected_file), encoding="cp1251", delimiter=";")
    assert rejected[1][:2] == ["Орлов", "Иван"]  # written back as Excel wrote it


@pytest.mark.parametrize(("prefix", "delimiter", "encoding"), [
    (b"\xef\xbb\xbf", ",", "utf-8"), (b"", "\t", "utf-8"), (b"", ",", "utf-16")])
def test_utf8_with_a_bom_tabs_and_utf16_are_read(prefix, delimiter, encoding):
    table = read_table(prefix + csv_bytes(GOOD, delimiter=delimiter, encoding=encoding))
    assert table.columns == tuple(RU_HEADER) and table.delimiter == delimiter
    assert table.rows[0][1][0] == "Смирнова"


def test_the_header_is_guessed_in_russian_and_english():
    assert guess_mapping(RU_HEADER) == RU_MAPPING
    assert guess_mapping(["№", "ФИО", "Д.р.", "Тел. (моб.)", "E-mail", "Комментарий"]) == {
        "full_name": "ФИО", "birth_date": "Д.р.", "phone": "Тел. (моб.)", "email": "E-mail", "notes": "Комментарий"}
    assert guess_mapping(["Last name", "First name", "Date of birth", "Gender", "Phone number", "Email address"]) \
        == {"last_name": "Last name", "first_name": "First name", "birth_date": "Date of birth", "sex": "Gender",
            "phone": "Phone number", "email": "Email address"}


def test_a_full_name_column_is_split(hb, desk_token):
    data = csv_bytes([["Иванова Анна-Мария Петровна", "17.05.1980"], ["Smith, John", "1970-01-02"],
                      ["Пётр", "01.01.1990"]], header=["ФИО", "Дата рождения"])
    header = hb.patient_import.read_header(desk_token, data, file_name="fio.csv")
    assert header.mapping == {"full_name": "ФИО", "birth_date": "Дата рождения"}
    rows = hb.patient_import.preview(desk_token, data, header.mapping).rows
    assert rows[0].values == {"last_name": "Иванова", "first_name": "Анна-Мария", "middle_name": "Петровна",
                              "birth_date": "17.05.1980"}
    assert (rows[1].values["last_name"], rows[1].values["first_name"]) == ("Smith", "John")
    assert rows[2].problems == ("First name: This field is required.",)


def test_duplicates_of_a_patient_and_within_the_file_are_flagged(hb, desk_token, tmp_path):
    hb.patients.create(desk_token, patient_data())  # Иванов Пётр Сергеевич, 17.05.1980, +7 916 123-45-67
    rows = [["иванов", "пётр", "сергеевич", "17.05.1980", "", "", "", "", ""],  # same name and birth date
            ["Сидоров", "Илья", "", "02.02.1992", "", "8 916 123 45 67", "", "", ""],  # same phone
            ["Новикова", "Ольга", "", "03.03.1983", "", "", "", "", ""],
            ["НОВИКОВА", "ОЛЬГА", "", "3/3/1983", "", "", "", "", ""]]  # the row before, again
    path = write_csv(tmp_path, rows)
    preview = hb.patient_import.preview(desk_token, path, RU_MAPPING)
    flagged = {r.row: r.duplicate_of for r in preview.rows}
    assert flagged[2] == ("Иванов Пётр Сергеевич, born 17.05.1980, +7 916 123-45-67",)
    assert flagged[3] == flagged[2]
    assert flagged[4] == () and flagged[5] == ("row 4 of this file",)
    assert (preview.good, preview.duplicates) == (1, 3)
    result = hb.patient_import.run(desk_token, path, RU_MAPPING, import_duplicates={3})  # ticked: row 3 only
    assert (result.imported, result.skipped_duplicates, result.rejected) == (2, 2, 0)
    assert sorted(p.last_name for p in hb.patients.search(desk_token, "")) == ["Иванов", "Новикова", "Сидоров"]
    reasons = {row[0]: row[-1] for row in read_rejected(Path(result.rejected_file))[1:]}
    assert reasons == {
        "иванов": "Possible duplicate of Иванов Пётр Сергеевич, born 17.05.1980, +7 916 123-45-67 (not imported)",
        "НОВИКОВА": "Possible duplicate of row 4 of this file (not imported)"}


def test_an_import_is_audited_once_and_each_patient_created(hb, desk_token, tmp_path, admin_token):
    path = write_csv(tmp_path, GOOD + BAD[:1], name="Список пациентов.csv")
    hb.patient_import.run(desk_token, path, RU_MAPPING)
    imports = audit_rows(hb, "import")
    assert len(imports) == 1
    assert (imports[0].username, imports[0].entity, imports[0].entity_id) == ("desk", "patient", None)
    assert imports[0].changes == {"file": "Список пациентов.csv", "imported": 3, "rejected": 1,
                                  "skipped_duplicates": 0, "policy": "skip_bad"}
    creates = [e for e in audit_rows(hb, "create") if e.entity == "patient"]
    created = {p.id: p for p in hb.patients.search(desk_token, "")}
    assert sorted(e.entity_id for e in creates) == sorted(created)
    anna = next(e for e in creates if e.changes["last_name"] == "Смирнова")
    assert anna.changes == {"last_name": "Смирнова", "first_name": "Анна", "middle_name": "Петровна",
                            "birth_date": "1975-02-03", "sex": "female", "phone": "+7 903 111-22-33",
                            "email": "anna@example.com", "address": "ул. Ленина, 1", "notes": None}
    assert creates[-1].id < imports[0].id  # the summary last
    assert hb.audit.verify(admin_token).intact  # the bulk rows are chained like any other


def test_nothing_is_imported_when_the_rejected_rows_cannot_be_written(hb, desk_token, tmp_path):
    path = write_csv(tmp_path, GOOD + BAD)
    with pytest.raises(ValidationFailed, match="cannot be written to .*, so nothing was imported"):
        hb.patient_import.run(desk_token, path, RU_MAPPING, rejected_path=tmp_path / "no such folder" / "out.csv")
    assert hb.patients.count(desk_token) == 0


def test_a_doctor_may_not_import(hb, admin_token, tmp_path):
    doctor = make_user(hb, admin_token, "doc", "doctor")
    path = write_csv(tmp_path, GOOD)
    with pytest.raises(PermissionDenied, match="not allowed to register or edit patients"):
        hb.patient_import.read_header(doctor, path)
    with pytest.raises(PermissionDenied):
        hb.patient_import.preview(doctor, path, RU_MAPPING)
    with pytest.raises(PermissionDenied):
        hb.patient_import.run(doctor, path, RU_MAPPING)
    assert hb.patients.count(admin_token) == 0


def test_a_mapping_without_names_or_an_unknown_column_is_refused(hb, desk_token, tmp_path):
    path = write_csv(tmp_path, GOOD)
    with pytest.raises(ValidationFailed) as refused:
        hb.patient_import.preview(desk_token, path, {"birth_date": "Дата рождения", "phone": "Мобильный"})
    assert refused.value.field_errors == {
        "phone": "The file has no column 'Мобильный'.",
        "last_name": "Choose the columns holding the last and first names (or the full name)."}
    with pytest.raises(ValidationFailed, match="This file is empty"):
        hb.patient_import.read_header(desk_token, b"\n \n", file_name="empty.csv")
    with pytest.raises(ValidationFailed, match="cannot be read"):
        hb.patient_import.read_header(desk_token, tmp_path / "missing.csv")


def test_ten_thousand_rows_preview_and_import_quickly(hb, desk_token, tmp_path, database_url):
    rows = [[f"Фамилия{chr(0x430 + i % 32)}", "Имя", "", f"{1 + i % 28:02d}.{1 + i % 12:02d}.{1930 + i % 90}",
             "", f"+7 9{i:09d}", "", "", ""] for i in range(10_000)]
    path = write_csv(tmp_path, rows)
    started = time.perf_counter()
    preview = hb.patient_import.preview(desk_token, path, RU_MAPPING)
    previewed = time.perf_counter() - started
    assert preview.good == 10_000
    result = hb.patient_import.run(desk_token, path, RU_MAPPING)
    ran = time.perf_counter() - started - previewed
    assert result.imported == 10_000 and hb.patients.count(desk_token) == 10_000
    print(f"\n{database_url.split(':')[0]}: preview {previewed:.2f} s, import {ran:.2f} s")
    assert previewed < 20 and ran < 30  # a slow CI machine's margin; measured ~1-3 s


def test_an_imported_patient_is_found_by_the_duplicate_check_in_latin(hb, admin_token, tmp_path):
    """The import stores the spelling-blind keys the form's save writes (0011), so the check finds it."""
    source = tmp_path / "one.csv"
    source.write_text("Фамилия;Имя;Дата рождения\nИванов;Пётр;17.05.1980\n", encoding="utf-8")
    header = hb.patient_import.read_header(admin_token, source)
    hb.patient_import.run(admin_token, source, header.mapping, "skip_bad")
    found = hb.patients.likely_duplicates(admin_token, {"last_name": "Ivanov", "first_name": "Petr"})
    assert [m.patient.last_name for m in found] == ["Иванов"] and "name" in found[0].signals
