"""Regenerate the README's screenshots from the real application and demo data.

    QT_QPA_PLATFORM=offscreen python -m heartbeat_desktop.ui.screenshots resources/screenshots
    QT_QPA_PLATFORM=offscreen python -m heartbeat_desktop.ui.screenshots --language ru resources/screenshots/ru

A throw-away SQLite database in a temporary folder gets an administrator (a
random password, never shown) and seeded demo data; then the real dialogs
and pages are shown, left to finish loading, and grabbed as PNG files.
"""

from __future__ import annotations

import argparse
import secrets
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from datetime import time as day_time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QDialog, QWidget

from heartbeat_desktop.core.settings import LANGUAGES, load_settings
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.services.demo_data import DemoDataRequest
from heartbeat_desktop.ui import operations
from heartbeat_desktop.ui.application import application
from heartbeat_desktop.ui.dialogs.login import LoginDialog
from heartbeat_desktop.ui.i18n import install_language
from heartbeat_desktop.ui.main_window import MainWindow
from heartbeat_desktop.ui.session import SessionHolder

WINDOW_SIZE = (1366, 820)
DEMO = DemoDataRequest(patients=400, doctors=6, appointments=900, days_back=30, days_ahead=14, seed=20261127)
PAGES = ("schedulePage", "queuePage", "waitlistPage", "confirmationsPage", "appointmentsPage", "patientsPage", "doctorsPage", "usersPage", "auditPage")


def settle(seconds: float = 0.3, limit: float = 15.0) -> None:
    """Let queued work finish: background operations, then paint events."""
    deadline = time.monotonic() + limit
    while operations._running and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.02)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.02)


def save(widget: QWidget, folder: Path, name: str) -> Path:
    settle()
    path = folder / f"{name}.png"
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(path)
    return path


def newest_dialog(window: QWidget, name: str) -> QDialog:
    dialogs = [d for d in window.findChildren(QDialog, name) if d.isVisible()]
    if not dialogs:
        raise LookupError(f"no visible dialog {name}")
    return dialogs[-1]


@contextmanager
def demo_database(demo: DemoDataRequest = DEMO) -> Iterator[tuple[Heartbeat, Any]]:
    """A throw-away database with an administrator's session and ``demo`` data, plus a few
    of everything the pages show (time off, the waitlist, visit types, arrivals, calls)."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(root / "qsettings"))
        settings = load_settings(env={"HEARTBEAT_DATA_DIR": str(root / "data"),
                                      "HEARTBEAT_CONFIG_DIR": str(root / "config"),
                                      "HEARTBEAT_LOG_DIR": str(root / "log")})
        with Heartbeat.open(settings) as services:
            password = secrets.token_urlsafe(12) + "-1a"
            services.auth.create_first_admin({"username": "admin", "full_name": "Анна Сергеевна Петрова",
                                              "password": password})
            services.demo.generate_as_installer(demo)
            auth = services.auth.login("admin", password)
            for username, full_name, role in (("reception1", "Ольга Ивановна Смирнова", "receptionist"),
                                              ("reception2", "Mary Jane Watson", "receptionist"),
                                              ("dr.burova", "Бурова Милица Эльдаровна", "doctor")):
                services.users.create(auth.token, {"username": username, "full_name": full_name,
                                                   "password": secrets.token_urlsafe(12) + "-1a", "role": role})
            _some_time_off(services, auth)
            _some_waiting(services, auth)
            _some_visit_types(services, auth)
            _some_arrivals(services, auth)
            _some_calls(services, auth)
            yield services, auth


def shoot(folder: Path, language: str = "en") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    app = application([])
    app.setStyle("Fusion")
    install_language(language)
    with demo_database() as (services, auth):
        return list(_shoot_screens(services, auth, folder))


def _some_time_off(services: Heartbeat, auth: Any) -> None:
    """A blocked hour and a vacation on today's schedule, for doctors with no visits then
    (time off over booked visits is allowed, but would make a puzzling picture)."""
    today = date.today()
    wanted = [("blocked", datetime.combine(today, day_time(13)), datetime.combine(today, day_time(14)), "Планёрка"),
              ("vacation", datetime.combine(today, day_time.min),
               datetime.combine(today + timedelta(days=7), day_time.min),
               "Отпуск")]
    doctors = services.doctors.list_active(auth.token)
    for kind, starts, ends, reason in wanted:
        for doctor in doctors:
            data = {"doctor_id": doctor.id, "kind": kind, "starts_at": starts, "ends_at": ends, "reason": reason}
            if not services.time_off.clashing(auth.token, data):
                services.time_off.add(auth.token, data)
                doctors = [d for d in doctors if d.id != doctor.id]
                break


def _some_waiting(services: Heartbeat, auth: Any) -> None:
    """Three patients on the waitlist: for a doctor, for a specialty, mornings only."""
    patients = services.patients.search(auth.token, "", limit=3)
    doctor = services.doctors.list_active(auth.token)[0]
    for patient, whom, days, hours, note in (
            (patients[0], {"doctor_id": doctor.id}, "1111100", (day_time(8), day_time(20)), "Просит пораньше"),
            (patients[1], {"specialty": doctor.specialty}, "1010100", (day_time(9), day_time(12)), "Только утром"),
            (patients[2], {"specialty": "Терапевт"}, "1111111", (day_time(14), day_time(19)), None)):
        services.waitlist.add(auth.token, {"patient_id": patient.id, **whom, "weekdays": days, "earliest": hours[0],
                                           "latest": hours[1], "minutes": 30, "note": note})


def _some_visit_types(services: Heartbeat, auth: Any) -> None:
    """Two visit types, given to today's visits in turn (the schedule shows their colours)."""
    kinds = [services.appointment_types.create(auth.token, {"name": name, "minutes": minutes, "colour": colour})
             for name, minutes, colour in (("Первичный приём", 30, "#2e7d32"), ("Повторный приём", 20, "#8e24aa"))]
    for i, visit in enumerate(services.appointments.list_day(auth.token, date.today())):
        data = visit.model_dump(include={"doctor_id", "patient_id", "starts_at", "ends_at", "reason", "notes"})
        services.appointments.update(auth.token, visit.id, {**data, "type_id": kinds[i % 2].id,
                                                            "version": visit.version})


