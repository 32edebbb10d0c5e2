"""A page listing one kind of record: search box, lazy table, New/Edit/Delete, count.

Subclasses name the entity, the table model, and how to open a form or delete;
the page does the rest: debounced search-as-you-type filtered in the database,
double-click or Enter to edit, the Delete key and a context menu.
"""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from heartbeat_desktop.services.changes import Change
from heartbeat_desktop.ui.alive import while_alive
from heartbeat_desktop.ui.errors import show_error
from heartbeat_desktop.ui.i18n import class_tr
from heartbeat_desktop.ui.live_updates import MissedChanges
from heartbeat_desktop.ui.models.record_table import RecordTableModel
from heartbeat_desktop.ui.operations import Operation
from heartbeat_desktop.ui.place_keeper import PlaceKeeper
from heartbeat_desktop.ui.widgets import named

SEARCH_DELAY_MS = 250


def record_table(model: RecordTableModel, object_name: str, accessible_name: str) -> QTableView:
    """A read-only table of whole rows, one selected at a time, with the model's column widths;
    it keeps its place while other desks' changes come in (:class:`PlaceKeeper`)."""
    table = named(QTableView(), object_name, accessible_name)
    table.setModel(model)
    PlaceKeeper(table, model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)  # the arrows move within the table, Tab moves on (not cell by cell)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for i, column in enumerate(model.columns):
        table.setColumnWidth(i, column.width)
    if model.sortable:
        enable_sorting(table, model)
    return table


def enable_sorting(table: QTableView, model: RecordTableModel) -> None:
    """Header clicks sort in the database (``model.sort``); the indicator always tells the truth.

    A click on a column that cannot be sorted, or a saved header state from
    before the tables sorted (no indicator shown), leaves the rows as they
    are: the indicator goes back to what the rows are sorted by.
    """
    header = table.horizontalHeader()
    header.setSortIndicator(*model.initial_sort)
    table.setSortingEnabled(True)  # sorts the model by the indicator: stored until the first load

    def keep_indicator(column: int, order: Qt.SortOrder) -> None:
        if not header.isSortIndicatorShown():  # restoreState() of a state saved before sorting existed
            header.setSortIndicatorShown(True)
            header.setSortIndicator(*model.initial_sort)
        elif (column, order) != model.sort_indicator:
            header.setSortIndicator(*model.sort_indicator)

    # connected after the view's own slot: the model has already seen the click
    header.sortIndicatorChanged.connect(keep_indicator)


