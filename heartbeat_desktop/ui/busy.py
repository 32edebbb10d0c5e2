"""A busy dialog for a short database job that cannot be cancelled halfway (a backup, a restore).

Window-modal, no Cancel button, shown at once; the job itself runs in an
:class:`~heartbeat_desktop.ui.operations.Operation`, so the window keeps painting.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget


def busy_dialog(parent: QWidget, text: str, title: str, object_name: str) -> QProgressDialog:
    dialog = QProgressDialog(text, "", 0, 0, parent)
    dialog.setObjectName(object_name)
    dialog.setWindowTitle(title)
    dialog.setCancelButton(None)  # all or nothing, and short: no half-done copy
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.show()
    return dialog


def close_busy(dialog: QProgressDialog | None) -> None:
    if dialog is not None:
        dialog.close()
        dialog.deleteLater()
