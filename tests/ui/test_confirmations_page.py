"""The confirmation list: the day's visits with phones, answers noted from the buttons and the keyboard,
a phone cancellation (asked, cancelled, offered to the waitlist), and the list printed to a PDF."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from heartbeat_desktop.core.vocabulary import Confirmation, Role, Status
from heartbeat_desktop.services.permissions import Permission, allowed
from heartbeat_desktop.ui.models.confirmations import AnswerRole
from heartbeat_desktop.ui.pages.confirmations_page import ConfirmationsPage
from heartbeat_desktop.ui.pages.registry import PAGES
from heartbeat_desktop.ui.printing import Sheet, save_pdf
from tests.helpers import at, booking, next_monday, pdf_text, session_for
from tests.ui.booking_helpers import OFFSCREEN_POPUPS, WAIT, people, settle  # noqa: F401

pytestmark = [OFFSCREEN_POPUPS, pytest.mark.usefixtures("settle")]
MONDAY = next_monday()


@pytest.fixture
def folks(services, admin_session):  # noqa: ANN001, ANN201
    return people(services, admin_session.token)


@pytest.fixture
def visits(services, admin_session, folks):  # noqa: ANN001, ANN201
    """Three visits on MONDAY (Иванов 9:00 and Сидорова 10:00 with Петрова, Кузнецов 12:00 with Орлов),
    and Иванов again on Tuesday."""
    token = admin_session.token
    petrova, orlov = folks["petrova"].id, folks["orlov"].id
    return {
        "ivanov": services.appointments.create(token, booking(petrova, folks["ivanov"].id, at(9))),
        "sidorova": services.appointments.create(token, booking(petrova, folks["sidorova"].id, at(10))),
        "kuznetsov": services.appointments.create(token, booking(orlov, folks["kuznetsov"].id, at(12))),
        "tuesday": services.appointments.create(token, booking(petrova, folks["ivanov"].id,
                                                               at(9, day=MONDAY + timedelta(1)))),
    }


def calls_page(qtbot, services, session):  # noqa: ANN001, ANN201
    page = ConfirmationsPage(services, session)
    qtbot.addWidget(page)
    page.resize(1200, 500)
    page.show()
    page.go_to(MONDAY)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and not page.model.is_loading, timeout=WAIT)
    return page


def column(page, number):  # noqa: ANN001, ANN201
    return [page.model.index(r, number).data() for r in range(page.model.rowCount())]


def test_the_calls_page_is_the_desks_after_the_waitlist():
    factories = [factory.__name__ for factory, _permission in PAGES]
    assert factories[:4] == ["SchedulePage", "QueuePage", "WaitlistPage", "ConfirmationsPage"]
    permission = PAGES[3][1]
    assert [allowed(r, permission) for r in (Role.ADMIN, Role.RECEPTIONIST, Role.DOCTOR)] == [True, True, False]
    assert permission is Permission.CONFIRM_APPOINTMENTS


def test_the_page_opens_on_the_next_day_with_visits(qtbot, services, admin_session, visits):
    """Nothing booked between today and MONDAY: on a Friday, the list opens on Monday's calls."""
    page = ConfirmationsPage(services, admin_session)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: page.model.day == MONDAY and page.model.rowCount() == 3, timeout=WAIT)
    assert page.date_edit.date().toPython() == MONDAY
    page.tomorrow_button.click()
    assert page.model.day == date.today() + timedelta(days=1)
    page.refresh()  # the desk's day stays
    assert page.model.day == date.today() + timedelta(days=1)


def test_the_model_passes_the_qt_model_tester(qtmodeltester, qtbot, services, admin_session, visits):
    page = calls_page(qtbot, services, admin_session)
    qtmodeltester.check(page.model)


def test_the_days_visits_with_their_phones_in_time_order(qtbot, services, admin_session, visits):
    page = calls_page(qtbot, services, admin_session)
    assert column(page, 1) == ["Иванов Пётр Сергеевич", "Сидорова Ольга Павловна", "Кузнецов Алексей"]
    assert column(page, 2) == ["+7 916 123-45-67", "+7 916 222-22-22", "+7 916 333-33-33"]
    assert column(page, 4) == ["○ Not yet called"] * 3
    assert page.summary.text() == "3 visits: 3 to call, 0 confirmed, 0 left a message, 0 cancelled"
    page.next_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and not page.model.is_loading, timeout=WAIT)
    assert page.model.record(0).id == visits["tuesday"].id


