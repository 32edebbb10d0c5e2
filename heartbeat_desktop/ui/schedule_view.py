"""The day view: a QTableView over :class:`ScheduleModel` with appointments as blocks.

Each block spans the rows of its slots and is painted by :class:`BlockDelegate`
with the status colour, a side bar, a mark and the status name (hatched and
struck through when cancelled), the time and the patient's short name.
Double-click or Enter on a free slot asks to book it; on a block, to open it.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from heartbeat_desktop.schemas import AppointmentRead
from heartbeat_desktop.ui.appointment_text import short_name, span_text
from heartbeat_desktop.ui.models.schedule import (
    NON_WORKING,
    SLOT,
    AppointmentRole,
    AwayRole,
    AwayStartRole,
    Block,
    BlockRole,
    DoctorIdRole,
    ScheduleModel,
    SlotRole,
    WorkingRole,
)
from heartbeat_desktop.ui.status_style import status_style, status_text
from heartbeat_desktop.ui.widgets import named

ROW_HEIGHT = 24
MIN_COLUMN_WIDTH = 170
TEXT = QColor("#111827")
SQUEEZED = "⚡"  # a visit squeezed in over another (overbooked)
AWAY_HATCH = "#b4a58c"  # time off: warm hatching over the grey, unlike plain hours off
AWAY_TEXT = "#5b4a2e"


class BlockDelegate(QStyledItemDelegate):
    def __init__(self, model: ScheduleModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        block = index.data(BlockRole)
        painter.save()
        if block is None:
            working = index.data(WorkingRole)
            painter.fillRect(option.rect, option.palette.base() if working else QColor(NON_WORKING))
            away = index.data(AwayRole)
            if away:
                self._paint_away(painter, option, away, bool(index.data(AwayStartRole)))
            if selected:
                highlight = QColor(option.palette.highlight().color())
                highlight.setAlpha(90)
                painter.fillRect(option.rect, highlight)
            if index.data(SlotRole).minute == 0:  # full hours: a firmer line than the dotted grid
                painter.setPen(QPen(option.palette.mid().color(), 1))
                painter.drawLine(option.rect.topLeft(), option.rect.topRight())
        else:
            painter.fillRect(option.rect, option.palette.base())
            self._paint_block(painter, option, block, selected)
        painter.restore()

    @staticmethod
    def _paint_away(painter: QPainter, option: QStyleOptionViewItem, label: str, first: bool) -> None:
        """Time off: hatched over the grey, its reason written in its first slot."""
        painter.fillRect(option.rect, QBrush(QColor(AWAY_HATCH), Qt.BrushStyle.BDiagPattern))
        if first:
            painter.setPen(QColor(AWAY_TEXT))
            font = QFont(option.font)
            font.setItalic(True)
            painter.setFont(font)
            area = QRectF(option.rect).adjusted(6, 0, -4, 0)
            text = QFontMetrics(font).elidedText(label, Qt.TextElideMode.ElideRight, int(area.width()))
            painter.drawText(area, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), text)

    def _paint_block(self, painter: QPainter, option: QStyleOptionViewItem, block: Block, selected: bool) -> None:
        a = block.appointment
        style = status_style(a.status)
        box = QRectF(option.rect).adjusted(2, 1, -2, -1)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(style.edge_color, 1))
        painter.setBrush(style.fill_color)
        painter.drawRoundedRect(box, 3, 3)
        if style.hatched:
            hatch = QColor(style.edge_color)
            hatch.setAlpha(110)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(hatch, Qt.BrushStyle.BDiagPattern))
            painter.drawRoundedRect(box, 3, 3)
        # the left bar: the visit type's colour where it has one, else the status's
        painter.fillRect(QRectF(box.left(), box.top(), 6 if a.type_colour else 4, box.height()),
                         QColor(a.type_colour) if a.type_colour else style.edge_color)
        if selected:
            painter.setPen(QPen(option.palette.highlight().color(), 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(box.adjusted(1.5, 1.5, -1.5, -1.5), 3, 3)
        self._paint_text(painter, option, block, box.adjusted(9, 2, -4, -2))

    def _paint_text(self, painter: QPainter, option: QStyleOptionViewItem, block: Block, area: QRectF) -> None:
        a = block.appointment
        style = status_style(a.status)
        zone = self.model.zone
        more = "  " + self.tr("+%n more", "", len(block.hidden)) if block.hidden else ""
        if any(h.overbooked for h in block.hidden):
            more = "  " + SQUEEZED + more.strip()  # a squeeze-in over this visit
        mark = SQUEEZED if a.overbooked else style.mark
        plain = QFont(option.font)
        bold = QFont(option.font)
        bold.setBold(True)
        for font in (plain, bold):
            font.setStrikeOut(style.struck)
        line = QFontMetrics(plain).height()
        name = short_name(a.patient_name)
        head = f"{mark} {span_text(a, zone)}  {status_text(a.status)}{more}"
        if area.height() < 2 * line:
            lines = [(f"{mark} {span_text(a, zone).split('–')[0]} {name} · {status_text(a.status)}{more}", bold)]
        else:
            lines = [(head, plain), (name, bold)]
            if a.reason:
                lines.append((a.reason, plain))
        painter.setPen(TEXT)
        y = area.top()
        for text, font in lines:
            if y + line > area.bottom() + 1:
                break
            painter.setFont(font)
            elided = QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, int(area.width()))
            painter.drawText(QRectF(area.left(), y, area.width(), line),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), elided)
            y += line


class ScheduleView(QTableView):
    slot_activated = Signal(int, datetime)  # doctor id, the free slot's naive local start
    appointment_activated = Signal(object)  # the AppointmentRead double-clicked

    def __init__(self, model: ScheduleModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "scheduleView", self.tr("Day schedule"))
        self.schedule = model
        self.setModel(model)
        self.setItemDelegate(BlockDelegate(model, self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # the arrows move between slots, Tab on to the buttons
        self.setWordWrap(False)
        self.setGridStyle(Qt.PenStyle.DotLine)
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(ROW_HEIGHT)
        columns = self.horizontalHeader()
        columns.setMinimumSectionSize(MIN_COLUMN_WIDTH)
        columns.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        model.modelReset.connect(self._apply_spans)
        self.doubleClicked.connect(self._activate)
        self._apply_spans()

    def selected_appointment(self) -> AppointmentRead | None:
        index = self.currentIndex()
        if not index.isValid() or not self.selectionModel().isSelected(index):
            return None
        return index.data(AppointmentRole)

    def select_appointment(self, appointment_id: int) -> bool:
        index = self.schedule.index_of(appointment_id)
        if index.isValid():
            self.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.scrollTo(index)
        return index.isValid()

    def place(self) -> tuple[datetime, int, int] | None:
        """Where the view is scrolled to: the top slot's start, how far down it is drawn, the
        horizontal scroll (for :meth:`restore_place` after the day was loaded again)."""
        top = self.rowAt(0)
        if top < 0:
            return None
        return self.schedule.slot_start(top), self.rowViewportPosition(top), self.horizontalScrollBar().value()

    def restore_place(self, place: tuple[datetime, int, int] | None) -> None:
        """Scroll back to ``place``: the same time at the same height, though the grid now starts earlier
        or later (hours or visits widened it)."""
        if place is None:
            return
        moment, y, x = place
        row = round((moment - self.schedule.slot_start(0)).total_seconds() / 60 / SLOT)
        if 0 <= row < self.schedule.rowCount():
            bar = self.verticalScrollBar()
            if self.verticalScrollMode() == QAbstractItemView.ScrollMode.ScrollPerPixel:
                bar.setValue(bar.value() + self.rowViewportPosition(row) - y)
            else:
                bar.setValue(max(0, row - round(max(y, 0) / max(1, self.rowHeight(row)))))
        self.horizontalScrollBar().setValue(x)

    def slot_index(self, doctor_id: int, moment: datetime) -> QModelIndex:
        """The cell of ``doctor_id`` at the naive local ``moment`` (for tests and keyboard use)."""
        for column, doctor in enumerate(self.schedule.columns):
            if doctor.id == doctor_id:
                for row in range(self.schedule.rowCount()):
                    if self.schedule.slot_start(row) == moment:
                        return self.schedule.index(row, column)
        return QModelIndex()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._activate(self.currentIndex())
            return
        super().keyPressEvent(event)

    def _activate(self, index: QModelIndex) -> None:
        appointment = index.data(AppointmentRole)
        if appointment is not None:
            self.appointment_activated.emit(appointment)
        else:
            self.slot_activated.emit(index.data(DoctorIdRole), index.data(SlotRole))

    def _apply_spans(self) -> None:
        self.clearSpans()
        for block in self.schedule.blocks:
            if block.rows > 1:
                self.setSpan(block.row, block.column, block.rows, 1)
