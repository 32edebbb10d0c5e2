"""The Russian interface: the catalogue is complete and current, it loads, and with it
installed every page, the main dialogs and the usual refusals read in Russian.

The walk collects what a person sees (labels, buttons, tabs, menus and their
actions, table headers, group boxes, window titles, placeholders, tooltips,
list items) and fails on each text with an English word left.  Data is not
interface: names, numbers, dates, and the few words below that stay as they
are in Russian too.
"""

from __future__ import annotations

import importlib.util
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from heartbeat_desktop.core import resources
from heartbeat_desktop.core.errors import HeartbeatError
from heartbeat_desktop.services.demo_data import DemoDataRequest
from heartbeat_desktop.ui import operations
from heartbeat_desktop.ui.errors import plain_message
from heartbeat_desktop.ui.formatting import format_date
from heartbeat_desktop.ui.i18n import (
    chosen_language,
    install_language,
    qt_catalogue_dirs,
    remove_translations,
)
from tests.helpers import ADMIN_PASSWORD, at, booking, next_monday

# Latin words that stay Latin in the Russian interface: names of things, formats, examples
ALLOWED = {"heartbeat", "desktop", "pdf", "csv", "postgresql", "sqlite", "english", "alt", "ctrl", "ok",
           "name", "example", "com",  # name@example.com, the e-mail example
           "sqlite3", "path", "postgresql", "user", "server", "database", "pdf",  # the address examples
           "excel", "libreoffice", "icalendar", "ics"}  # the programs and formats the import and export name
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
EMAIL = re.compile(r"\S+@\S+")  # a patient's address is data
# the audit log's Changes column shows the stored fields by their names, and who acted ("system"): data
DATA_COLUMNS = ("auditTable cell", "QHeaderView  cell")
UPDATE_SCRIPT = resources.translations_dir() / "update.py"
DEMO = DemoDataRequest(patients=40, doctors=3, appointments=60, days_back=3, days_ahead=5, seed=20261127)


