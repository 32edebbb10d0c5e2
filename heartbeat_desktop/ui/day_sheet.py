"""A doctor's day sheet as a printable :class:`Sheet`, and the schedule page's printing of it.

The heading names the doctor, the specialty, the room and the day; the table
lists the visits in time order with what the doctor needs to call a patient
in (birth date, phone); cancelled and missed visits are struck through.  With
"All doctors" on the schedule, each doctor with visits that day gets a sheet
of their own, starting on a new page.
"""

from __future__ import annotations

from datetime import date, tzinfo
from pathlib import Path

from PySide6.QtCore import QLocale, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from heartbeat_desktop.core.errors import HeartbeatError
from heartbeat_desktop.schemas import DaySheet, DaySheetVisit
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.ui.alive import while_alive
from heartbeat_desktop.ui.appointment_text import span_text
from heartbeat_desktop.ui.errors import show_error
from heartbeat_desktop.ui.formatting import format_date
from heartbeat_desktop.ui.operations import Operation
from heartbeat_desktop.ui.printing import Sheet, print_sheet, save_pdf
from heartbeat_desktop.ui.session import SessionHolder
from heartbeat_desktop.ui.status_style import status_text

WIDTHS = (12, 22, 10, 15, 11, 18, 12)  # percent: the patient's full name and the reason get the most


class DaySheetText(QObject):
    """The day sheet's words: ``self.tr`` in a class puts them in the catalogue under its name
    (lupdate gives a module-level ``tr()`` no context, so a wrapper's own context never matched)."""

    def sheet(self, day_sheet: DaySheet, zone: tzinfo) -> Sheet:
        where = ", ".join(p for p in (day_sheet.specialty, self.tr("room {0}").format(day_sheet.room)
                                      if day_sheet.room else "") if p)
        when = f"{QLocale().dayName(day_sheet.day.isoweekday())}, {format_date(day_sheet.day)}"
        headers = [self.tr("Time"), self.tr("Patient"), self.tr("Birth date"), self.tr("Phone"),
                   self.tr("Visit type"), self.tr("Reason"), self.tr("Status")]
        visits = day_sheet.visits

        def row(v: DaySheetVisit) -> list[str]:
            a = v.appointment
            return [span_text(a, zone), a.patient_name, format_date(v.birth_date), v.phone or "",
                    a.type_name or "", a.reason or "", status_text(a.status)]

        active = sum(1 for v in visits if v.appointment.is_active)
        footer = self.tr("%n visit(s)", "", active)
        if len(visits) > active:
            footer += "; " + self.tr("%n cancelled or missed (struck through)", "", len(visits) - active)
        if not visits:
            footer = self.tr("No visits on this day.")
        return Sheet(self.tr("Day sheet: {0}").format(day_sheet.doctor_name), f"{where} — {when}" if where else when,
                     headers, [row(v) for v in visits],
                     frozenset(i for i, v in enumerate(visits) if not v.appointment.is_active), footer,
                     widths=WIDTHS, unbroken=frozenset({0, 2, 3, 6}))


def sheet_of(day_sheet: DaySheet, zone: tzinfo) -> Sheet:
    """One doctor's day as a sheet to print."""
    return DaySheetText().sheet(day_sheet, zone)


class DaySheetPrinter(QObject):
    """The schedule page's "Print day sheet…" and "Save day sheet as PDF…": the day's sheets loaded in
    the background, then printed (Qt's print dialog) or saved.  ``ask_pdf_path`` and ``print_sheets``
    are attributes a test replaces."""

    saved = Signal(object)  # the PDF's Path
    printed = Signal(bool)  # False: the print dialog was cancelled

    def __init__(self, services: Heartbeat, session: SessionHolder, parent: QWidget) -> None:
        super().__init__(parent)
        self.services, self.session, self.window = services, session, parent
        self.ask_pdf_path = self._ask_pdf_path
        self.print_sheets = print_sheet

    def print_day(self, day: date, doctor_id: int | None) -> None:
        self._load(day, doctor_id, lambda sheets: self.printed.emit(self.print_sheets(sheets, self.window.window())))

    def save_day(self, day: date, doctor_id: int | None) -> None:
        path = self.ask_pdf_path(day, doctor_id)
        if path:
            self._load(day, doctor_id, lambda sheets: self._save(sheets, Path(path)))

    def _load(self, day: date, doctor_id: int | None, then) -> None:  # type: ignore[no-untyped-def]
        op = Operation(self.services.day_sheets.sheets, self.session.token, day, doctor_id)
        op.succeeded.connect(while_alive(self, lambda found: self._loaded(day, found, then)))
        op.failed.connect(while_alive(self, lambda exc: show_error(self.window.window(), exc)))
        op.start()

    def _loaded(self, day: date, found: list[DaySheet], then) -> None:  # type: ignore[no-untyped-def]
        if not found:
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Day sheet"),
                              self.tr("There are no visits on {0} to print.").format(format_date(day)),
                              QMessageBox.StandardButton.Ok, self.window.window())
            box.setObjectName("daySheetEmpty")
            box.open()
            return
        then([sheet_of(s, self.services.ctx.zone) for s in found])

    def _save(self, sheets: list[Sheet], path: Path) -> None:
        try:
            save_pdf(sheets, path)
        except (OSError, HeartbeatError) as exc:
            show_error(self.window.window(), exc)
            return
        self.saved.emit(path)

    def _ask_pdf_path(self, day: date, _doctor_id: int | None) -> str:
        path, _filter = QFileDialog.getSaveFileName(self.window.window(), self.tr("Save the day sheet as PDF"),
                                                    f"day-sheet-{day.isoformat()}.pdf", self.tr("PDF files (*.pdf)"))
        return path
