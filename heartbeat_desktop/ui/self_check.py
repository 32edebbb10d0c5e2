"""The Qt half of ``heartbeat-desktop --self-check`` (the rest is in ``cli.self_check``).

The application is created on Qt's offscreen platform, so the check shows
nothing and needs no display; then the icon, the style sheet (applied to a
sample of the widgets the screens use, with Qt's warnings caught) and the
translations folder are loaded from ``resources/``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDir, QMessageLogContext, QTranslator, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from heartbeat_desktop.core import resources
from heartbeat_desktop.ui.look import SEARCH_PREFIX, app_icon, style_images, style_sheet
from heartbeat_desktop.ui.widgets import error_label, show_message


class QtCheckFailed(AssertionError):
    """What a Qt check found wrong (printed as the message alone)."""


def the_application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    raise QtCheckFailed("no Qt application")


def check_application(_scratch: Path) -> None:
    if QApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a check shows nothing and needs no display
        from heartbeat_desktop.ui.application import application  # noqa: PLC0415 - the real start-up

        application([QCoreApplication.applicationName() or "heartbeat-desktop"])
    app = the_application()
    if not app.platformName():
        raise QtCheckFailed("no platform plugin")


def check_icon(_scratch: Path) -> None:
    the_application()
    icon = app_icon()
    if icon.isNull():
        raise QtCheckFailed(f"no icon in {resources.resource_path('icons')}")
    for size in (16, 32, 256):
        if icon.pixmap(size, size).isNull():
            raise QtCheckFailed(f"the {size} px icon does not load")


def sample_widgets() -> QDialog:
    """A dialog with the kinds of widget the screens use, for the style to polish."""
    dialog = QDialog()
    form = QFormLayout()
    for widget in (QLineEdit("text"), QComboBox(), QDateEdit(), QTimeEdit(), QSpinBox(), QPlainTextEdit(),
                   QCheckBox("check"), QLabel("label")):
        form.addRow(type(widget).__name__, widget)
    error = error_label("selfCheckError")
    show_message(error, "error")
    tabs = QTabWidget()
    tabs.addTab(QTableView(), "table")
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(error)
    layout.addWidget(tabs)
    ok = QPushButton("OK")
    ok.setDefault(True)
    layout.addWidget(ok)
    return dialog


def collect_qt_warnings(action: Callable[[], None]) -> list[str]:
    """Run ``action`` and return the warnings (and worse) that Qt reported meanwhile."""
    caught: list[str] = []

    def handler(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        if kind != QtMsgType.QtDebugMsg and kind != QtMsgType.QtInfoMsg:
            caught.append(message)

    previous = qInstallMessageHandler(handler)
    try:
        action()
    finally:
        qInstallMessageHandler(previous)
    return caught


def apply_and_polish(app: QApplication, sheet: str) -> None:
    app.setStyleSheet(sheet)
    dialog = sample_widgets()
    try:
        for widget in [dialog, *dialog.findChildren(QWidget)]:
            widget.ensurePolished()
        dialog.grab()  # paints every widget with the style
    finally:
        dialog.deleteLater()
    QCoreApplication.processEvents()


def check_style(_scratch: Path) -> None:
    app = the_application()
    sheet = style_sheet()
    if not sheet.strip():
        raise QtCheckFailed(f"{resources.style_sheet_path()} is empty")
    missing = [str(path) for path in style_images(sheet) if not path.is_file()]
    if missing:
        raise QtCheckFailed(f"the style sheet's image {missing[0]} is missing")
    if not QDir.searchPaths(SEARCH_PREFIX):
        raise QtCheckFailed(f"the {SEARCH_PREFIX}: image prefix is not set")
    warnings = collect_qt_warnings(lambda: apply_and_polish(app, sheet))
    if warnings:
        raise QtCheckFailed(f"Qt warned: {warnings[0]}")


def check_translations(_scratch: Path) -> None:
    folder = resources.translations_dir()
    if not folder.is_dir():
        raise QtCheckFailed(f"no folder {folder}")
    for catalogue in sorted(folder.glob("*.qm")):
        if not QTranslator().load(str(catalogue)):
            raise QtCheckFailed(f"{catalogue.name} does not load")
    from heartbeat_desktop.ui import i18n  # noqa: PLC0415 - the language switch, when asked

    the_application()
    try:
        if i18n.install_language("ru") != "ru":
            raise QtCheckFailed("the Russian catalogue did not install")
        asked = (("MainWindow", "&File"), ("QPlatformTheme", "Cancel"))  # ours, and Qt's own (not literals:
        said = tuple(QCoreApplication.translate(*pair) for pair in asked)  # lupdate must not collect them)
        if said != ("&Файл", "Отмена"):
            raise QtCheckFailed(f"Russian reads {said}: ours or Qt's own catalogue is missing")
    finally:
        i18n.install_language("en")


def check_printing(scratch: Path) -> None:
    """Qt's own PDF output (the call list, the day sheet), Cyrillic included."""
    from heartbeat_desktop.ui.printing import Sheet, save_pdf  # noqa: PLC0415 - QtPrintSupport, when asked

    the_application()
    path = save_pdf(Sheet("Проверка", "self-check", ["Пациент"], [["Иванов Пётр Сергеевич"]]), scratch / "check.pdf")
    if not path.read_bytes().startswith(b"%PDF"):
        raise QtCheckFailed(f"{path.name} is not a PDF")


CHECKS: tuple[tuple[str, Callable[[Path], None]], ...] = (
    ("qt application", check_application),
    ("icon", check_icon),
    ("style", check_style),
    ("translations", check_translations),
    ("printing", check_printing),
)
