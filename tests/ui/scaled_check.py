"""Run with ``QT_SCALE_FACTOR=1.5``: every page and the main dialogs of a demo database,
and the labels and buttons whose text does not fit them, as JSON on stdout.

    QT_QPA_PLATFORM=offscreen QT_SCALE_FACTOR=1.5 python -m tests.ui.scaled_check [FOLDER]

A separate process: the scale factor is read once, when the QApplication starts
(pytest's is made at 100%).  FOLDER, if given, gets a screenshot of each screen.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QDialog, QLabel, QTableView, QWidget

from heartbeat_desktop.services.demo_data import DemoDataRequest
from heartbeat_desktop.ui.application import application
from heartbeat_desktop.ui.dialogs.login import LoginDialog
from heartbeat_desktop.ui.main_window import MainWindow
from heartbeat_desktop.ui.screenshots import PAGES, demo_database, settle
from heartbeat_desktop.ui.session import SessionHolder

DEMO = DemoDataRequest(patients=60, doctors=5, appointments=120, days_back=3, days_ahead=5, seed=20261127)
WINDOW = (1280, 690)  # a 1920×1080 screen at 150%, less the taskbar


def plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def clipped(root: QWidget) -> list[str]:
    """Labels and buttons under ``root`` whose text is wider than the room they have."""
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or not isinstance(widget, QLabel | QAbstractButton):
            continue
        text = plain(widget.text())
        if not text.strip() or (isinstance(widget, QLabel) and (widget.wordWrap() or widget.textFormat() ==
                                                                widget.textFormat().RichText or "<" in text)):
            continue
        need = max(widget.fontMetrics().horizontalAdvance(line) for line in text.splitlines())
        room = widget.contentsRect().width()
        if isinstance(widget, QLabel):
            room -= 2 * widget.margin() + max(widget.indent(), 0)
        short = need > room or (isinstance(widget, QAbstractButton) and widget.sizeHint().width() > widget.width())
        if short:
            found.append(f"{type(widget).__name__}#{widget.objectName() or '?'} {text!r}: "
                         f"needs {need} px, has {room} (hint {widget.sizeHint().width()}, width {widget.width()})")
    return found


def check(folder: Path | None) -> dict[str, list[str]]:
    app = application([])
    app.setStyle("Fusion")
    problems: dict[str, list[str]] = {}

    def look(name: str, widget: QWidget) -> None:
        settle(0.1)
        problems[name] = clipped(widget)
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)
            widget.grab().save(str(folder / f"{name}.png"))

    with demo_database(DEMO) as (services, auth):
        login = LoginDialog(services)
        login.show()
        look("login", login)
        login.close()
        window = MainWindow(services, SessionHolder(auth))
        window.resize(*WINDOW)
        window.show()
        for name in PAGES:
            page = window.show_page(name)
            settle()
            for table in page.findChildren(QTableView):
                if table.isVisible() and table.model() is not None and table.model().rowCount():
                    table.selectRow(0)
            look(name, window)
        openers: dict[str, Callable[[], object]] = {
            "patientForm": lambda: window.show_page("patientsPage").create_record(),
            "doctorForm": lambda: window.show_page("doctorsPage").create_record(),
            "userForm": lambda: window.show_page("usersPage").create_record(),
            "appointmentForm": lambda: window.show_page("schedulePage").create_record(),
            "timeOffDialog": lambda: window.show_page("schedulePage").open_time_off(),
            "freeTimeDialog": lambda: window.show_page("schedulePage").open_free_time(),
            "visitTypesDialog": window.open_visit_types,
            "changePasswordDialog": window.change_password,
            "shortcutsDialog": window.show_shortcuts,
        }
        for name, open_it in openers.items():
            open_it()
            settle()
            dialog = [d for d in window.findChildren(QDialog, name) if d.isVisible()][-1]
            look(name, dialog)
            dialog.done(0)
        window.close()
    return {name: found for name, found in problems.items() if found}


if __name__ == "__main__":
    result = check(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
    print("CLIPPED " + json.dumps(result, ensure_ascii=False))
