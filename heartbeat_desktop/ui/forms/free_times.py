"""A row of the next free times ("Free: 27.11 11:00  27.11 11:15  30.11 09:00"); a click chooses one."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from heartbeat_desktop.ui.formatting import format_time
from heartbeat_desktop.ui.widgets import named


class FreeTimes(QWidget):
    chosen = Signal(object)  # the start clicked (clinic-local, as the form's fields hold it)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "freeTimes", self.tr("Free times"))
        self.buttons: list[QPushButton] = []
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.addWidget(QLabel(self.tr("Free:")))
        self._row.addStretch(1)
        self.hide()

    def offer(self, starts: list[datetime]) -> None:
        """Show a button for each start (none: the row hides)."""
        for button in self.buttons:
            button.deleteLater()
        self.buttons = []
        for i, start in enumerate(starts):
            button = named(QPushButton(f"{start:%d.%m} {format_time(start)}"), f"freeTime{i}")
            button.clicked.connect(lambda _checked=False, at=start: self.chosen.emit(at))
            self._row.insertWidget(self._row.count() - 1, button)
            self.buttons.append(button)
        self.setVisible(bool(starts))
