"""The patients table: sortable by name (the whole name), birth date, phone and e-mail."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from heartbeat_desktop.ui.models.record_table import Column, RecordTableModel


class PatientTableModel(RecordTableModel):
    entity = "patient"
    columns = (
        Column(QT_TRANSLATE_NOOP("columns", "Last name"), lambda p: p.last_name, width=160, sort_key="name"),
        Column(QT_TRANSLATE_NOOP("columns", "First name"), lambda p: p.first_name, width=130),
        Column(QT_TRANSLATE_NOOP("columns", "Middle name"), lambda p: p.middle_name, width=150),
        Column(QT_TRANSLATE_NOOP("columns", "Birth date"), lambda p: p.birth_date, width=110, sort_key="birth_date"),
        Column(QT_TRANSLATE_NOOP("columns", "Phone"), lambda p: p.phone, width=160, sort_key="phone"),
        Column(QT_TRANSLATE_NOOP("columns", "E-mail"), lambda p: p.email, width=200, sort_key="email"),
    )