def test_answers_are_noted_and_the_selection_moves_on(qtbot, services, admin_session, visits):
    token = admin_session.token
    page = calls_page(qtbot, services, admin_session)
    page.select(visits["ivanov"].id)
    assert not page.buttons[Confirmation.NOT_CALLED].isEnabled()  # it is not called yet
    page.buttons[Confirmation.CONFIRMED].click()
    qtbot.waitUntil(lambda: page.selected().id == visits["sidorova"].id, timeout=WAIT)  # on to the next
    assert services.appointments.get(token, visits["ivanov"].id).confirmation is Confirmation.CONFIRMED
    assert page.model.index(0, 4).data(AnswerRole) == Confirmation.CONFIRMED
    assert page.model.index(0, 5).data().endswith(", admin")
    # the keyboard: the button's Alt key
    qtbot.keyClick(page.table, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.selected().id == visits["kuznetsov"].id, timeout=WAIT)
    assert services.appointments.get(token, visits["sidorova"].id).confirmation is Confirmation.LEFT_MESSAGE
    assert page.summary.text() == "3 visits: 1 to call, 1 confirmed, 1 left a message, 0 cancelled"
    # a mistaken answer is taken back
    page.select(visits["ivanov"].id)
    page.buttons[Confirmation.NOT_CALLED].click()
    qtbot.waitUntil(lambda: services.appointments.get(token, visits["ivanov"].id).confirmation
                    is Confirmation.NOT_CALLED, timeout=WAIT)


def test_cancelled_by_phone_asks_cancels_and_offers_the_slot(qtbot, services, admin_session, folks, visits):
    token = admin_session.token
    waiting = services.waitlist.add(token, {"patient_id": folks["kuznetsov"].id, "doctor_id": folks["petrova"].id,
                                            "weekdays": "1111100", "earliest": time(8), "latest": time(20),
                                            "minutes": 30})
    page = calls_page(qtbot, services, admin_session)
    asked = []
    page.ask_to_cancel = lambda call: asked.append(call.id) or False  # the desk says No: nothing happens
    page.select(visits["sidorova"].id)
    page.buttons[Confirmation.CANCELLED_BY_PHONE].click()
    assert asked == [visits["sidorova"].id]
    assert services.appointments.get(token, visits["sidorova"].id).status is Status.SCHEDULED

    page.ask_to_cancel = lambda call: True
    page.buttons[Confirmation.CANCELLED_BY_PHONE].click()
    qtbot.waitUntil(lambda: getattr(page, "waitlist_offer", None) is not None, timeout=WAIT)
    cancelled = services.appointments.get(token, visits["sidorova"].id)
    assert (cancelled.status, cancelled.confirmation) == (Status.CANCELLED, Confirmation.CANCELLED_BY_PHONE)
    assert list(page.waitlist_offer.book_buttons) == [waiting.id]
    row = page.model.row_of(cancelled.id)
    assert row >= 0 and page.model.index(row, 1).data(Qt.ItemDataRole.FontRole).strikeOut()
    page.select(cancelled.id)
    assert not any(b.isEnabled() for b in page.buttons.values())  # Undo status takes it back, not this list
    page.waitlist_offer.close()


def test_the_list_saves_as_a_pdf_with_the_visits_and_answers(qtbot, services, admin_session, visits, tmp_path):
    page = calls_page(qtbot, services, admin_session)
    page.select(visits["ivanov"].id)
    page.buttons[Confirmation.CONFIRMED].click()
    qtbot.waitUntil(lambda: page.model.index(0, 4).data(AnswerRole) == Confirmation.CONFIRMED, timeout=WAIT)
    target = tmp_path / "звонки.pdf"
    page.ask_pdf_path = lambda: str(target)
    page.pdf_button.click()
    text = pdf_text(target)
    for expected in ("Confirmation calls", "Иванов Пётр Сергеевич", "+7 916 222-22-22", "Кузнецов Алексей",
                     "Confirmed", "Not yet called", "10:00"):
        assert expected in text
    assert text.count("Иванов Пётр Сергеевич") == 1  # his Tuesday visit is not on Monday's list


def test_a_pdf_that_cannot_be_written_says_so(qtbot, services, admin_session, visits, tmp_path):
    page = calls_page(qtbot, services, admin_session)
    page.ask_pdf_path = lambda: str(tmp_path / "no-such-folder" / "calls.pdf")
    page.pdf_button.click()
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert boxes and "could not be written" in boxes[-1].text()
    assert boxes[-1].detailedText() == ""  # no traceback for the desk
    boxes[-1].close()


def test_save_pdf_refuses_in_words_where_qt_is_silent(qapp, tmp_path):
    sheet = Sheet("T", "S", ["A"], [["x"]])
    assert save_pdf(sheet, tmp_path / "ok.pdf").stat().st_size > 0
    with pytest.raises(Exception, match="could not be written"):
        save_pdf(sheet, tmp_path / "missing" / "x.pdf")


def test_a_doctors_account_cannot_note_answers(qtbot, services, admin_session, visits):
    doctor = session_for(services, admin_session, "doc", "doctor")
    page = calls_page(qtbot, services, doctor)
    assert not page.can_answer and not any(b.isVisible() for b in page.buttons.values())
    page.select(visits["ivanov"].id)
    page.answer(Confirmation.CONFIRMED)
    assert services.appointments.get(admin_session.token, visits["ivanov"].id).confirmation is Confirmation.NOT_CALLED
