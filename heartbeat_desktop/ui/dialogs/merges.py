"""The merges of patient records (administrators), newest first, and undoing one.

``ask_undo`` is the question before undoing (replaceable by tests); a refusal
(something moved was changed since) is shown as the service words it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from heartbeat_desktop.schemas import MergeRead
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.ui.alive import while_alive
from heartbeat_desktop.ui.errors import show_error
from heartbeat_desktop.ui.models.duplicates import MergeTableModel
from heartbeat_desktop.ui.operations import Operation
from heartbeat_desktop.ui.pages.records_page import record_table
from heartbeat_desktop.ui.session import SessionHolder
from heartbeat_desktop.ui.widgets import named


class MergesDialog(QDialog):
    def __init__(self, services: Heartbeat, session: SessionHolder, patient_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "mergesDialog", self.tr("Merges of patient records"))
        self.setWindowTitle(self.tr("Merges of patient records"))
        self.services, self.session, self.patient_id = services, session, patient_id
        self.ask_undo = self._ask_undo  # replaceable: (merge) -> bool
        self.model = MergeTableModel(lambda: services.merges.list(session.token, patient_id), services.ctx.zone,
                                     self)
        self.table = record_table(self.model, "mergesTable", self.tr("Merges of patient records"))
        intro = QLabel(self.tr("Newest first. Undo puts back what a merge moved and filled in, unless it was "
                               "changed since."))
        intro.setWordWrap(True)
        self.undo_button = named(QPushButton(self.tr("&Undo merge")), "undoMergeButton", self.tr("Undo merge"))
        self.undo_button.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.undo_button.clicked.connect(self.undo_selected)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self.model.modelReset.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(980, 360)
        self.model.reload("")

    def selected(self) -> MergeRead | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _update(self) -> None:
        merge = self.selected()
        self.undo_button.setEnabled(merge is not None and merge.undone_at is None)

    def undo_selected(self) -> None:
        merge = self.selected()
        if merge is None or merge.undone_at is not None or not self.ask_undo(merge):
            return
        self.undo_button.setEnabled(False)
        op = Operation(self.services.merges.undo, self.session.token, merge.id)
        op.succeeded.connect(while_alive(self, lambda _merge: self.model.reload("")))
        op.failed.connect(self._refused)
        op.start()

    def _refused(self, exc: BaseException) -> None:
        self.last_error = show_error(self, exc, self.tr("The merge was not undone"))
        self._update()

    def _ask_undo(self, merge: MergeRead) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Undo merge"),
            self.tr("Undo the merge of {0} into {1}? What it moved goes back, and {0}'s record is as it was.")
            .format(merge.duplicate_name, merge.survivor_name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes
