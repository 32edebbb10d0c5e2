"""Dates typed the desk's way: digits alone, any separator, two-digit years, in the locale's order."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication

from heartbeat_desktop.ui.forms.date_field import DateField, parse_date, part_order
from tests.helpers import type_text

TODAY = date(2026, 11, 27)


@pytest.mark.parametrize(("typed", "expected"), [
    ("12031984", date(1984, 3, 12)),
    ("12.03.1984", date(1984, 3, 12)),
    ("12.3.1984", date(1984, 3, 12)),
    (" 12/3/1984 ", date(1984, 3, 12)),
    ("12-03-84", date(1984, 3, 12)),
    ("120384", date(1984, 3, 12)),
    ("01.01.26", date(2026, 1, 1)),  # a two-digit year is the latest one not in the future
    ("01.01.27", date(1927, 1, 1)),
    ("29.02.2024", date(2024, 2, 29)),
    ("29.02.2023", None),  # no such day
    ("31.04.1990", None),
    ("1984", None),
    ("12.03", None),
    ("двенадцатое", None),
    ("", None),
])
def test_typed_dates_are_read_day_month_year(typed, expected):
    assert parse_date(typed, "dmy", TODAY) == expected


def test_the_order_follows_the_locale_format():
    assert part_order("dd.MM.yyyy") == "dmy"
    assert part_order("M/d/yyyy") == "mdy"
    assert part_order("yyyy-MM-dd") == "ymd"
    assert parse_date("03121984", "mdy", TODAY) == date(1984, 3, 12)
    assert parse_date("1984-03-12", "ymd", TODAY) == date(1984, 3, 12)


def test_the_field_shows_what_it_understood_when_left(qtbot):
    field = DateField()
    field.fmt, field.order = "dd.MM.yyyy", "dmy"
    qtbot.addWidget(field)
    field.show()
    type_text(field, "12031984")
    assert field.value() == date(1984, 3, 12) and field.is_valid()
    QApplication.sendEvent(field, QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.TabFocusReason))
    assert field.text() == "12.03.1984"
    field.setText("31.02.1990")
    assert field.value() is None and not field.is_valid()
    field.clear()
    assert field.value() is None and field.is_valid()  # empty is not wrong; the form says if it is required
