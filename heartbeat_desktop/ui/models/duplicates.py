"""The likely duplicates under the patient form, and the list of merges (administrators)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from heartbeat_desktop.schemas import DuplicateMatch, MergeRead
from heartbeat_desktop.ui.models.record_table import Column, RecordTableModel

# what agrees, as the list says it (translated in the "duplicates" context)
SIGNAL_WORDS = {
    "name": QT_TRANSLATE_NOOP("duplicates", "name"),
    "surname": QT_TRANSLATE_NOOP("duplicates", "surname"),
    "birth_date": QT_TRANSLATE_NOOP("duplicates", "birth date"),
    "phone": QT_TRANSLATE_NOOP("duplicates", "phone"),
}
KIND_WORDS = {
    "appointments": QT_TRANSLATE_NOOP("duplicates", "appointments: {0}"),
    "waitlist": QT_TRANSLATE_NOOP("duplicates", "waitlist entries: {0}"),
    "series": QT_TRANSLATE_NOOP("duplicates", "series: {0}"),
}


def signals_text(match: DuplicateMatch) -> str:
    return ", ".join(QCoreApplication.translate("duplicates", SIGNAL_WORDS[s]) for s in match.signals)


def moved_text(merge: MergeRead) -> str:
    parts = [QCoreApplication.translate("duplicates", KIND_WORDS[k]).format(merge.moved_count(k))
             for k in KIND_WORDS if merge.moved_count(k)]
    return ", ".join(parts) or "—"


class DuplicateModel(RecordTableModel):
    """The patients the form's values may already be: most alike first (a handful, loaded at once)."""

    entity = "patient"
    page_size = 50
    columns = (
        Column(QT_TRANSLATE_NOOP("columns", "Name"), lambda m: m.patient.full_name, width=200),
        Column(QT_TRANSLATE_NOOP("columns", "Birth date"), lambda m: m.patient.birth_date, width=90),
        Column(QT_TRANSLATE_NOOP("columns", "Phone"), lambda m: m.patient.phone or "", width=130),
        Column(QT_TRANSLATE_NOOP("columns", "Alike"), signals_text, width=140),
    )

    def __init__(self, finder: Callable[[], list[DuplicateMatch]], parent: Any = None) -> None:
        super().__init__(lambda _query, offset, limit: finder()[offset:offset + limit], None, parent)


class MergeTableModel(RecordTableModel):
    page_size = 500

    def __init__(self, loader: Callable[[], list[MergeRead]], zone: tzinfo, parent: Any = None) -> None:
        super().__init__(lambda _query, offset, limit: loader()[offset:offset + limit], None, parent)

        def when(moment: Any) -> str:
            return "" if moment is None else moment.astimezone(zone).strftime("%d.%m.%Y %H:%M")

        self.columns = (
            Column(QT_TRANSLATE_NOOP("columns", "Merged"), lambda m: when(m.merged_at), width=150),
            Column(QT_TRANSLATE_NOOP("columns", "Kept record"), lambda m: m.survivor_name, width=200),
            Column(QT_TRANSLATE_NOOP("columns", "Merged record"), lambda m: m.duplicate_name, width=200),
            Column(QT_TRANSLATE_NOOP("columns", "Moved"), moved_text, width=220),
            Column(QT_TRANSLATE_NOOP("columns", "By"), lambda m: m.username or "", width=90),
            Column(QT_TRANSLATE_NOOP("columns", "Undone"), lambda m: when(m.undone_at), width=130),
        )