class RecordsPage(QWidget):
    entity: ClassVar[str]  # "patient": object names are built from it
    title: ClassVar[str]
    plural: ClassVar[str] = ""  # object-name stem when not entity + "s" ("audit")
    can_create: bool = True
    can_edit: bool = True
    can_delete: bool = True

    record_changed = Signal(object)  # a record was saved from this page

    def tr(self, source: str, disambiguation: str | None = None, n: int = -1) -> str:  # type: ignore[override]
        return class_tr(self, source, disambiguation, n)  # the subclasses' counts keep their plural forms

    def __init__(self, model: RecordTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        plural, cap = self.plural or f"{self.entity}s", self.entity.capitalize()
        named(self, f"{plural}Page", QCoreApplication.translate("pages", self.title))
        self.model = model
        self._missed = MissedChanges()  # other desks' changes while this page was hidden
        self.search = named(QLineEdit(), f"{plural}Search", self.tr("Search"))
        self.search.setPlaceholderText(self.search_hint())
        self.search.setClearButtonEnabled(True)
        self.count_label = named(QLabel(), f"{plural}Count", self.tr("Matching records"))
        self.table = record_table(model, f"{plural}Table", QCoreApplication.translate("pages", self.title))
        self.new_button = named(QPushButton(self.tr("&New")), f"new{cap}Button", self.tr("New"))
        self.edit_button = named(QPushButton(self.tr("&Edit")), f"edit{cap}Button", self.tr("Edit"))
        self.delete_button = named(QPushButton(self.delete_label()), f"delete{cap}Button",
                                   self.delete_label().replace("&", ""))

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.top_bar, self.button_bar = top, buttons  # subclasses add their own widgets here
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        detail = self.detail_panel()
        if detail is None:
            layout.addWidget(self.table, 1)
        else:  # the selected record's details under the table, the divider movable
            self.splitter = named(QSplitter(Qt.Orientation.Vertical), f"{plural}Splitter")
            self.splitter.addWidget(self.table)
            self.splitter.addWidget(detail)
            self.splitter.setStretchFactor(0, 3)
            self.splitter.setStretchFactor(1, 2)
            self.splitter.setSizes([600, 400])  # proportions: scaled to the page's height
            layout.addWidget(self.splitter, 1)
        layout.addLayout(buttons)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(lambda: self.model.reload(self.search.text()))
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.search.returnPressed.connect(self._search_now)
        model.count_changed.connect(self._show_count)
        model.load_failed.connect(lambda exc: show_error(self, exc))
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        model.modelReset.connect(self._update_buttons)
        self.new_button.clicked.connect(self.create_record)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self._install_actions()
        self.new_button.setVisible(self.can_create)
        self.edit_button.setVisible(self.can_edit)
        self.delete_button.setVisible(self.can_delete)
        self._update_buttons()

    # --- for subclasses -------------------------------------------------------------
    def search_hint(self) -> str:
        return self.tr("Search")

    def open_form(self, record: Any | None) -> None:
        """Open the form for ``record`` (None: a new one)."""
        raise NotImplementedError

    def delete_call(self, record: Any) -> Any:
        """The service call that deletes ``record`` (runs in the background)."""
        raise NotImplementedError

    def describe(self, record: Any) -> str:
        return str(getattr(record, "full_name", record.id))

    def detail_panel(self) -> QWidget | None:
        """A widget shown under the table (in a splitter); None: the table alone."""
        return None

    def delete_label(self) -> str:
        """The Delete button's text (a page that deactivates says so)."""
        return self.tr("&Delete")

    def delete_question(self, record: Any) -> str:
        return self.tr("Delete {0}? This cannot be undone.").format(self.describe(record))

    def deleted(self, record: Any, result: Any) -> None:
        """``delete_call`` succeeded with ``result``: by default the row goes."""
        self._deleted(record)

    def apply_changes(self, changes: frozenset[Change]) -> None:
        """Show other desks' ``changes``: the table updates the rows concerned (a page with
        more lists passes them on too)."""
        self.model.apply_changes(changes)

    # --- behaviour --------------------------------------------------------------------
    def refresh(self) -> None:
        self.model.reload(self.search.text())

    def live_update(self, changes: frozenset[Change]) -> None:
        """Another desk saved ``changes``: shown now, or when this page is shown."""
        self._missed.deliver(self, changes, self.apply_changes)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._missed.catch_up(self.apply_changes)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def selected(self) -> Any | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def create_record(self) -> None:
        if self.can_create:
            self.open_form(None)

    def edit_selected(self) -> None:
        record = self.selected()
        if record is not None and self.can_edit:
            self.open_form(record)

    def delete_selected(self) -> None:
        record = self.selected()
        if record is None or not self.can_delete:
            return
        answer = QMessageBox.question(self, self.delete_label().replace("&", ""), self.delete_question(record))
        if answer != QMessageBox.StandardButton.Yes:
            return
        op = Operation(self.delete_call, record)
        op.succeeded.connect(while_alive(self, lambda result: self.deleted(record, result)))
        op.failed.connect(while_alive(self, lambda exc: show_error(self, exc)))
        op.start()

    def saved(self, record: Any) -> None:
        """A form saved ``record``: show it in place, or reload to place a new one."""
        if self.model.row_of(record.id) >= 0:
            self.model.replace(record)
        else:
            self.refresh()
        self.record_changed.emit(record)

    def select_id(self, record_id: int) -> None:
        row = self.model.row_of(record_id)
        if row >= 0:
            self.table.selectionModel().select(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(self.model.index(row, 0))

    def _deleted(self, record: Any) -> None:
        self.model.remove(record.id)
        self.refresh()

    def _search_now(self) -> None:
        self._debounce.stop()
        self.model.reload(self.search.text())

    def _show_count(self, n: int) -> None:
        self.count_label.setText(self.tr("%n record(s)", "", n))

    def _update_buttons(self, *_args: Any) -> None:
        has = self.selected() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has and self.can_delete)

    def _install_actions(self) -> None:
        delete = QAction(self.delete_label(), self.table)
        delete.setShortcut(QKeySequence.StandardKey.Delete)
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self.delete_selected)
        edit = QAction(self.tr("Edit"), self.table)
        edit.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        edit.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        edit.triggered.connect(self.edit_selected)
        self.table.addActions([a for a, ok in ((edit, self.can_edit), (delete, self.can_delete)) if ok])
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
