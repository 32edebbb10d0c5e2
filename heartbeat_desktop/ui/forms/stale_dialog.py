"""Someone saved the record while it was open here: their values beside yours, and the choice.

Shown by a form whose save was refused as stale.  Nothing is overwritten
silently: the person either takes their version (and may edit it), or saves
their own changes on top of it: only the fields they changed, the others as
the other desk left them.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from heartbeat_desktop.ui.widgets import named

THEIRS, MINE = 10, 11  # the dialog's results besides Rejected (keep the form as it is)


class StaleDialog(QDialog):
    def __init__(self, message: str, rows: Sequence[tuple[str, str, str]], parent: QWidget | None = None) -> None:
        """``rows``: (field, their value, your value) for each field that differs."""
        super().__init__(parent)
        named(self, "staleDialog", self.tr("Saved at another desk"))
        self.setWindowTitle(self.tr("Saved at another desk"))
        self.message = named(QLabel(message), "staleMessage")
        self.message.setWordWrap(True)
        self.table = named(QTableWidget(len(rows), 3), "staleTable", self.tr("Their values and yours"))
        self.table.setTabKeyNavigation(False)  # the arrows move within the table, Tab moves on
        self.table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Saved there"), self.tr("Yours")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.theirs_button = named(QPushButton(self.tr("Use &their version")), "useTheirsButton",
                                   self.tr("Load the saved version into the form"))
        self.mine_button = named(QPushButton(self.tr("Save &mine on top")), "saveMineButton",
                                 self.tr("Save the fields you changed over the saved version"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.theirs_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.mine_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.theirs_button.clicked.connect(lambda: self.done(THEIRS))
        self.mine_button.clicked.connect(lambda: self.done(MINE))
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(640, 150 + 32 * max(1, len(rows)))
