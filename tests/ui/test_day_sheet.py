"""The schedule's day sheet: the doctor's visits of the day printed or saved as PDF, a page per doctor."""

from __future__ import annotations

from datetime import timedelta

import pypdf
import pytest
from PySide6.QtWidgets import QMessageBox

from heartbeat_desktop.core.vocabulary import Status
from tests.helpers import at, booking, pdf_text
from tests.ui.booking_helpers import OFFSCREEN_POPUPS, WAIT, people, settle  # noqa: F401
from tests.ui.test_schedule_page import MONDAY, make_page

pytestmark = [OFFSCREEN_POPUPS, pytest.mark.usefixtures("settle")]


@pytest.fixture
def folks(services, admin_session):  # noqa: ANN001, ANN201
    return people(services, admin_session.token)


@pytest.fixture
def day(services, admin_session, folks):  # noqa: ANN001, ANN201
    """Petrova: Ivanov at 10, Sidorova at 9 (cancelled); Orlov: Kuznetsov at 14; Petrova on Tuesday: Kuznetsov."""
    token = admin_session.token
    petrova, orlov = folks["petrova"].id, folks["orlov"].id
    book = services.appointments.create
    made = {
        "ivanov": book(token, booking(petrova, folks["ivanov"].id, at(10), reason="Давление")),
        "sidorova": book(token, booking(petrova, folks["sidorova"].id, at(9))),
        "orlov": book(token, booking(orlov, folks["kuznetsov"].id, at(14))),
        "tuesday": book(token, booking(petrova, folks["kuznetsov"].id, at(11, day=MONDAY + timedelta(1)))),
    }
    s = made["sidorova"]
    made["sidorova"] = services.appointments.set_status(token, s.id, Status.CANCELLED, s.version)
    return made


def show_doctor(page, doctor_id):  # noqa: ANN001, ANN201
    page.doctor_filter.setCurrentIndex(page.doctor_filter.findData(doctor_id))


def saved_pdf(qtbot, page, target):  # noqa: ANN001, ANN201
    page.day_sheets.ask_pdf_path = lambda _day, _doctor: str(target)
    with qtbot.waitSignal(page.day_sheets.saved, timeout=WAIT):
        page.pdf_button.click()
    return target


def test_one_doctors_day_sheet_as_pdf(qtbot, services, admin_session, folks, day, tmp_path):
    page = make_page(qtbot, services, admin_session)
    show_doctor(page, folks["petrova"].id)
    text = pdf_text(saved_pdf(qtbot, page, tmp_path / "лист.pdf"))
    for expected in ("Day sheet: Петрова Мария Ивановна", "Терапевт, room 101", "Иванов Пётр Сергеевич",
                     "17.05.1980", "+7 916 123-45-67", "Давление", "Сидорова Ольга Павловна", "Cancelled",
                     "09:00", "10:00", "1 visit"):
        assert expected in text, expected
    assert text.index("Сидорова Ольга") < text.index("Иванов Пётр")  # time order: 9:00 before 10:00
    assert "Кузнецов" not in text  # Orlov's patient, and Petrova's Tuesday visit
    assert "Орлов" not in text


def test_all_doctors_a_page_each(qtbot, services, admin_session, folks, day, tmp_path):
    page = make_page(qtbot, services, admin_session)
    assert page.doctor_filter.currentData() is None  # "All doctors"
    target = saved_pdf(qtbot, page, tmp_path / "all.pdf")
    pages = [" ".join(p.extract_text().split()) for p in pypdf.PdfReader(target).pages]
    assert len(pages) == 2
    assert "Орлов Олег Петрович" in pages[0] and "Кузнецов" in pages[0] and "Иванов" not in pages[0]
    assert "Петрова Мария Ивановна" in pages[1] and "Иванов" in pages[1] and "Кузнецов" not in pages[1]


def test_the_sheet_is_struck_through_for_cancelled_and_printed_through_the_dialog(qtbot, services, admin_session,
                                                                               folks, day):
    page = make_page(qtbot, services, admin_session)
    show_doctor(page, folks["petrova"].id)
    printed = []
    page.day_sheets.print_sheets = lambda sheets, _parent: printed.append(sheets) or True
    with qtbot.waitSignal(page.day_sheets.printed, timeout=WAIT):
        page.print_button.click()
    (sheet,) = printed[0]
    assert [row[1] for row in sheet.rows] == ["Сидорова Ольга Павловна", "Иванов Пётр Сергеевич"]
    assert sheet.struck == frozenset({0})
    assert sheet.headers == ["Time", "Patient", "Birth date", "Phone", "Visit type", "Reason", "Status"]


def test_a_day_without_visits_says_so(qtbot, services, admin_session, folks, day, tmp_path):
    page = make_page(qtbot, services, admin_session, MONDAY + timedelta(2))
    page.day_sheets.ask_pdf_path = lambda _day, _doctor: str(tmp_path / "empty.pdf")
    page.pdf_button.click()
    qtbot.waitUntil(lambda: page.findChild(QMessageBox, "daySheetEmpty") is not None, timeout=WAIT)
    box = page.findChild(QMessageBox, "daySheetEmpty")
    assert "no visits" in box.text()
    assert not (tmp_path / "empty.pdf").exists()
    box.done(0)
