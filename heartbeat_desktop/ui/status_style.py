"""How an appointment's status looks: its words, a mark, colours and a pattern.

Colour is never the only cue: every status also has its name and a mark
drawn in the block, and the inactive ones (cancelled, no-show) are hatched
and struck through, so the schedule reads in greyscale and to colour-blind eyes.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from heartbeat_desktop.core.vocabulary import Status


@dataclass(frozen=True)
class StatusStyle:
    fill: str  # the block's background
    edge: str  # its border and side bar
    mark: str  # a symbol drawn before the time
    hatched: bool = False  # a diagonal pattern over the fill
    struck: bool = False  # the text struck through

    @property
    def fill_color(self) -> QColor:
        return QColor(self.fill)

    @property
    def edge_color(self) -> QColor:
        return QColor(self.edge)


STYLES: dict[Status, StatusStyle] = {
    Status.SCHEDULED: StatusStyle("#dbeafe", "#2563eb", "○"),
    Status.ARRIVED: StatusStyle("#fef3c7", "#b45309", "●"),
    Status.IN_PROGRESS: StatusStyle("#dcfce7", "#15803d", "▶"),
    Status.COMPLETED: StatusStyle("#ede9fe", "#6d28d9", "✓"),
    Status.CANCELLED: StatusStyle("#f3f4f6", "#9ca3af", "✕", hatched=True, struck=True),
    Status.NO_SHOW: StatusStyle("#fee2e2", "#b91c1c", "⊘", hatched=True),
}

# the status names, for lupdate (the vocabulary's labels are the source text)
_NAMES = (QT_TRANSLATE_NOOP("status", "Scheduled"), QT_TRANSLATE_NOOP("status", "Arrived"),
          QT_TRANSLATE_NOOP("status", "In progress"), QT_TRANSLATE_NOOP("status", "Completed"),
          QT_TRANSLATE_NOOP("status", "Cancelled"), QT_TRANSLATE_NOOP("status", "No-show"))


def status_text(status: Status | str) -> str:
    """The status as the desk reads it, translated."""
    return QCoreApplication.translate("status", Status(status).label)


def status_style(status: Status | str) -> StatusStyle:
    return STYLES[Status(status)]
