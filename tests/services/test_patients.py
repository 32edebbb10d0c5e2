"""The patient service on a real database of each backend: CRUD, validation,
normalisation, search, paging, duplicates, deletion rules and stale writes."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select, update

from heartbeat_desktop.core.errors import Conflict, NotFound, StaleRecord, ValidationFailed
from heartbeat_desktop.models import Appointment, AuditEntry, Patient
from heartbeat_desktop.services.unit_of_work import STALE
from tests.helpers import another_desk_while_flushing, at, booking, doctor_data, patient_data


def edit(patient: Any, **changes: Any) -> dict[str, Any]:
    """The full form of a read patient with ``changes`` applied (what the GUI sends)."""
    data = patient.model_dump(include={"last_name", "first_name", "middle_name", "birth_date", "sex",
                                       "phone", "email", "address", "notes", "version"})
    data.update(changes)
    return data


def row_count(hb, model=Patient) -> int:  # noqa: ANN001
    with hb.ctx.db.read_sessions() as session:
        return session.scalar(select(func.count()).select_from(model))


# --- create / get / update / delete ---------------------------------------------------

def test_create_returns_the_stored_patient(hb, admin_token):
    created = hb.patients.create(admin_token, patient_data(email="Petr@Example.COM", address="  ул. Ленина, 1 ",
                                                           notes="аллергия"))
    assert created.id > 0
    assert created.version == 1
    assert created.is_active is True
    fetched = hb.patients.get(admin_token, created.id)
    assert fetched == created
    assert (fetched.last_name, fetched.first_name, fetched.middle_name) == ("Иванов", "Пётр", "Сергеевич")
    assert fetched.birth_date == date(1980, 5, 17)
    assert fetched.sex == "male"
    assert fetched.email == "petr@example.com"
    assert fetched.address == "ул. Ленина, 1"
    assert fetched.full_name == "Иванов Пётр Сергеевич"
    assert fetched.short_name == "Иванов П. С."
    assert fetched.created_at.utcoffset() == timedelta(0)


def test_create_stores_search_keys(hb, admin_token):
    created = hb.patients.create(admin_token, patient_data(last_name="Ёлкина", first_name="Алёна",
                                                           phone="8 (916) 123-45-67"))
    with hb.ctx.db.read_sessions() as session:
        row = session.get(Patient, created.id)
        assert row.name_key == "елкина алена сергеевич"
        assert row.phone_digits == "79161234567"


def test_get_missing_patient_is_not_found(hb, admin_token):
    with pytest.raises(NotFound, match="no longer exists"):
        hb.patients.get(admin_token, 999_999)


def test_update_changes_fields_and_bumps_version(hb, admin_token):
    created = hb.patients.create(admin_token, patient_data())
    updated = hb.patients.update(admin_token, created.id,
                                 edit(created, last_name="Сидоров", phone="+7 903 000-11-22"))
    assert updated.version == created.version + 1
    assert updated.last_name == "Сидоров"
    assert updated.phone == "+7 903 000-11-22"
    assert hb.patients.get(admin_token, created.id) == updated
    assert [p.id for p in hb.patients.search(admin_token, "Сидоров")] == [created.id]
    assert hb.patients.search(admin_token, "Иванов") == []
    assert [p.id for p in hb.patients.search(admin_token, "9030001122")] == [created.id]


def test_update_of_missing_patient_is_not_found(hb, admin_token):
    with pytest.raises(NotFound):
        hb.patients.update(admin_token, 424242, {**patient_data(), "version": 1})


def test_delete_removes_the_patient(hb, admin_token):
    created = hb.patients.create(admin_token, patient_data())
    hb.patients.delete(admin_token, created.id, created.version)
    with pytest.raises(NotFound):
        hb.patients.get(admin_token, created.id)
    assert hb.patients.count(admin_token) == 0


def test_delete_with_stale_version_is_refused(hb, admin_token):
    created = hb.patients.create(admin_token, patient_data())
    hb.patients.update(admin_token, created.id, edit(created, first_name="Павел"))
    with pytest.raises(StaleRecord):
        hb.patients.delete(admin_token, created.id, created.version)
    assert hb.patients.count(admin_token) == 1


def test_audit_rows_for_create_update_delete(hb, admin_token):
    created = hb.patients.create(admin_token, patient_data())
    hb.patients.update(admin_token, created.id, edit(created, first_name="Павел"))
    hb.patients.delete(admin_token, created.id)
    rows = hb.audit.list(admin_token, entity="patient", entity_id=created.id)
    assert [r.action for r in rows] == ["delete", "update", "create"]
    delete, update_, create = rows
    assert create.username == "admin"
    assert create.changes["last_name"] == "Иванов"
    assert create.changes["birth_date"] == "1980-05-17"
    assert update_.changes == {"first_name": ["Пётр", "Павел"]}
    assert delete.changes["first_name"] == "Павел"


def test_update_without_changes_writes_no_audit_row(hb, admin_token):
    created = hb.patients.create(admin_token, patient_data())
    hb.patients.update(admin_token, created.id, edit(created))
    assert [r.action for r in hb.audit.list(admin_token, entity="patient")] == ["create"]


# --- validation and normalisation ---------------------------------------------------------

VALIDATION_CASES = [
    ({"last_name": ""}, "last_name", "This field is required."),
    ({"last_name": "   "}, "last_name", "This field is required."),
    ({"first_name": "Пётр2"}, "first_name", "Use letters, spaces, hyphens or apostrophes only."),
    ({"last_name": "1ванов"}, "last_name", "Use letters, spaces, hyphens or apostrophes only."),
    ({"middle_name": "С3ргеевич"}, "middle_name", "Use letters, spaces, hyphens or apostrophes only."),
    ({"birth_date": date.today() + timedelta(days=1)}, "birth_date", "The birth date cannot be in the future."),
    ({"birth_date": date(1850, 1, 1)}, "birth_date", "Check the year of birth."),
    ({"birth_date": "not a date"}, "birth_date", "Enter a valid date."),
    ({"email": "ivanov@"}, "email", "Enter an e-mail address like name@example.com."),
    ({"email": "ivanov example.com"}, "email", "Enter an e-mail address like name@example.com."),
    ({"phone": "12"}, "phone", "Enter a phone number, for example +7 916 123-45-67."),
    ({"phone": "call me 9161234567"}, "phone", "Enter a phone number, for example +7 916 123-45-67."),
    ({"sex": "x"}, "sex", "Choose female or male, or leave it empty."),
    ({"last_name": "И" * 101}, "last_name", "This is too long (at most 100 characters)."),
]


def test_validation_message_per_field(hb, admin_token):
    for overrides, field, message in VALIDATION_CASES:
        with pytest.raises(ValidationFailed) as caught:
            hb.patients.create(admin_token, patient_data(**overrides))
        assert caught.value.field_errors == {field: message}, overrides
        assert message in str(caught.value)
    assert hb.patients.count(admin_token) == 0


@pytest.mark.parametrize("field", ["last_name", "notes", "address", "email"])
@pytest.mark.parametrize("bad", ["\x00", "\x1b", "\ud800"])
def test_control_characters_are_refused_at_their_field(hb, admin_token, field, bad):
    """A NUL pasted into a form is a message at that field, not a database error (PostgreSQL refuses NUL)."""
    with pytest.raises(ValidationFailed) as caught:
        hb.patients.create(admin_token, patient_data(**{field: f"Ива{bad}нов"}))
    assert caught.value.field_errors == {field: "This contains invisible control characters that cannot be saved. "
                                                "Please retype it."}
    assert row_count(hb) == 0


def test_line_breaks_and_tabs_in_notes_are_kept(hb, admin_token):
    created = hb.patients.create(admin_token, patient_data(notes="Аллергия:\n\tпенициллин\r\nастма"))
    assert hb.patients.get(admin_token, created.id).notes == "Аллергия:\n\tпенициллин\r\nастма"


def test_missing_birth_date_and_names_reported_together(hb, admin_token):
    data = patient_data(last_name="", first_name="")
    del data["birth_date"]
    with pytest.raises(ValidationFailed) as caught:
        hb.patients.create(admin_token, data)
    assert set(caught.value.field_errors) == {"last_name", "first_name", "birth_date"}
    assert caught.value.field_errors["birth_date"] == "This field is required."


def test_update_is_validated_too(hb, admin_token):
    created = hb.patients.create(admin_token, patient_data())
    with pytest.raises(ValidationFailed) as caught:
        hb.patients.update(admin_token, created.id, edit(created, email="bad"))
    assert set(caught.value.field_errors) == {"email"}
    assert hb.patients.get(admin_token, created.id).version == created.version


def test_phone_is_normalised(hb, admin_token):
    cases = {"8 (916) 123-45-67": "+7 916 123-45-67", "+7 916 1234567": "+7 916 123-45-67",
             "89161234567": "+7 916 123-45-67", "9161234567": "+7 916 123-45-67",
             "+44 20 7946 0958": "+442079460958"}
    stored = {typed: hb.patients.create(admin_token, patient_data(phone=typed)).phone for typed in cases}
    assert stored == cases


def test_empty_optional_fields_become_none(hb, admin_token):
    created = hb.patients.create(admin_token, patient_data(phone="  ", email="", middle_name=" ", sex=""))
    assert (created.phone, created.email, created.middle_name, created.sex) == (None, None, None, None)


def test_lowercase_names_are_capitalised(hb, admin_token):
    created = hb.patients.create(admin_token, patient_data(last_name="  римский-корсаков ", first_name="пётр",
                                                           middle_name="СЕРГЕЕВИЧ"))
    assert created.last_name == "Римский-Корсаков"
    assert created.first_name == "Пётр"
    assert created.middle_name == "Сергеевич"
    double = hb.patients.create(admin_token, patient_data(first_name="анна мария", middle_name="ИВАНОВНА-ПЕТРОВНА"))
    assert (double.first_name, double.middle_name) == ("Анна Мария", "Ивановна-Петровна")


def test_mixed_case_names_are_kept_as_typed(hb, admin_token):
    created = hb.patients.create(admin_token, patient_data(last_name="МакДональд", first_name="д'Артаньян"))
    assert created.last_name == "МакДональд"
    assert created.first_name == "д'Артаньян"


# --- search, count, paging -------------------------------------------------------------------

@pytest.fixture
def people(hb, admin_token) -> dict[str, int]:
    rows = {
        "ivanov": patient_data(),
        "ivanova": patient_data(last_name="Иванова", first_name="Анна", middle_name="Петровна",
                                birth_date=date(1990, 1, 2), sex="female", phone="+7 903 555-66-77"),
        "yolkina": patient_data(last_name="Ёлкина", first_name="Мария", middle_name=None,
                                birth_date=date(1975, 3, 4), sex="female", phone=None),
        "elkina": patient_data(last_name="Елкина", first_name="Ольга", middle_name=None,
                               birth_date=date(1985, 6, 7), sex="female", phone="+7 926 111-22-33"),
        "petrov": patient_data(last_name="Петров", first_name="Иван", middle_name="Иванович",
                               birth_date=date(1970, 12, 31), phone="+7 495 765-43-21"),
        "smith": patient_data(last_name="Smith", first_name="John", middle_name=None,
                              birth_date=date(1980, 5, 17), phone=None, email="john@example.com"),
    }
    return {key: hb.patients.create(admin_token, data).id for key, data in rows.items()}


def found(hb, token: str, query: str) -> set[int]:  # noqa: ANN001
    return {p.id for p in hb.patients.search(token, query)}


def check_queries(hb, token: str, people: dict[str, int], cases: dict[str, set[str]]) -> None:  # noqa: ANN001
    """Every query finds exactly the named people; all mismatches are reported at once."""
    wrong = {}
    for query, who in cases.items():
        got, want = found(hb, token, query), {people[k] for k in who}
        if got != want:
            wrong[query] = {"got": sorted(got), "want": sorted(want)}
    assert wrong == {}


def test_search_is_case_insensitive_for_cyrillic(hb, admin_token, people):
    both = {"ivanov", "ivanova"}
    check_queries(hb, admin_token, people, {"иван": both, "ИВАН": both, "Иван": both, "  иВаН  ": both})


def test_search_treats_yo_as_ye(hb, admin_token, people):
    both = {"yolkina", "elkina"}
    check_queries(hb, admin_token, people, {"ёлкина": both, "Ёлкина": both, "елкина": both,
                                            "ЕЛКИНА": both, "ЁЛК": both})


def test_search_by_surname_prefix(hb, admin_token, people):
    check_queries(hb, admin_token, people, {
        "Пет": {"petrov"}, "Иванова": {"ivanova"}, "smi": {"smith"}, "SMITH": {"smith"}, "Сидоров": set(),
        "ванов": set(),  # inside "Иванов", but the search box means the start of the surname
        "Сергеевич": set(),  # a middle name alone is not a surname
    })


def test_search_by_surname_and_initials(hb, admin_token, people):
    check_queries(hb, admin_token, people, {
        "Иванов П.": {"ivanov"},
        "Иванов П. С.": {"ivanov"},
        "Иванов П.С.": {"ivanov"},
        "иванов п": {"ivanov"},
        "Иванов, П.": {"ivanov"},
        "Иванова А. П.": {"ivanova"},
        "Иванов А.": {"ivanova"},  # "иванов" is a prefix of "иванова"
        "Иванов Пётр": {"ivanov"},
        "Иванов Петр Сергеевич": {"ivanov"},
        "Иванов С.": set(),  # С. is Иванов's middle initial, not his first
        "Иванов П. П.": set(),
        "Петров И. И.": {"petrov"},
        "Ёлкина М.": {"yolkina"},
        "Smith J.": {"smith"},
    })


def test_search_by_phone_digits(hb, admin_token, people):
    check_queries(hb, admin_token, people, {
        "916": {"ivanov"},
        "123-45-67": {"ivanov"},
        "+7 916 123-45-67": {"ivanov"},
        "79161234567": {"ivanov"},
        "8 (916) 123-45-67": {"ivanov"},  # typed the Russian trunk way
        "89161234567": {"ivanov"},
        "8 916": {"ivanov"},
        "(903) 555": {"ivanova"},
        "4321": {"petrov"},
        "+8 916": set(),  # with a plus, 8 is not the trunk prefix
        "7": set(),  # too few digits to mean anything
        "0000000": set(),
    })


def test_search_by_birth_date(hb, admin_token, people):
    both = {"ivanov", "smith"}
    check_queries(hb, admin_token, people, {"17.05.1980": both, "1980-05-17": both, "17/05/1980": both,
                                            "17.05.80": both, "31.02.1980": set(), "04.03.1975": {"yolkina"}})


def test_like_and_regex_characters_in_the_query_are_literal(hb, admin_token, people):
    queries = ["%", "_", "%ван%", "_ванов", "Иванов %", "Иванов _.", "\\", "Иван\\", "Иванов П%",
               "Иванов .*", "Иванов (", "Иванов [п]", "Иванов ^п", "Иванов П\\S*", "Иванов |",
               "'; DROP TABLE patients; --"]
    check_queries(hb, admin_token, people, {q: set() for q in queries})
    assert [hb.patients.count(admin_token, q) for q in queries] == [0] * len(queries)
    assert hb.patients.count(admin_token) == len(people)


def test_control_characters_in_the_query_are_ignored(hb, admin_token, people):
    assert hb.patients.count(admin_token, "\x00") == len(people)
    assert hb.patients.count(admin_token, "Ива\x00нов") == 0  # read as "Ива нов": no such name
    assert {p.id for p in hb.patients.search(admin_token, "ива\x00")} == \
        {p.id for p in hb.patients.search(admin_token, "ива")}


def test_names_with_punctuation_are_found(hb, admin_token, people):
    obrien = hb.patients.create(admin_token, patient_data(last_name="O'Brien", first_name="Sean",
                                                          middle_name=None, phone=None)).id
    rk = hb.patients.create(admin_token, patient_data(last_name="Римский-Корсаков", first_name="Николай",
                                                      middle_name=None, phone=None)).id
    people = {**people, "obrien": obrien, "rk": rk}
    check_queries(hb, admin_token, people, {"o'br": {"obrien"}, "O'Brien S.": {"obrien"}, "O'Brien X.": set(),
                                            "римский-к": {"rk"}, "Римский-Корсаков Н.": {"rk"}})


def test_empty_query_lists_everyone(hb, admin_token, people):
    check_queries(hb, admin_token, people, {"": set(people), "   ": set(people)})


def test_count_matches_search(hb, admin_token, people):
    for query in ["", "иван", "Иванов П.", "916", "8 916", "17.05.1980", "ё", "%", "zzz"]:
        assert hb.patients.count(admin_token, query) == len(hb.patients.search(admin_token, query, limit=1000)), query


def test_search_and_count_can_leave_out_inactive(hb, admin_token, people):
    ivanova = hb.patients.get(admin_token, people["ivanova"])
    hb.patients.set_active(admin_token, ivanova.id, False, ivanova.version)
    assert found(hb, admin_token, "иван") == {people["ivanov"], people["ivanova"]}
    active = {p.id for p in hb.patients.search(admin_token, "иван", include_inactive=False)}
    assert active == {people["ivanov"]}
    assert hb.patients.count(admin_token, "иван", include_inactive=False) == 1
    assert hb.patients.count(admin_token, "иван") == 2


def test_paging_is_stable_and_sorted_by_name(hb, admin_token):
    # same name for all, so only the tie-breaker (id) keeps the order stable
    names = ["Яковлев", "Абрамов", "Борисов", "Ёлкин", "Абрамов", "Абрамов", "Жуков", "Ефимов"]
    ids = [hb.patients.create(admin_token, patient_data(last_name=n, phone=None)).id for n in names]
    everyone = hb.patients.search(admin_token, limit=100)
    assert [p.last_name for p in everyone] == ["Абрамов"] * 3 + ["Борисов", "Ёлкин", "Ефимов", "Жуков", "Яковлев"]
    abramovs = [p.id for p in everyone if p.last_name == "Абрамов"]
    assert abramovs == sorted(abramovs) == [ids[1], ids[4], ids[5]]
    pages = [hb.patients.search(admin_token, offset=o, limit=3) for o in (0, 3, 6, 9)]
    assert [len(p) for p in pages] == [3, 3, 2, 0]
    assert [p.id for page in pages for p in page] == [p.id for p in everyone]
    assert hb.patients.search(admin_token, offset=-5, limit=2) == everyone[:2]
    assert hb.patients.search(admin_token, limit=0) == []


def test_paging_within_a_search(hb, admin_token, people):
    first = hb.patients.search(admin_token, "иван", limit=1)
    second = hb.patients.search(admin_token, "иван", offset=1, limit=1)
    assert [p.last_name for p in first + second] == ["Иванов", "Иванова"]


# --- duplicates ----------------------------------------------------------------------------

def test_possible_duplicates_same_name_and_birth_date(hb, admin_token, people):
    probe = patient_data(last_name="иванов", first_name="ПЁТР", phone=None)
    assert [p.id for p in hb.patients.possible_duplicates(admin_token, probe)] == [people["ivanov"]]


def test_possible_duplicates_same_phone(hb, admin_token, people):
    probe = patient_data(last_name="Другой", first_name="Человек", middle_name=None,
                         birth_date=date(2001, 1, 1), phone="8 903 555 66 77")
    assert [p.id for p in hb.patients.possible_duplicates(admin_token, probe)] == [people["ivanova"]]


def test_possible_duplicates_both_ways_and_none(hb, admin_token, people):
    probe = patient_data(phone="+7 903 555-66-77")  # Иванов's name, Иванова's phone
    assert {p.id for p in hb.patients.possible_duplicates(admin_token, probe)} == {people["ivanov"], people["ivanova"]}
    other = patient_data(birth_date=date(1981, 5, 17), phone=None)  # same name, other birthday
    assert hb.patients.possible_duplicates(admin_token, other) == []


def test_possible_duplicates_leaves_out_the_record_being_edited(hb, admin_token, people):
    assert hb.patients.possible_duplicates(admin_token, patient_data(), exclude_id=people["ivanov"]) == []


def test_possible_duplicates_validates_the_form(hb, admin_token):
    with pytest.raises(ValidationFailed) as caught:
        hb.patients.possible_duplicates(admin_token, patient_data(phone="1"))
    assert set(caught.value.field_errors) == {"phone"}


# --- deactivation, deletion with appointments ------------------------------------------------

def test_set_active_deactivates_and_reactivates(hb, admin_token):
    created = hb.patients.create(admin_token, patient_data())
    off = hb.patients.set_active(admin_token, created.id, False, created.version)
    assert off.is_active is False
    assert off.version == created.version + 1
    assert hb.patients.get(admin_token, created.id).is_active is False
    assert hb.patients.search(admin_token, include_inactive=False) == []
    same = hb.patients.set_active(admin_token, created.id, False, off.version)  # already off: no-op
    assert same.version == off.version
    on = hb.patients.set_active(admin_token, created.id, True, off.version)
    assert on.is_active is True
    actions = [r.action for r in hb.audit.list(admin_token, entity="patient", entity_id=created.id)]
    assert actions == ["activate", "deactivate", "create"]


def test_set_active_with_stale_version_is_refused(hb, admin_token):
    created = hb.patients.create(admin_token, patient_data())
    hb.patients.update(admin_token, created.id, edit(created, first_name="Павел"))
    with pytest.raises(StaleRecord) as caught:
        hb.patients.set_active(admin_token, created.id, False, created.version)
    assert caught.value.current_version == created.version + 1
    assert hb.patients.get(admin_token, created.id).is_active is True


def test_delete_patient_with_appointments_is_refused_and_nothing_removed(hb, admin_token):
    patient = hb.patients.create(admin_token, patient_data())
    doctor = hb.doctors.create(admin_token, doctor_data())
    first = hb.appointments.create(admin_token, booking(doctor.id, patient.id, at(10)))
    second = hb.appointments.create(admin_token, booking(doctor.id, patient.id, at(11)))
    hb.appointments.set_status(admin_token, second.id, "cancelled", second.version)  # still history
    with pytest.raises(Conflict) as caught:
        hb.patients.delete(admin_token, patient.id, patient.version)
    assert str(caught.value) == ("This patient has 2 appointments and cannot be deleted. "
                                 "Deactivate the patient instead: the history is kept.")
    assert hb.patients.get(admin_token, patient.id) == patient
    assert [a.id for a in hb.appointments.list_by_patient(admin_token, patient.id)] == [first.id, second.id]
    assert row_count(hb, Appointment) == 2
    assert [r.action for r in hb.audit.list(admin_token, entity="patient")] == ["create"]


def test_delete_patient_with_one_appointment_says_singular(hb, admin_token):
    patient = hb.patients.create(admin_token, patient_data())
    doctor = hb.doctors.create(admin_token, doctor_data())
    hb.appointments.create(admin_token, booking(doctor.id, patient.id, at(10)))
    with pytest.raises(Conflict, match="has 1 appointment and cannot"):
        hb.patients.delete(admin_token, patient.id)


# --- stale writes ------------------------------------------------------------------------------

def test_stale_update_is_refused_and_row_unchanged(hb, admin_token):
    created = hb.patients.create(admin_token, patient_data())
    mine = edit(created, first_name="Павел")
    theirs = hb.patients.update(admin_token, created.id, edit(created, phone="+7 999 000-00-00"))
    with pytest.raises(StaleRecord) as caught:
        hb.patients.update(admin_token, created.id, mine)
    # who and when, in words; their record, to compare with
    assert str(caught.value).startswith("admin saved this patient at ")
    assert "after you opened it" in str(caught.value)
    assert caught.value.current_version == theirs.version
    assert caught.value.current == theirs
    assert hb.patients.get(admin_token, created.id) == theirs
    assert [r.action for r in hb.audit.list(admin_token, entity="patient")] == ["update", "create"]


def test_version_counter_catches_a_write_between_load_and_flush(hb, admin_token):
    """Two sessions: the row changes after this one loaded it; the flush finds no row
    with the version it read, and the unit of work reports a stale record."""
    created = hb.patients.create(admin_token, patient_data())
    with pytest.raises(StaleRecord) as caught:
        with hb.ctx.uow(write=True) as uow:
            mine = uow.patients.get(created.id)
            assert mine.version == 1
            uow.session.commit()  # keeps the loaded object (expire_on_commit=False)
            with hb.ctx.db.write_sessions() as other:  # another desk saves meanwhile
                other.execute(update(Patient).where(Patient.id == created.id)
                              .values(first_name="Чужой", version=Patient.version + 1))
                other.commit()
            mine.first_name = "Мой"
            uow.flush()
    assert str(caught.value) == STALE
    after = hb.patients.get(admin_token, created.id)
    assert (after.first_name, after.version) == ("Чужой", 2)


def test_service_update_racing_another_desk_ends_as_stale_record(hb, admin_token):
    """The other desk commits after the service loaded the row, before it flushes.

    PostgreSQL lets the other commit through, and the version counter catches it.
    SQLite's write transaction (BEGIN IMMEDIATE) holds the lock from the first
    read, so the other desk cannot commit in between at all.
    """
    created = hb.patients.create(admin_token, patient_data())
    outcome: dict[str, Any] = {}

    def other_desk() -> None:
        if hb.ctx.db.dialect == "sqlite":
            import sqlite3

            raw = sqlite3.connect(hb.ctx.db.engine.url.database, timeout=0.2, isolation_level=None)
            try:
                raw.execute("UPDATE patients SET first_name = 'Чужой', version = version + 1 WHERE id = ?",
                            (created.id,))
            except sqlite3.OperationalError as exc:
                outcome["other"] = str(exc)
            finally:
                raw.close()
        else:
            with hb.ctx.db.write_sessions() as other:
                other.execute(update(Patient).where(Patient.id == created.id)
                              .values(first_name="Чужой", version=Patient.version + 1))
                other.commit()
            outcome["other"] = "committed"

    edited = lambda session: any(isinstance(o, Patient) for o in session.dirty)  # noqa: E731
    with another_desk_while_flushing(hb, edited, other_desk):
        if hb.ctx.db.dialect == "sqlite":
            saved = hb.patients.update(admin_token, created.id, edit(created, first_name="Мой"))
            assert "locked" in outcome["other"]
            assert (saved.first_name, saved.version) == ("Мой", 2)
        else:
            with pytest.raises(StaleRecord):
                hb.patients.update(admin_token, created.id, edit(created, first_name="Мой"))
            assert outcome["other"] == "committed"
            after = hb.patients.get(admin_token, created.id)
            assert (after.first_name, after.version) == ("Чужой", 2)
    with hb.ctx.db.read_sessions() as session:  # a refused save leaves no audit row
        audits = session.scalars(select(AuditEntry.action).where(AuditEntry.entity == "patient")).all()
    assert sorted(audits) == (["create", "update"] if hb.ctx.db.dialect == "sqlite" else ["create"])


def test_one_call_gives_a_whole_large_page(hb, admin_token):
    from heartbeat_desktop.services.demo_data import DemoDataRequest

    hb.demo.generate_as_installer(DemoDataRequest(patients=1200, doctors=0, appointments=0, seed=3))
    assert len(hb.patients.search(admin_token, "", limit=5000)) == 1200
    assert len(hb.patients.search(admin_token, "", offset=1100, limit=5000)) == 100
