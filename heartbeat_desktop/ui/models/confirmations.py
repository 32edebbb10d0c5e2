"""The confirmation list as a table: a day's visits, the number to call, and what the patient said.

A thin :class:`RecordTableModel`: the loader asks ``confirmations.calls`` for
the whole day and live changes load it again.  The answer has a mark as well
as a colour; a visit cancelled by phone is greyed and struck through.
"""

from __future__ import annotations

from datetime import date, timedelta, tzinfo
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont

from heartbeat_desktop.core.vocabulary import Confirmation
from heartbeat_desktop.schemas import ConfirmationCall
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.ui.appointment_text import local, short_name, span_text
from heartbeat_desktop.ui.formatting import format_datetime
from heartbeat_desktop.ui.models.record_table import Column, Index, RecordTableModel
from heartbeat_desktop.ui.session import SessionHolder

AnswerRole = Qt.ItemDataRole.UserRole + 30  # the call's Confirmation

# mark, fill: colour is never the only cue
LOOKS: dict[Confirmation, tuple[str, str | None]] = {
    Confirmation.NOT_CALLED: ("○", None),
    Confirmation.CONFIRMED: ("✓", "#dcfce7"),
    Confirmation.LEFT_MESSAGE: ("✉", "#fef3c7"),
    Confirmation.CANCELLED_BY_PHONE: ("✕", "#f3f4f6"),
}
GONE_TEXT = "#8a8f98"

# the answers' names, for lupdate (the vocabulary's labels are the source text)
_NAMES = (QT_TRANSLATE_NOOP("confirmation", "Not yet called"), QT_TRANSLATE_NOOP("confirmation", "Confirmed"),
          QT_TRANSLATE_NOOP("confirmation", "Left a message"),
          QT_TRANSLATE_NOOP("confirmation", "Cancelled by phone"))


def answer_text(answer: Confirmation) -> str:
    """The answer as the desk reads it, translated, after its mark."""
    return f"{LOOKS[answer][0]} {QCoreApplication.translate('confirmation', answer.label)}"


class ConfirmationModel(RecordTableModel):
    entity = "appointment"
    references = {"patient": lambda c: c.appointment.patient_id, "doctor": lambda c: c.appointment.doctor_id}
    page_size = 5000  # one day, in one go
    ANSWER_COLUMN = 4

    def __init__(self, services: Heartbeat, session: SessionHolder, zone: tzinfo, parent: Any = None) -> None:
        super().__init__(self._load, None, parent)
        self.services, self.session, self.zone = services, session, zone
        self.day: date = date.today() + timedelta(days=1)
        self.columns = (
            Column(QT_TRANSLATE_NOOP("columns", "Time"), lambda c: span_text(c.appointment, zone), width=110),
            Column(QT_TRANSLATE_NOOP("columns", "Patient"), lambda c: c.appointment.patient_name, width=260),
            Column(QT_TRANSLATE_NOOP("columns", "Phone"), lambda c: c.phone or "—", width=150),
            Column(QT_TRANSLATE_NOOP("columns", "Doctor"), lambda c: short_name(c.appointment.doctor_name), width=170),
            Column(QT_TRANSLATE_NOOP("columns", "Answer"), lambda c: answer_text(c.confirmation), width=240),
            Column(QT_TRANSLATE_NOOP("columns", "Noted"), self.noted, width=200),
        )

    def noted(self, call: ConfirmationCall) -> str:
        if call.called_at is None:
            return ""
        return f"{format_datetime(local(call.called_at, self.zone))}, {call.called_by or '?'}"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self.rowCount():
            return None
        call: ConfirmationCall = self.record(index.row())
        answer = call.confirmation
        if role == AnswerRole:
            return answer
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == self.ANSWER_COLUMN and LOOKS[answer][1]:
            return QColor(LOOKS[answer][1])
        gone = not call.appointment.is_active
        if role == Qt.ItemDataRole.ForegroundRole and gone:
            return QColor(GONE_TEXT)
        if role == Qt.ItemDataRole.FontRole and gone:
            font = QFont()
            font.setStrikeOut(True)
            return font
        return super().data(index, role)

    # --- loading (off the GUI thread) ------------------------------------------------------------
    def _load(self, _query: str, offset: int, limit: int) -> list[ConfirmationCall]:
        rows = self.services.confirmations.calls(self.session.token, self.day)
        return rows[offset:offset + limit]
