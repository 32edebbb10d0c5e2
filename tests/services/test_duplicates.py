"""Likely duplicates while a patient is typed: each signal (name in either alphabet, birth date,
phone) found, ranked by how many agree, and what must not match."""

from __future__ import annotations

from datetime import date

import pytest

from heartbeat_desktop.models import Patient
from heartbeat_desktop.schemas.text import match_key, one_edit_apart
from tests.helpers import patient_data


@pytest.fixture
def registered(hb, admin_token) -> dict[str, int]:
    rows = {
        "ivanov": patient_data(),  # Иванов Пётр Сергеевич, 17.05.1980, +7 916 123-45-67
        "ivanova": patient_data(last_name="Иванова", first_name="Анна", middle_name="Петровна",
                                birth_date=date(1990, 1, 2), sex="female", phone="+7 903 555-66-77"),
        "fyodorov": patient_data(last_name="Фёдоров", first_name="Юрий", middle_name=None,
                                 birth_date=date(1962, 8, 9), phone=None),
        "zhukova": patient_data(last_name="Жукова", first_name="Алёна", middle_name=None,
                                birth_date=date(1999, 2, 3), sex="female", phone="+7 926 111-22-33"),
    }
    return {key: hb.patients.create(admin_token, data).id for key, data in rows.items()}


def likely(hb, token, **typed) -> list[tuple[int, tuple[str, ...]]]:  # noqa: ANN001
    return [(m.patient.id, m.signals) for m in hb.patients.likely_duplicates(token, typed)]


def test_the_match_key_reads_both_alphabets_alike():
    assert match_key("Иванов") == match_key("Ivanov") == match_key("IVANOV") == "ivanov"
    assert match_key("Пётр") == match_key("Петр") == match_key("Petr") == match_key("Pyotr")
    assert match_key("Юрий") == match_key("Yuriy") == match_key("Yuri")
    assert match_key("Фёдоров") == match_key("Fyodorov") == match_key("Fedorov")
    assert match_key("Жукова") == match_key("Zhukova") != match_key("Юкова")
    assert match_key("Хабаров") == match_key("Khabarov")
    assert one_edit_apart("ivanov", "ivanof") and one_edit_apart("ivanov", "ivanv") and one_edit_apart("ivnov", "ivanov")
    assert not one_edit_apart("ivanov", "iavnov") and not one_edit_apart("ivanov", "ivanova1")


def test_a_latin_name_finds_the_cyrillic_patient(hb, admin_token, registered):
    assert likely(hb, admin_token, last_name="Ivanov", first_name="Petr") == [(registered["ivanov"], ("name",))]
    assert likely(hb, admin_token, last_name="ivanov", first_name="PYOTR") == [(registered["ivanov"], ("name",))]
    assert likely(hb, admin_token, last_name="Fedorov", first_name="Yuri") == [(registered["fyodorov"], ("name",))]
    assert likely(hb, admin_token, last_name="Zhukova", first_name="Alyona") == [(registered["zhukova"], ("name",))]


def test_yo_and_case_do_not_matter(hb, admin_token, registered):
    assert likely(hb, admin_token, last_name="ФЕДОРОВ", first_name="юрий") == [(registered["fyodorov"], ("name",))]


@pytest.mark.parametrize("surname", ["Иваноф", "Ivanv", "Ivannov", "Ифанов", "Jvanov"])
def test_one_letter_wrong_in_the_surname_still_matches(hb, admin_token, registered, surname):
    assert likely(hb, admin_token, last_name=surname, first_name="Пётр") == [(registered["ivanov"], ("name",))]


def test_two_letters_wrong_or_another_first_name_do_not(hb, admin_token, registered):
    assert likely(hb, admin_token, last_name="Ифаноф", first_name="Пётр") == []
    assert likely(hb, admin_token, last_name="Иванов", first_name="Павел") == []
    assert likely(hb, admin_token, last_name="Иванов", first_name="") == []  # a surname alone is too little


def test_the_same_phone_in_any_spelling(hb, admin_token, registered):
    for phone in ("8 916 123 45 67", "+7 (916) 123-45-67", "9161234567", "89161234567"):
        assert likely(hb, admin_token, last_name="Другой", first_name="Человек",
                      phone=phone) == [(registered["ivanov"], ("phone",))]
    assert likely(hb, admin_token, phone="8 916 123") == []  # half a number: nothing yet
    assert likely(hb, admin_token, phone="8 916 123 45 68") == []


def test_the_birth_date_counts_with_a_similar_surname_not_alone(hb, admin_token, registered):
    assert likely(hb, admin_token, last_name="Ivanoff", first_name="Pavel", birth_date=date(1980, 5, 17)) == [
        (registered["ivanov"], ("birth_date", "surname"))]
    assert likely(hb, admin_token, last_name="Сидоров", first_name="Павел", birth_date=date(1980, 5, 17)) == []


def test_ranked_by_how_many_signals_agree(hb, admin_token, registered):
    # Иванов's name and birth date, Иванова's phone: Иванов first (two signals), then Иванова (one,
    # her surname a letter apart too)
    found = likely(hb, admin_token, last_name="Ivanov", first_name="Petr", birth_date=date(1980, 5, 17),
                   phone="+7 903 555-66-77")
    assert found == [(registered["ivanov"], ("name", "birth_date")), (registered["ivanova"], ("phone", "surname"))]
    everything = hb.patients.likely_duplicates(admin_token, {"last_name": "Иванов", "first_name": "Петр",
                                                             "birth_date": date(1980, 5, 17),
                                                             "phone": "89161234567"})
    assert [(m.patient.id, m.score) for m in everything] == [(registered["ivanov"], 3)]


def test_the_record_being_edited_and_merged_records_are_left_out(hb, admin_token, registered):
    typed = {"last_name": "Ivanov", "first_name": "Petr"}
    assert hb.patients.likely_duplicates(admin_token, typed, exclude_id=registered["ivanov"]) == []
    with hb.ctx.uow(write=True) as uow:
        uow.session.get(Patient, registered["ivanov"]).merged_into_id = registered["ivanova"]
        uow.commit()
    assert hb.patients.likely_duplicates(admin_token, typed) == []


def test_renaming_rewrites_the_keys(hb, admin_token, registered):
    ivanov = hb.patients.get(admin_token, registered["ivanov"])
    data = ivanov.model_dump(include=set(patient_data()) | {"version", "email", "address", "notes"})
    hb.patients.update(admin_token, ivanov.id, {**data, "last_name": "Сидоров"})
    assert likely(hb, admin_token, last_name="Ivanov", first_name="Petr") == []
    assert likely(hb, admin_token, last_name="Sidorov", first_name="Petr") == [(registered["ivanov"], ("name",))]


def test_half_typed_or_empty_forms_are_no_error(hb, admin_token, registered):
    assert likely(hb, admin_token) == []
    assert likely(hb, admin_token, last_name="И", first_name="П") == []
    assert likely(hb, admin_token, last_name="!!", first_name="??", phone="abc") == []
