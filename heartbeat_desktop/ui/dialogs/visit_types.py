"""Tools → Visit types… (administrators): the list the booking form offers, each with a length and a colour.

A type some appointments use cannot be deleted (the service says so); it is
made inactive instead, and stays on those appointments.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from heartbeat_desktop.schemas import AppointmentTypeRead
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.ui.alive import while_alive
from heartbeat_desktop.ui.errors import plain_message
from heartbeat_desktop.ui.operations import Operation
from heartbeat_desktop.ui.session import SessionHolder
from heartbeat_desktop.ui.widgets import colour_swatch, error_label, named, show_message

DEFAULT_COLOUR = "#3b82f6"


class VisitTypesDialog(QDialog):
    def __init__(self, services: Heartbeat, session: SessionHolder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "visitTypesDialog", self.tr("Visit types"))
        self.setWindowTitle(self.tr("Visit types"))
        self.services, self.session = services, session
        self.current: AppointmentTypeRead | None = None
        self.colour = DEFAULT_COLOUR
        self.listing = named(QListWidget(), "visitTypeList", self.tr("Visit types"))
        self.name = named(QLineEdit(), "visitTypeName", self.tr("Name"))
        self.name.setMaxLength(100)
        self.minutes = named(QSpinBox(), "visitTypeMinutes", self.tr("Usual length in minutes"))
        self.minutes.setRange(5, 480)
        self.minutes.setSingleStep(5)
        self.minutes.setValue(30)
        self.minutes.setSuffix(self.tr(" min"))
        self.colour_button = named(QPushButton(), "visitTypeColour", self.tr("Colour on the schedule"))
        self.active = named(QCheckBox(self.tr("Offered when booking")), "visitTypeActive")
        self.error = error_label("visitTypeError")
        self.new_button = named(QPushButton(self.tr("&New")), "visitTypeNew", self.tr("A new visit type"))
        self.save_button = named(QPushButton(self.tr("&Save")), "visitTypeSave", self.tr("Save this visit type"))
        self.delete_button = named(QPushButton(self.tr("&Delete")), "visitTypeDelete",
                                   self.tr("Delete this visit type"))
        self._build()
        self.listing.currentItemChanged.connect(lambda item, _old: self._show(item))
        self.colour_button.clicked.connect(self._pick_colour)
        self.new_button.clicked.connect(lambda: self._show(None))
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        self._show(None)
        self.reload()

    def _build(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Length:"), self.minutes)
        form.addRow(self.tr("&Colour:"), self.colour_button)
        form.addRow("", self.active)
        actions = QHBoxLayout()
        for button in (self.new_button, self.save_button, self.delete_button):
            actions.addWidget(button)
        actions.addStretch(1)
        editor = QVBoxLayout()
        editor.addLayout(form)
        editor.addWidget(self.error)
        editor.addLayout(actions)
        editor.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.listing, 1)
        row.addLayout(editor, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(close)
        self.resize(620, 340)

    # --- showing -------------------------------------------------------------------------------
    def reload(self, select: int | None = None) -> None:
        op = Operation(self.services.appointment_types.list, self.session.token, include_inactive=True)
        op.succeeded.connect(while_alive(self, lambda types: self._listed(types, select)))
        op.failed.connect(while_alive(self, lambda exc: show_message(self.error, plain_message(exc))))
        op.start()

    def _listed(self, types: list[AppointmentTypeRead], select: int | None) -> None:
        self.listing.blockSignals(True)
        self.listing.clear()
        for t in types:
            text = self.tr("{0} — %n min", "", t.minutes).format(t.name)
            item = QListWidgetItem(colour_swatch(t.colour), text if t.is_active else self.tr("{0} (inactive)").format(text))
            item.setData(Qt.ItemDataRole.UserRole, t)
            self.listing.addItem(item)
            if t.id == select:
                self.listing.setCurrentItem(item)
        self.listing.blockSignals(False)
        self._show(self.listing.currentItem())

    def _show(self, item: QListWidgetItem | None) -> None:
        self.current = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        t = self.current
        self.name.setText(t.name if t else "")
        self.minutes.setValue(t.minutes if t else 30)
        self._set_colour(t.colour if t else DEFAULT_COLOUR)
        self.active.setChecked(t.is_active if t else True)
        self.delete_button.setEnabled(t is not None)
        show_message(self.error, "")
        if t is None:
            self.listing.clearSelection()
            self.name.setFocus()

    def _set_colour(self, colour: str) -> None:
        self.colour = colour
        self.colour_button.setIcon(colour_swatch(colour, 16))
        self.colour_button.setText(colour)

    def _pick_colour(self) -> None:
        chosen = QColorDialog.getColor(QColor(self.colour), self, self.tr("Colour of this visit type"))
        if chosen.isValid():
            self._set_colour(chosen.name())

    # --- saving -----------------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        return {"name": self.name.text(), "minutes": self.minutes.value(), "colour": self.colour,
                "is_active": self.active.isChecked()}

    def save(self) -> None:
        types = self.services.appointment_types
        if self.current is None:
            op = Operation(types.create, self.session.token, self.values())
        else:
            op = Operation(types.update, self.session.token, self.current.id,
                           {**self.values(), "version": self.current.version})
        op.succeeded.connect(while_alive(self, lambda saved: self.reload(saved.id)))
        op.failed.connect(while_alive(self, lambda exc: show_message(self.error, plain_message(exc))))
        op.start()

    def delete(self) -> None:
        if self.current is None:
            return
        op = Operation(self.services.appointment_types.delete, self.session.token, self.current.id,
                       self.current.version)
        op.succeeded.connect(while_alive(self, lambda _none: self.reload()))
        op.failed.connect(while_alive(self, lambda exc: show_message(self.error, plain_message(exc))))
        op.start()