def update_module() -> Any:
    spec = importlib.util.spec_from_file_location("update_translations", UPDATE_SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- the catalogue ------------------------------------------------------------------------------

def test_the_catalogue_is_complete_and_the_qm_is_compiled_from_it() -> None:
    """Nothing unfinished, nothing vanished or new since lupdate last ran, the .qm current:
    run resources/translations/update.py after changing strings."""
    assert update_module().stale("ru") == []


def test_each_translation_keeps_the_placeholders_of_its_source() -> None:
    tree = ET.parse(resources.translations_dir() / "heartbeat_ru.ts")
    wrong = []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        forms = [f.text or "" for f in translation.findall("numerusform")] or [translation.text or ""]
        for form in forms:
            if sorted(re.findall(r"\{[^}]*\}", form)) != sorted(re.findall(r"\{[^}]*\}", source)) \
                    or ("%n" in source) != ("%n" in form):
                wrong.append((source, form))
    assert wrong == []


def test_qts_own_russian_catalogue_ships_with_pyside() -> None:
    assert any((folder / "qtbase_ru.qm").is_file() for folder in qt_catalogue_dirs())


@pytest.mark.parametrize(("setting", "system", "expected"), [
    ("auto", "ru_RU", "ru"), ("auto", "ru_UA", "ru"), ("auto", "de_DE", "en"), ("auto", "en_US", "en"),
    ("en", "ru_RU", "en"), ("ru", "en_US", "ru")])
def test_the_language_follows_the_setting_then_the_system(setting: str, system: str, expected: str) -> None:
    assert chosen_language(setting, QLocale(system)) == expected


# --- the interface in Russian -------------------------------------------------------------------

@pytest.fixture
def russian(qapp: Any) -> Iterator[None]:
    before = QLocale()
    assert install_language("ru") == "ru"
    yield
    remove_translations()
    QLocale.setDefault(before)


def test_dates_read_in_russian(russian: None) -> None:
    assert format_date(date(2026, 11, 27)) == "27.11.2026"
    assert QLocale().toString(date(2026, 11, 27), "dddd") == "пятница"


def test_qt_standard_buttons_are_russian(russian: None, qtbot: Any) -> None:
    box = QMessageBox(QMessageBox.Icon.Question, "?", "?",
                      QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    texts = {b.text().replace("&", "") for b in box.buttons()}
    assert texts == {"Отклонить", "Отмена"}  # Qt's own words (qtbase_ru.qm)


def english(text: str, data: list[str]) -> bool:
    """Whether ``text`` still has an English word once data and the allowed words are left out."""
    text = EMAIL.sub(" ", text.replace("&&", "\0").replace("&", ""))
    for value in data:
        text = text.replace(value, " ")
    return any(word.lower() not in ALLOWED for word in LATIN_WORD.findall(text))


def texts_of(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for what ``widget`` and its visible children show."""
    for w in [widget, *widget.findChildren(QWidget)]:
        if w is not widget and not w.isVisibleTo(widget):
            continue
        where = f"{type(w).__name__} {w.objectName()}"
        if w.isWindow():
            yield where + " (title)", w.windowTitle()
        yield where + " (tooltip)", w.toolTip()
        if isinstance(w, QLabel | QAbstractButton):
            yield where, w.text()
        if isinstance(w, QGroupBox):
            yield where, w.title()
        if isinstance(w, QLineEdit):
            yield where + " (placeholder)", w.placeholderText()
        if isinstance(w, QComboBox):
            yield from ((f"{where} item", w.itemText(i)) for i in range(w.count()))
        if isinstance(w, QAbstractSpinBox):
            yield where + " (shown)", w.text()
        if isinstance(w, QTabWidget):
            yield from ((f"{where} tab", w.tabText(i)) for i in range(w.count()))
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            # a table's columns, or a proxy's over one (a list model keeps its columnCount private)
            columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())
            if columns > 1:
                yield from ((f"{where} header", str(model.headerData(c, Qt.Orientation.Horizontal) or ""))
                            for c in range(columns))
            yield from ((f"{where} cell", str(model.index(r, c).data() or ""))
                        for r in range(min(model.rowCount(), 5)) for c in range(columns))
        for action in w.actions():
            yield where + " action", action.text()
            yield where + " action tooltip", action.toolTip()
            if action.menu() is not None:
                yield from menu_texts(action.menu(), where)


def menu_texts(menu: QMenu, where: str) -> Iterator[tuple[str, str]]:
    yield f"{where} menu", menu.title()
    for action in menu.actions():
        yield f"{where} menu {menu.title()}", action.text()
        if action.menu() is not None:
            yield from menu_texts(action.menu(), where)


def settle(qtbot: Any) -> None:
    qtbot.waitUntil(lambda: not operations._running, timeout=15_000)
    qtbot.wait(50)


@pytest.fixture
def demo(services: Any, gui_admin: Any) -> Any:
    services.demo.generate_as_installer(DEMO)
    return services


def test_every_page_dialog_and_message_reads_in_russian(russian: None, demo: Any, admin_session: Any,
                                                        qtbot: Any) -> None:
    from heartbeat_desktop.ui.dialogs.connection import ConnectionDialog
    from heartbeat_desktop.ui.dialogs.login import LoginDialog
    from heartbeat_desktop.ui.dialogs.password import ChangePasswordDialog
    from heartbeat_desktop.ui.main_window import MainWindow
    from heartbeat_desktop.ui.screenshots import _import_dialog, _series_dialog

    services = demo
    data = [admin_session.user.display_name, admin_session.user.username, str(services.ctx.db.engine.url.database),
            str(services.ctx.settings.data_dir),
            "12-ab"]  # the import's example file gives this phone: the preview shows it as the file has it
    window = MainWindow(services, admin_session)
    qtbot.addWidget(window)
    window.resize(1366, 820)
    window.show()
    found: list[tuple[str, str]] = []

    def collect(widget: QWidget, screen: str) -> None:
        settle(qtbot)
        found.extend((f"{screen}: {where}", text) for where, text in texts_of(widget) if text)

    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        collect(window, window.tabs.widget(i).objectName())
    found.extend(("menus", text) for where, text in
                 (t for menu in window.menuBar().findChildren(QMenu) for t in menu_texts(menu, "menu bar")))

    def dialog(open_it: Any, name: str) -> None:
        opened = open_it()
        settle(qtbot)
        shown = opened if isinstance(opened, QDialog) else \
            [d for d in window.findChildren(QDialog) if d.isVisible()][-1]
        collect(shown, name)
        shown.done(0)

    schedule = window.show_page("schedulePage")
    dialog(schedule.create_record, "appointment form")
    dialog(schedule.open_time_off, "time off")
    dialog(schedule.open_free_time, "free time")
    dialog(window.open_visit_types, "visit types")
    dialog(lambda: _series_dialog(services, window), "series")
    dialog(window.change_password, "change password")
    dialog(window.exports.export_appointments, "export appointments")
    dialog(window.exports.export_patients, "export patients")
    dialog(window.show_shortcuts, "keyboard shortcuts")
    dialog(window.open_patient_import, "patient import: the file")
    dialog(lambda: _import_dialog(services, window), "patient import: the rows")
    dialog(lambda: (lambda d: (d.back(), d)[1])(_import_dialog(services, window)), "patient import: the columns")
    for page_name in ("patientsPage", "doctorsPage", "usersPage"):
        page = window.show_page(page_name)
        dialog(lambda p=page: p.open_form(None), f"{page_name} form")
    waitlist = window.show_page("waitlistPage")
    dialog(waitlist.open_add, "waitlist entry")
    login = LoginDialog(services)
    qtbot.addWidget(login)
    login.show()
    collect(login, "sign-in")
    connection = ConnectionDialog(services.ctx.settings)
    qtbot.addWidget(connection)
    connection.show()
    collect(connection, "database connection")
    forced = ChangePasswordDialog(services, admin_session.auth, forced=True)
    qtbot.addWidget(forced)
    forced.show()
    collect(forced, "forced password change")
    window.session.lock(QCoreApplication.translate("SessionHolder", "Locked after a period of inactivity."))
    collect(window.lock_screen, "lock screen")

    still_english = sorted({f"{where}: {text!r}" for where, text in found
                            if english(text, data) and not where.endswith(DATA_COLUMNS)})
    assert still_english == [], "\n".join(still_english)
    assert len(found) > 400  # the walk saw the screens, not an empty window


def refusals(services: Any, token: str, desk_token: str) -> Iterator[HeartbeatError]:
    """The refusals a desk meets most: conflicts, validation, permissions, a stale save."""
    doctor = services.doctors.list_active(token)[0]
    patients = services.patients.search(token, "", limit=2)
    day = next_monday() + timedelta(days=7)
    hours = sorted(h.starts for h in doctor.working_hours if h.weekday == 0) or [time(10)]
    start = datetime.combine(day, hours[0])
    first = services.appointments.create(token, booking(doctor.id, patients[0].id, start, overbook=False))
    attempts = [
        lambda: services.appointments.create(token, booking(doctor.id, patients[1].id, start)),
        lambda: services.appointments.create(token, booking(doctor.id, patients[0].id, at(3, 0, day))),
        lambda: services.patients.create(token, {"last_name": "", "first_name": "Иван", "phone": "12"}),
        lambda: services.users.create(desk_token, {"username": "x", "full_name": "X", "password": "p",
                                                   "role": "admin"}),
        lambda: services.appointments.update(token, first.id, {**first.model_dump(
            include={"doctor_id", "patient_id", "starts_at", "ends_at"}), "version": first.version - 1 or 99}),
        lambda: services.appointments.set_status(token, first.id, "completed", first.version),
        lambda: services.auth.login("admin", ADMIN_PASSWORD + "x"),
    ]
    for attempt in attempts:
        with pytest.raises(HeartbeatError) as caught:
            attempt()
        yield caught.value


def test_the_usual_refusals_read_in_russian(russian: None, demo: Any, gui_admin: Any) -> None:
    from tests.helpers import make_user

    make_user(demo, gui_admin.token, "desk", "receptionist")
    desk = demo.auth.login("desk", "Staff-passw0rd")
    said = [plain_message(exc) for exc in refusals(demo, gui_admin.token, desk.token)]
    assert len(said) == 7
    assert [text for text in said if english(text, [])] == []

    # and those whose sentences carry other translated words: a visit of a series, a field, a weekday
    token = gui_admin.token
    doctor = demo.doctors.list_active(token)[0]
    patients = demo.patients.search(token, "", limit=2)
    first = demo.appointments.list(token, patient_id=patients[0].id)[0]  # booked by ``refusals``
    start = first.starts_at.astimezone(demo.ctx.zone).replace(tzinfo=None)
    with_phones = [p for p in demo.patients.search(token, "", limit=50) if p.phone][:2]
    series = {"doctor_id": doctor.id, "patient_id": patients[1].id, "first_day": start.date(), "weekdays": (0,),
              "start_time": start.time(), "minutes": 30, "count": 2}
    hours = [{"weekday": 0, "starts": time(9), "ends": time(12)}, {"weekday": 0, "starts": time(11), "ends": time(14)}]
    more = {
        "series": lambda: demo.series.book(token, series, [start, start + timedelta(days=7)]),
        "merge": lambda: demo.merges.merge(token, {
            "survivor_id": with_phones[0].id, "duplicate_id": with_phones[1].id, "take": ("phone",),
            "survivor_version": with_phones[0].version, "duplicate_version": with_phones[1].version}),
        "hours": lambda: demo.doctors.create(token, {"last_name": "Петров", "first_name": "Пётр",
                                                     "specialty": "Терапевт", "working_hours": hours}),
        "delete": lambda: demo.patients.delete(token, patients[0].id),
    }
    russian_of = {}
    for what, attempt in more.items():
        with pytest.raises(HeartbeatError) as caught:
            attempt()
        russian_of[what] = plain_message(caught.value)
    assert [text for text in russian_of.values() if english(text, [])] == []
    assert russian_of["series"].startswith(f"Визит 1 из 2 ({start:%d.%m.%Y %H:%M}–")
    assert russian_of["series"].endswith("Ничего не записано.")
    assert russian_of["merge"] == ("Поле «телефон» в сохраняемой записи не пустое; объединение заполняет только "
                                   "пустые поля.")
    assert russian_of["hours"] == "Понедельник: часы работы пересекаются."
    assert russian_of["delete"].startswith("У этого пациента есть ") and "нельзя удалить" in russian_of["delete"]


def test_without_the_catalogue_the_messages_stay_english(demo: Any, gui_admin: Any) -> None:
    from tests.helpers import make_user

    make_user(demo, gui_admin.token, "desk", "receptionist")
    desk = demo.auth.login("desk", "Staff-passw0rd")
    said = [plain_message(exc) for exc in refusals(demo, gui_admin.token, desk.token)]
    assert len(said) == 7
    assert [text for text in said if not english(text, [])] == []  # the services' own sentences


def test_the_resources_folder_holds_the_catalogue() -> None:
    assert Path(resources.translations_dir(), "heartbeat_ru.qm").is_file()


def test_no_alt_letter_does_two_things_on_one_page_in_russian(russian: None, services: Any, admin_session: Any,
                                                              qtbot: Any) -> None:
    """The Russian accelerators (chosen anew for each translation) clash no more than the English."""
    from heartbeat_desktop.ui.main_window import MainWindow
    from tests.ui.walkers import key_clashes

    window = MainWindow(services, admin_session)
    qtbot.addWidget(window)
    clashes = key_clashes(window)
    assert clashes == [], "\n".join(map(str, clashes))


def test_english_on_a_bare_system_keeps_its_day_first_dates():
    """A C/POSIX system (a server, CI) in English: 31.12.2026, as before, not the US month first."""
    from heartbeat_desktop.ui.i18n import locale_for

    assert locale_for("en", QLocale.c()).language() == QLocale.Language.C
    assert locale_for("ru", QLocale.c()).name() == "ru_RU"
    assert locale_for("en", QLocale("en_GB")).name() == "en_GB"


def test_english_counts_read_as_english_plurals(qapp):
    """The code says "%n appointment(s)"; English's plural-only catalogue makes it read right."""
    from PySide6.QtCore import QCoreApplication

    from heartbeat_desktop.ui.i18n import install_language

    try:
        install_language("en")
        say = QCoreApplication.translate
        assert say("SchedulePage", "%n appointment(s)", None, 1) == "1 appointment"
        assert say("SchedulePage", "%n appointment(s)", None, 25) == "25 appointments"
        assert say("PatientImportDialog", "%n row(s) are rejected (see why in the Status column)", None, 1) == (
            "1 row is rejected (see why in the Status column)")
        assert update_module().stale("en") == []
    finally:
        from heartbeat_desktop.ui.i18n import remove_translations

        remove_translations()


def test_every_column_title_is_marked_for_the_catalogue():
    """Headers are translated in the "columns" context: a title lupdate cannot see stays English
    (the duplicate list's "Name" and "Alike" did, found by hand in the packaged app)."""
    package = Path(__file__).resolve().parents[2] / "heartbeat_desktop" / "ui"
    unmarked = [f"{path.name}:{number}" for path in sorted(package.rglob("*.py"))
                for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if re.search(r'\bColumn\(\s*"', line)]
    assert unmarked == []


def test_the_form_field_messages_read_in_russian(russian: None) -> None:
    """What pydantic refuses under a form's field (too long, not a date) comes through Text too."""
    from heartbeat_desktop.core.errors import ValidationFailed
    from heartbeat_desktop.schemas import PatientCreate, parse
    from heartbeat_desktop.ui.errors import translated

    with pytest.raises(ValidationFailed) as refused:
        parse(PatientCreate, {"last_name": "Я" * 200, "first_name": "Анна", "birth_date": "не дата"})
    said = {field: translated(message) for field, message in refused.value.field_errors.items()}
    assert said["last_name"] == "Слишком длинно (не больше 100 символов)."
    assert said["birth_date"] == "Введите правильную дату."