def _some_arrivals(services: Heartbeat, auth: Any) -> None:
    """The next two of today's scheduled visits have arrived, so the queue shows arrivals and waiting."""
    waiting = [e.appointment for e in services.appointments.queue(auth.token, date.today())
               if e.appointment.status.value == "scheduled"][:2]
    for a in waiting:
        services.appointments.set_status(auth.token, a.id, "arrived", a.version)


def _some_calls(services: Heartbeat, auth: Any) -> None:
    """The next clinic day's first calls made: confirmed, confirmed, a message left, one cancelled by phone."""
    calls = services.confirmations.calls(auth.token, services.confirmations.next_day(auth.token, date.today()))
    for call, answer in zip(calls, ("confirmed", "confirmed", "left_message", "cancelled_by_phone", "confirmed"),
                            strict=False):
        services.confirmations.set_answer(auth.token, call.id, answer, call.appointment.version)


def _shoot_screens(services: Heartbeat, auth: object, folder: Path):  # type: ignore[no-untyped-def]
    login = LoginDialog(services)
    login.username.setText("admin")
    login.show()
    yield save(login, folder, "login")
    login.close()

    window = MainWindow(services, SessionHolder(auth))  # type: ignore[arg-type]
    window.resize(*WINDOW_SIZE)
    window.show()
    for page_name in PAGES:
        page = window.show_page(page_name)
        if page is None:
            continue
        _select_first_row(page)
        yield save(window, folder, page_name.removesuffix("Page"))
    window.show_page("schedulePage")
    window.connection.waiting.emit(4)  # the banner as a server restart shows it (this file never goes away)
    yield save(window, folder, "connectionLost")
    window.banner.hide()

    forms: dict[str, tuple[str, Callable[[QWidget], None]]] = {
        "patientForm": ("patientsPage", lambda p: p.open_form(_first_record(p))),  # type: ignore[attr-defined]
        "doctorForm": ("doctorsPage", lambda p: p.open_form(_first_record(p))),  # type: ignore[attr-defined]
        "appointmentForm": ("schedulePage", lambda p: p.create_record()),  # type: ignore[attr-defined]
    }
    for form_name, (page_name, open_it) in forms.items():
        page = window.show_page(page_name)
        open_it(page)
        settle()
        dialog = newest_dialog(window, form_name)
        yield save(dialog, folder, form_name)
        dialog.done(0)
    schedule = window.show_page("schedulePage")
    for name, opener in (("timeOffDialog", schedule.open_time_off), ("freeTimeDialog", schedule.open_free_time),  # type: ignore[attr-defined]
                         ("visitTypesDialog", window.open_visit_types), ("shortcutsDialog", window.show_shortcuts),
                         ("exportAppointmentsDialog", window.exports.export_appointments),
                         ("exportPatientsDialog", window.exports.export_patients),
                         ("seriesDialog", lambda: _series_dialog(services, window)),
                         ("patientImportDialog", lambda: _import_dialog(services, window))):
        dialog = opener()
        settle()
        yield save(dialog, folder, name)
        dialog.done(0)
    window.session.lock(QCoreApplication.translate("SessionHolder", "Locked after a period of inactivity."))
    yield save(window, folder, "lockScreen")
    window.close()


