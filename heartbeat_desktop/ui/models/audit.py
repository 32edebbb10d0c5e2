"""The audit log table: who did what, when, and a compact "field: old → new" summary."""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Qt

from heartbeat_desktop.ui.appointment_text import local
from heartbeat_desktop.ui.formatting import format_datetime, format_value
from heartbeat_desktop.ui.models.record_table import (
    RIGHT,
    Column,
    Loader,
    RecordTableModel,
)

# what the services write -> what the admin reads (translated in the "audit" context)
ACTIONS = {
    "create": QT_TRANSLATE_NOOP("audit", "Created"),
    "update": QT_TRANSLATE_NOOP("audit", "Changed"),
    "delete": QT_TRANSLATE_NOOP("audit", "Deleted"),
    "activate": QT_TRANSLATE_NOOP("audit", "Activated"),
    "deactivate": QT_TRANSLATE_NOOP("audit", "Deactivated"),
    "status": QT_TRANSLATE_NOOP("audit", "Status changed"),
    "undo_status": QT_TRANSLATE_NOOP("audit", "Status change undone"),
    "remove": QT_TRANSLATE_NOOP("audit", "Removed"),
    "book": QT_TRANSLATE_NOOP("audit", "Booked"),
    "login": QT_TRANSLATE_NOOP("audit", "Signed in"),
    "login_failed": QT_TRANSLATE_NOOP("audit", "Sign-in failed"),
    "logout": QT_TRANSLATE_NOOP("audit", "Signed out"),
    "change_password": QT_TRANSLATE_NOOP("audit", "Password changed"),
    "reset_password": QT_TRANSLATE_NOOP("audit", "Password reset"),
    "backup": QT_TRANSLATE_NOOP("audit", "Backup"),
    "demo_data": QT_TRANSLATE_NOOP("audit", "Demo data"),
    "export": QT_TRANSLATE_NOOP("audit", "Exported"),
    "import": QT_TRANSLATE_NOOP("audit", "Imported"),
    "restore": QT_TRANSLATE_NOOP("audit", "Restored"),
    "confirmation": QT_TRANSLATE_NOOP("audit", "Confirmation call"),
    "merge": QT_TRANSLATE_NOOP("audit", "Records merged"),
    "undo_merge": QT_TRANSLATE_NOOP("audit", "Merge undone"),
}
ENTITIES = {
    "patient": QT_TRANSLATE_NOOP("audit", "Patient"),
    "doctor": QT_TRANSLATE_NOOP("audit", "Doctor"),
    "appointment": QT_TRANSLATE_NOOP("audit", "Appointment"),
    "user": QT_TRANSLATE_NOOP("audit", "User account"),
    "waitlist": QT_TRANSLATE_NOOP("audit", "Waitlist entry"),
    "database": QT_TRANSLATE_NOOP("audit", "Database"),
    "appointments": QT_TRANSLATE_NOOP("audit", "Appointments (a file)"),
    "patients": QT_TRANSLATE_NOOP("audit", "Patients (a file)"),
    "time_off": QT_TRANSLATE_NOOP("audit", "Time off"),
    "appointment_type": QT_TRANSLATE_NOOP("audit", "Visit type"),
    "appointment_series": QT_TRANSLATE_NOOP("audit", "Repeated visits"),
    "audit": QT_TRANSLATE_NOOP("audit", "Audit log"),
}
# actions whose changes are {field: [old, new]}; the others store a snapshot {field: value}
PAIRED = frozenset({"update", "activate", "deactivate", "status", "undo_status", "remove", "book", "confirmation"})


def label(words: dict[str, str], key: str) -> str:
    return QCoreApplication.translate("audit", words[key]) if key in words else key


def plain_value(field: str, value: Any, zone: tzinfo | None) -> str:
    if value is None or value == []:
        return "—"
    if isinstance(value, list):
        return ", ".join(plain_value(field, v, zone) for v in value)
    if field == "working_hours" and isinstance(value, str) and value[:1].isdigit() and ":" in value:
        day, _, hours = value.partition(":")  # "0:09:00-13:00", as the doctor service writes it
        if day.isdigit() and int(day) < 7:
            return f"{QLocale().dayName(int(day) + 1, QLocale.FormatType.ShortFormat)} {hours}"
    if field.endswith("_at") and isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value)
            return format_datetime(local(moment, zone) if zone is not None else moment)
        except ValueError:
            pass
    return format_value(value)


def changes_text(action: str, changes: dict[str, Any] | None, zone: tzinfo | None = None) -> str:
    """``{"room": ["101", "102"]}`` -> ``"room: 101 → 102"``; a snapshot -> ``"room: 101"``.

    A snapshot (a created or deleted record) leaves out its empty fields.
    """
    parts = []
    for field, value in (changes or {}).items():
        name = field.replace("_", " ")
        if action in PAIRED and isinstance(value, list) and len(value) == 2:
            parts.append(f"{name}: {plain_value(field, value[0], zone)} → {plain_value(field, value[1], zone)}")
        elif value not in (None, "", []):
            parts.append(f"{name}: {plain_value(field, value, zone)}")
    return "; ".join(parts)


class AuditTableModel(RecordTableModel):
    initial_sort = (0, Qt.SortOrder.DescendingOrder)  # newest first, as the service lists them
    def __init__(self, loader: Loader, zone: tzinfo, parent: Any = None) -> None:
        super().__init__(loader, None, parent)
        self.columns = (  # per instance: times in the clinic's zone, like every other page
            Column(QT_TRANSLATE_NOOP("columns", "When"), lambda e: local(e.at, zone), width=160, sort_key="at"),
            Column(QT_TRANSLATE_NOOP("columns", "User"), lambda e: e.username, width=120, sort_key="user"),
            Column(QT_TRANSLATE_NOOP("columns", "Action"), lambda e: label(ACTIONS, e.action), width=170,
                   sort_key="action"),
            Column(QT_TRANSLATE_NOOP("columns", "Entity"), lambda e: label(ENTITIES, e.entity), width=110,
                   sort_key="entity"),
            Column(QT_TRANSLATE_NOOP("columns", "Entity id"), lambda e: e.entity_id, align=RIGHT, width=90,
                   sort_key="entity_id"),
            Column(QT_TRANSLATE_NOOP("columns", "Changes"), lambda e: changes_text(e.action, e.changes, zone),
                   width=400),
        )
