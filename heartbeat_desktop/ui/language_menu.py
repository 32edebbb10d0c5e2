"""File → Language: the interface's language, saved in the config file, used from the next start.

The language is chosen once, before the first window (:mod:`.i18n`); switching
every open window's text in place would mean re-creating them all, so the
choice is saved and the user told it applies when the application starts again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from heartbeat_desktop.core.settings import save_config
from heartbeat_desktop.ui.errors import show_error

# a language's own name, as its speakers look for it: never translated
AUTONYMS = {"en": "English", "ru": "Русский"}


class LanguageMenu(QObject):
    """The submenu's radio actions: Automatic, then each language by its own name."""

    def __init__(self, config_dir: Path, current: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.config_dir = config_dir
        self.window = parent
        self.menu = QMenu(self.tr("&Language"), parent)
        self.menu.setObjectName("languageMenu")
        self.group = QActionGroup(self)
        choices = [("auto", self.tr("&Automatic (as the system)"))] + list(AUTONYMS.items())
        self.actions: dict[str, QAction] = {}
        for value, text in choices:
            action = QAction(text, self.group)
            action.setObjectName(f"language_{value}")
            action.setCheckable(True)
            action.setChecked(value == current)
            action.triggered.connect(lambda _checked=False, v=value: self.choose(v))
            self.menu.addAction(action)
            self.actions[value] = action
        self.tell = self._tell  # replaceable: a test reads the message instead of a box

    def choose(self, value: str) -> None:
        try:
            save_config(self.config_dir, {"language": value})
        except OSError as exc:
            show_error(self.window, exc, self.tr("The language could not be saved"))
            return
        self.tell(self.tr("The language changes the next time Heartbeat Desktop starts."))

    def _tell(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Language"), text, QMessageBox.StandardButton.Ok,
                          self.window)
        box.setObjectName("languageChangedMessage")
        box.open()