def _series_dialog(services: Heartbeat, window: MainWindow) -> QDialog:
    """Repeat… for a visit next Tuesday when the first doctor starts, with the first patient."""
    from heartbeat_desktop.ui.dialogs.series import SeriesDialog

    token = window.session.token
    doctor = services.doctors.list_active(token)[0]
    patient = services.patients.search(token, "", limit=1)[0]
    tuesday = date.today() + timedelta(days=(1 - date.today().weekday()) % 7 or 7)
    hours = sorted(h.starts for h in doctor.working_hours if h.weekday == 1) or [day_time(10)]
    start = datetime.combine(tuesday, hours[0])
    taken = start + timedelta(days=14)  # someone else already has the third Tuesday: one conflict to show
    other = services.patients.search(token, "", limit=2)[1]
    services.appointments.create(token, {"doctor_id": doctor.id, "patient_id": other.id, "starts_at": taken,
                                         "ends_at": taken + timedelta(minutes=30)})
    dialog = SeriesDialog(services, window.session, {"doctor_id": doctor.id, "patient_id": patient.id,
                                                     "starts_at": start, "ends_at": start + timedelta(minutes=30),
                                                     "reason": "Курс процедур"}, window)
    dialog.open()
    return dialog


def _import_dialog(services: Heartbeat, window: MainWindow) -> QDialog:
    """Import patients… at its preview: a Russian Excel file with a bad date and a registered patient."""
    from heartbeat_desktop.ui.dialogs.patient_import import PatientImportDialog

    known = services.patients.search(window.session.token, "", limit=1)[0]
    rows = ["№;ФИО;Дата рождения;Пол;Телефон;Примечание",
            "1;Смирнова Анна Петровна;03.02.1975;ж;8 (903) 111-22-33;",
            "2;Кузнецов Олег Игоревич;31.02.1990;м;+7 926 555-44-33;Аллергия на пенициллин",
            f"3;{known.full_name};{known.birth_date:%d.%m.%Y};;{known.phone or ''};",
            "4;Попова Мария Ивановна;15.06.2001;ж;;",
            "5;Орлов;01.01.1960;м;12-ab;"]
    path = Path(tempfile.mkdtemp(prefix="heartbeat-import-")) / "пациенты.csv"
    path.write_bytes("\r\n".join(rows).encode("cp1251"))
    dialog = PatientImportDialog(services, window.session, window)
    dialog.open()
    dialog.load(path)
    settle()
    dialog.next()
    dialog.next()
    settle()
    return dialog


def _first_record(page: QWidget):  # type: ignore[no-untyped-def]
    model = page.model  # type: ignore[attr-defined]
    return model.record(0) if model.rowCount() else None


def _select_first_row(page: QWidget) -> None:
    table = getattr(page, "table", None)
    if table is not None and table.model() is not None and table.model().rowCount():
        settle()
        table.selectRow(0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?", default=Path("resources/screenshots"))
    parser.add_argument("--language", choices=LANGUAGES, default="en", help="the interface's language")
    args = parser.parse_args(argv)
    shoot(args.folder, args.language)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
