"""A date typed the way a desk types it: ``12031984``, ``12.3.84`` or ``12/03/1984``.

``QDateEdit`` is made for stepping through sections with the arrow keys: from
an empty birth date, typed digits were taken as one long number and Tab moved
between its day, month and year instead of on to the phone field (found by
typing into the real window).  This is a line edit that reads the day, month
and year in the order of the locale's date format, from digits alone or with
any separator, takes a two-digit year as the most recent such year not in the
future, and shows the date in the locale's format once the field is left.
Tab always moves on.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from heartbeat_desktop.ui.formatting import date_format, date_placeholder

_PARTS = re.compile(r"\d+")


def part_order(fmt: str) -> str:
    """``"dmy"`` for ``dd.MM.yyyy``, ``"mdy"`` for ``M/d/yyyy``, ``"ymd"`` for ``yyyy-MM-dd``."""
    seen = ""
    for char in fmt:
        key = {"d": "d", "M": "m", "y": "y"}.get(char)
        if key and key not in seen:
            seen += key
    return seen if sorted(seen) == ["d", "m", "y"] else "dmy"


def parse_date(text: str, order: str = "dmy", today: date | None = None) -> date | None:
    """The date in ``text``, read in ``order``; None if it is not one."""
    text = text.strip()
    numbers = _PARTS.findall(text)
    if len(numbers) == 1 and len(numbers[0]) in (6, 8):  # 12031984, 120384: the year is the 4 or 2 left over
        digits = numbers[0]
        year_length = len(digits) - 4
        widths = {"d": 2, "m": 2, "y": year_length}
        numbers, at = [], 0
        for key in order:
            numbers.append(digits[at:at + widths[key]])
            at += widths[key]
    if len(numbers) != 3 or not all(n.isdigit() for n in numbers):
        return None
    values = dict(zip(order, numbers, strict=True))
    year = int(values["y"])
    if len(values["y"]) <= 2:
        today = today or date.today()
        year += today.year // 100 * 100
        if year > today.year:
            year -= 100
    try:
        return date(year, int(values["m"]), int(values["d"]))
    except ValueError:
        return None


class DateField(QLineEdit):
    """``value()`` is the date, or None while empty; ``is_valid()`` says whether the text is a date."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fmt = date_format()
        self.order = part_order(self.fmt)
        self.setPlaceholderText(date_placeholder(self.fmt))
        self.setMaxLength(20)

    def value(self) -> date | None:
        return parse_date(self.text(), self.order)

    def is_valid(self) -> bool:
        return not self.text().strip() or self.value() is not None

    def set_value(self, value: date | None) -> None:
        self.setText(QDate(value).toString(self.fmt) if value is not None else "")

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Leaving the field shows what was understood (12031984 -> 12.03.1984)."""
        value = self.value()
        if value is not None:
            self.set_value(value)
        super().focusOutEvent(event)
