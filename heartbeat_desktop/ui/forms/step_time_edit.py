"""A time of day in five-minute steps that takes a time typed the way the desk types it.

Qt's ``QTimeEdit`` edits one section at a time: typing "1700" with the cursor
in the hours, or with the whole text selected, changes nothing, and the click
that put the cursor there decides which section the digits go to.  Here the
digits typed after the field is entered make the time, whatever the cursor:
"17" → 17:00, "930" → 09:30, "1745" → 17:45, "9:15" or "9.15" → 09:15; the
time follows as they are typed (``timeChanged``), a digit that can make no
time is refused.  Any other key ends the typing and does what it does in a
``QTimeEdit``: the arrows and the wheel move the minutes by five (the hours
by one), Tab leaves.  Leaving puts a typed minute on the five-minute grid.
"""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QTime
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractSpinBox, QDateTimeEdit, QTimeEdit, QWidget

from heartbeat_desktop.ui.formatting import time_format

STEP = 5  # minutes
LAST_MINUTE = 23 * 60 + 55
SEPARATORS = ":.,-"


def snapped(minutes: int) -> int:
    return min(LAST_MINUTE, max(0, round(minutes / STEP) * STEP))


def typed_time(text: str) -> QTime | None:
    """The time ``text`` (digits, perhaps one separator) means, or None if it means none yet."""
    hours, sep, minutes = (text.partition(next((s for s in SEPARATORS if s in text), "\0")))
    if sep:
        digits_h, digits_m = hours, minutes
    elif len(text) <= 2:
        digits_h, digits_m = text, ""
    else:  # "930" → 9:30, "1745" → 17:45
        digits_h, digits_m = text[:-2], text[-2:]
    if not digits_h.isdigit() or (digits_m and not digits_m.isdigit()) or len(digits_h) > 2 or len(digits_m) > 2:
        return None
    h, m = int(digits_h), int(digits_m or 0)
    if h > 23 or m > 59:
        return None
    return QTime(h, m)


def may_become_time(text: str) -> bool:
    """Whether more digits can still make ``text`` a time ("174" can: 17:45)."""
    return typed_time(text) is not None or any(typed_time(text + digit) is not None for digit in "0123456789")


class StepTimeEdit(QTimeEdit):
    def __init__(self, value: time | None = None, parent: QWidget | None = None, *, fmt: str | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat(fmt or time_format())
        self.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        if value is not None:
            self.setTime(QTime(value.hour, value.minute))
        self._typed = ""
        self.editingFinished.connect(self._snap)

    def minutes(self) -> int:
        return self.time().hour() * 60 + self.time().minute()

    def set_minutes(self, minutes: int) -> None:
        minutes = min(LAST_MINUTE, max(0, minutes))
        if minutes != self.minutes():
            self.setTime(QTime(minutes // 60, minutes % 60))

    # --- typing ------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text and (text.isdigit() or (text in SEPARATORS and self._typed and
                                        not any(s in self._typed for s in SEPARATORS))):
            if may_become_time(self._typed + text):
                self._typed += text
                wanted = typed_time(self._typed)
                if wanted is not None:
                    self.setTime(wanted)
                self.selectAll()
            return  # a digit that can make no time is refused
        if event.text() == "\b" and self._typed:  # Backspace takes back the last typed character
            self._typed = self._typed[:-1]
            wanted = typed_time(self._typed) if self._typed else None
            if wanted is not None:
                self.setTime(wanted)
            return
        self._typed = ""
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._typed = ""
        self.selectAll()  # what is typed replaces the time

    # --- steps and the grid --------------------------------------------------------------------
    def stepBy(self, steps: int) -> None:
        self._typed = ""
        if self.currentSection() != QDateTimeEdit.Section.MinuteSection:
            super().stepBy(steps)
            return
        now = self.minutes()
        base = now // STEP if steps > 0 else -(-now // STEP)  # off-step times land on the grid
        self.set_minutes((base + steps) * STEP)

    def _snap(self) -> None:
        self._typed = ""
        self.set_minutes(snapped(self.minutes()))
