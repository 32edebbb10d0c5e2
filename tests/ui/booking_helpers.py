"""What the appointment GUI tests share: people to book, and the user's gestures."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt, QThreadPool
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.helpers import doctor_data, patient_data, type_text

# the offscreen platform cannot raise a popup or grab the keyboard for it (the
# completer's list, calendar popups); it says so as a warning that is not our bug
OFFSCREEN_POPUPS = pytest.mark.qt_log_ignore("This plugin does not support")
WAIT = 15_000  # ms; generous: the suite may share a busy machine


@pytest.fixture
def settle(qtbot: Any) -> Iterator[None]:
    """Let background calls finish before the database closes; never block on a question."""
    original = QMessageBox.question
    QMessageBox.question = lambda *a, **k: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    try:
        yield
    finally:
        QThreadPool.globalInstance().waitForDone(WAIT)
        QApplication.processEvents()
        QMessageBox.question = original  # type: ignore[method-assign]


def people(services: Any, token: str) -> dict[str, Any]:
    """Three patients and two doctors (Mon–Fri 9–18 and 12–20)."""
    return {
        "ivanov": services.patients.create(token, patient_data()),
        "sidorova": services.patients.create(token, patient_data(
            last_name="Сидорова", first_name="Ольга", middle_name="Павловна", sex="female",
            phone="+7 916 222-22-22")),
        "kuznetsov": services.patients.create(token, patient_data(
            last_name="Кузнецов", first_name="Алексей", middle_name=None, phone="+7 916 333-33-33")),
        "petrova": services.doctors.create(token, doctor_data()),
        "orlov": services.doctors.create(token, doctor_data(
            last_name="Орлов", first_name="Олег", middle_name="Петрович", specialty="Кардиолог", room="205",
            working_hours=[{"weekday": d, "starts": "12:00", "ends": "20:00"} for d in range(5)])),
    }


def choose_patient(qtbot: Any, picker: Any, typed: str) -> None:
    """Type ``typed`` (Cyrillic is fine) and pick the first suggestion with the keyboard."""
    type_text(picker, typed)
    popup = picker.completer().popup()
    qtbot.waitUntil(lambda: popup.isVisible() and picker.matches.rowCount() > 0, timeout=WAIT)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: picker.patient_id is not None, timeout=WAIT)


def double_click(qtbot: Any, view: Any, index: QModelIndex) -> None:
    view.scrollTo(index)
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def click_cell(qtbot: Any, view: Any, index: QModelIndex) -> None:
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())


def wait_save(qtbot: Any, form: Any, enabled: bool = True) -> None:
    qtbot.waitUntil(lambda: form.save_button.isEnabled() == enabled, timeout=WAIT)
