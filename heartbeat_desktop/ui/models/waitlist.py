"""The waitlist as a table: who waits, for whom, on which days and hours, since when; oldest first.

A thin :class:`RecordTableModel`: the loader asks ``waitlist.list`` for the
active entries (a short list, in one go); live changes load it again.
"""

from __future__ import annotations

from datetime import tzinfo
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from heartbeat_desktop.schemas import WaitlistRead
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.ui.formatting import format_date, format_time
from heartbeat_desktop.ui.models.record_table import RIGHT, Column, RecordTableModel
from heartbeat_desktop.ui.session import SessionHolder

DAY_LETTERS = (QT_TRANSLATE_NOOP("waitlist", "Mon"), QT_TRANSLATE_NOOP("waitlist", "Tue"),
               QT_TRANSLATE_NOOP("waitlist", "Wed"), QT_TRANSLATE_NOOP("waitlist", "Thu"),
               QT_TRANSLATE_NOOP("waitlist", "Fri"), QT_TRANSLATE_NOOP("waitlist", "Sat"),
               QT_TRANSLATE_NOOP("waitlist", "Sun"))


def days_text(mask: str) -> str:
    """"1111100" -> "Mon–Fri"; "1010100" -> "Mon, Wed, Fri"; every day -> "Any day"."""
    names = [QCoreApplication.translate("waitlist", d) for d in DAY_LETTERS]
    if mask == "1111111":
        return QCoreApplication.translate("waitlist", "Any day")
    chosen = [i for i, mark in enumerate(mask) if mark == "1"]
    if len(chosen) > 2 and chosen == list(range(chosen[0], chosen[-1] + 1)):
        return f"{names[chosen[0]]}–{names[chosen[-1]]}"
    return ", ".join(names[i] for i in chosen)


def wanted_text(entry: WaitlistRead) -> str:
    """Whom the patient waits for: "Dr Петрова М. И." or "any Терапевт"."""
    if entry.doctor_name:
        return entry.doctor_name
    return QCoreApplication.translate("waitlist", "any {0}").format(entry.specialty or "")


def hours_text(entry: WaitlistRead) -> str:
    return f"{format_time(entry.earliest)}–{format_time(entry.latest)}"


class WaitlistModel(RecordTableModel):
    entity = "waitlist"
    references = {"patient": lambda e: e.patient_id, "doctor": lambda e: e.doctor_id}
    page_size = 5000  # the whole list, in one go

    def __init__(self, services: Heartbeat, session: SessionHolder, zone: tzinfo, parent: Any = None) -> None:
        super().__init__(self._load, None, parent)
        self.services, self.session = services, session
        self.columns = (
            Column(QT_TRANSLATE_NOOP("columns", "Patient"), lambda e: e.patient_name, width=230),
            Column(QT_TRANSLATE_NOOP("columns", "Waits for"), wanted_text, width=220),
            Column(QT_TRANSLATE_NOOP("columns", "Days"), lambda e: days_text(e.weekdays), width=150),
            Column(QT_TRANSLATE_NOOP("columns", "Hours"), hours_text, width=110),
            Column(QT_TRANSLATE_NOOP("columns", "Minutes"), lambda e: e.minutes, align=RIGHT, width=70),
            Column(QT_TRANSLATE_NOOP("columns", "Since"), lambda e: format_date(e.created_at.astimezone(zone).date()), width=100),
            Column(QT_TRANSLATE_NOOP("columns", "Note"), lambda e: e.note or "", width=200),
        )

    def _load(self, _query: str, offset: int, limit: int) -> list[WaitlistRead]:
        rows = self.services.waitlist.list(self.session.token)
        return rows[offset:offset + limit]
