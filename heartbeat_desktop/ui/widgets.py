"""Small helpers every screen uses: naming widgets for tests and accessibility."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QLabel, QWidget

W = TypeVar("W", bound=QWidget)


def named(widget: W, object_name: str, accessible_name: str | None = None,
          description: str | None = None) -> W:
    """Give a widget its automation name (a contract) and an accessible name."""
    widget.setObjectName(object_name)
    widget.setAccessibleName(accessible_name or object_name)
    if description:
        widget.setAccessibleDescription(description)
        widget.setToolTip(description)
    return widget


def tab_chain(*widgets: QWidget) -> None:
    """Tab goes through ``widgets`` in this order (the order they read on screen,
    not the order they were made in)."""
    for first, second in zip(widgets, widgets[1:], strict=False):
        QWidget.setTabOrder(first, second)


def error_label(object_name: str) -> QLabel:
    """A red message line under a field; empty (and hidden) when all is well."""
    label = named(QLabel(), object_name)
    label.setProperty("role", "error")
    label.setStyleSheet("color: #b00020;")
    label.setWordWrap(True)
    label.hide()
    return label


def show_message(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def colour_swatch(colour: str, size: int = 12) -> QIcon:
    """A small filled square of ``colour`` ("#rrggbb"), for a list of coloured things."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)
