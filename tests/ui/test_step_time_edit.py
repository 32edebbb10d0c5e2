"""The time field takes a time typed the way the desk types it, wherever the click put the cursor."""

from __future__ import annotations

from datetime import time

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QDateTimeEdit

from heartbeat_desktop.ui.forms.step_time_edit import StepTimeEdit, may_become_time, typed_time


@pytest.mark.parametrize(("text", "expected"), [
    ("9", QTime(9, 0)), ("17", QTime(17, 0)), ("930", QTime(9, 30)), ("1745", QTime(17, 45)),
    ("9:15", QTime(9, 15)), ("9.15", QTime(9, 15)), ("17:", QTime(17, 0)), ("0005", QTime(0, 5)),
    ("24", None), ("174", None), ("1760", None), ("12345", None), ("a", None), ("", None),
])
def test_what_typed_text_means(text, expected):
    assert typed_time(text) == expected


def test_a_prefix_that_can_still_become_a_time_is_kept():
    assert may_become_time("174") and may_become_time("24") and not may_become_time("99")


@pytest.fixture
def edit(qtbot):  # noqa: ANN001, ANN201
    widget = StepTimeEdit(time(16, 0))
    qtbot.addWidget(widget)
    widget.show()
    widget.setFocus()
    return widget


@pytest.mark.parametrize(("typed", "expected"), [
    ("1700", QTime(17, 0)), ("1745", QTime(17, 45)), ("930", QTime(9, 30)), ("9:15", QTime(9, 15)),
    ("17", QTime(17, 0)), ("1799", QTime(17, 0)),  # the 9s can make no time: refused
])
def test_typing_makes_the_time_whatever_the_section(qtbot, edit, typed, expected):
    edit.setCurrentSection(QDateTimeEdit.Section.MinuteSection)  # the click landed on the minutes
    qtbot.keyClicks(edit, typed)
    assert edit.time() == expected


def test_the_time_follows_the_typing_and_backspace_takes_a_digit_back(qtbot, edit):
    seen = []
    edit.timeChanged.connect(seen.append)
    qtbot.keyClicks(edit, "174")
    assert edit.time() == QTime(17, 0) and seen[-1] == QTime(17, 0)
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, "30")
    assert edit.time() == QTime(17, 30)


def test_arrows_still_step_by_five_and_leaving_snaps_to_the_grid(qtbot, edit):
    qtbot.keyClicks(edit, "1707")
    assert edit.time() == QTime(17, 7)
    edit.editingFinished.emit()
    assert edit.time() == QTime(17, 5)
    edit.setCurrentSection(QDateTimeEdit.Section.MinuteSection)
    qtbot.keyClick(edit, Qt.Key.Key_Up)
    assert edit.time() == QTime(17, 10)
    qtbot.keyClicks(edit, "8")  # after an arrow, typing starts a new time
    assert edit.time() == QTime(8, 0)


def test_the_page_day_field_fits_the_longest_weekday(qtbot):
    from datetime import date

    from heartbeat_desktop.ui.forms.time_fields import day_edit

    edit = day_edit("someDay", "Day", date(2026, 12, 2))  # a Wednesday, the longest English name
    qtbot.addWidget(edit)
    edit.show()
    needed = edit.fontMetrics().horizontalAdvance(edit.text())
    assert edit.text() == "Wednesday, 02.12.2026" and edit.width() >= needed + 30
