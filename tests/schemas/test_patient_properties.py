"""Property tests of the patient and doctor forms' schemas: any input is either
refused with a clear message at its field, or accepted as the documented rule
says (trimmed, spaces collapsed, one-case names capitalised, phones
normalised, e-mail lower-cased) and within the database's column limits."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from heartbeat_desktop.core.errors import ValidationFailed
from heartbeat_desktop.schemas import DoctorCreate, PatientCreate, PatientUpdate, parse
from heartbeat_desktop.schemas.text import phone_digits
from tests.strategies import (
    CYRILLIC_FIRST,
    CYRILLIC_LAST,
    PATRONYMICS,
    assert_clear_message,
    clock_times,
    emails,
    examples,
    expected_email,
    expected_name,
    expected_optional_name,
    expected_optional_text,
    extreme_dates,
    free_text,
    ids,
    name_like,
    near_dates,
    optional,
    phones,
    strip_like_pydantic,
)

LIMITS = {"last_name": 100, "first_name": 100, "middle_name": 100, "phone": 32, "email": 254, "address": 300,
          "notes": 5000, "specialty": 100, "room": 20}


def expected_phone_digits(typed: str) -> str:
    digits = phone_digits(typed)
    if len(digits) == 11 and digits[0] == "8" and not typed.strip().startswith("+"):
        return "7" + digits[1:]
    if len(digits) == 10 and digits[0] == "9":
        return "7" + digits
    return digits


def check_person(parsed, data) -> None:  # noqa: ANN001
    assert parsed.last_name == expected_name(data["last_name"])
    assert parsed.first_name == expected_name(data["first_name"])
    assert parsed.middle_name == expected_optional_name(data.get("middle_name"))
    assert parsed.email == expected_email(data.get("email"))
    typed_phone = data.get("phone")
    if typed_phone is None or not typed_phone.strip():
        assert parsed.phone is None
    else:
        assert phone_digits(parsed.phone) == expected_phone_digits(typed_phone)
    for field, limit in LIMITS.items():
        value = getattr(parsed, field, None)
        assert value is None or len(value) <= limit, (field, len(value))


patients = st.fixed_dictionaries(
    {"last_name": name_like(), "first_name": name_like(), "birth_date": extreme_dates | near_dates},
    optional={"middle_name": optional(name_like()), "phone": optional(phones), "email": optional(emails),
              "sex": optional(st.sampled_from(["female", "male", " Male ", "FEMALE", "x", "", "\x00"]) | free_text(10)),
              "address": optional(free_text(300)), "notes": optional(free_text(5000))},
)


@examples(2000)
@given(patients)
def test_a_patient_form_is_refused_with_a_message_or_kept_as_the_rule_says(data):
    try:
        parsed = parse(PatientCreate, data)
    except ValidationFailed as refused:
        assert_clear_message(refused)
        assert set(refused.field_errors) <= set(data) | {""}
        return
    check_person(parsed, data)
    assert parsed.birth_date == data["birth_date"]
    assert date(1900, 1, 1) <= parsed.birth_date <= date.today()
    sex = data.get("sex")
    assert parsed.sex == (strip_like_pydantic(sex).strip().lower() or None if sex else None)
    assert parsed.address == expected_optional_text(data.get("address"))
    assert parsed.notes == expected_optional_text(data.get("notes"))


real_patients = st.fixed_dictionaries({
    "last_name": st.sampled_from(CYRILLIC_LAST), "first_name": st.sampled_from(CYRILLIC_FIRST),
    "middle_name": optional(st.sampled_from(PATRONYMICS)), "birth_date": st.dates(date(1900, 1, 1), date.today()),
    "phone": optional(st.sampled_from(["+7 916 123-45-67", "8 (916) 123-45-67", "9161234567"])),
    "email": optional(st.sampled_from(["ivanov@example.com", "Petrova@Mail.RU"])),
    "notes": optional(st.text(max_size=200).filter(lambda s: s.isprintable())),
})


@examples(300)
@given(real_patients)
def test_real_russian_names_and_dates_from_1900_are_accepted(data):
    parsed = parse(PatientCreate, data)
    assert (parsed.last_name, parsed.first_name, parsed.middle_name) == (
        data["last_name"], data["first_name"], data["middle_name"])


@examples(300)
@given(patients, ids)
def test_an_update_needs_a_whole_number_version(data, version):
    try:
        parsed = parse(PatientUpdate, {**data, "version": version})
    except ValidationFailed as refused:
        assert_clear_message(refused)
        return
    assert parsed.version == version


hours = st.lists(st.fixed_dictionaries({"weekday": st.integers(-1, 7), "starts": clock_times, "ends": clock_times}),
                 max_size=6)
doctors = st.fixed_dictionaries(
    {"last_name": name_like(), "first_name": name_like(), "specialty": free_text(100)},
    optional={"middle_name": optional(name_like()), "phone": optional(phones), "email": optional(emails),
              "room": optional(free_text(20)), "working_hours": hours, "user_id": optional(ids)},
)


@examples(1200)
@given(doctors)
def test_a_doctor_form_is_refused_with_a_message_or_kept_as_the_rule_says(data):
    try:
        parsed = parse(DoctorCreate, data)
    except ValidationFailed as refused:
        assert_clear_message(refused)
        return
    check_person(parsed, data)
    assert parsed.specialty == strip_like_pydantic(data["specialty"]) != ""
    room = data.get("room")
    assert parsed.room == (strip_like_pydantic(room) or None if room is not None else None)
    typed_hours = sorted(((h["weekday"], h["starts"], h["ends"]) for h in data.get("working_hours", [])),
                         key=lambda h: (h[0], h[1]))
    assert [(h.weekday, h.starts, h.ends) for h in parsed.working_hours] == typed_hours
    for weekday, starts, ends in typed_hours:
        assert 0 <= weekday <= 6 and starts < ends
