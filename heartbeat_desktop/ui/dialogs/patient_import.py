"""Records → Import patients…: a CSV file in four steps, nothing written before the last.

1. *File*: choose it (``ask_path``, replaceable in tests); it is read once, and
   its columns, encoding and delimiter are shown.
2. *Columns*: one list per patient field, showing the file's columns with a
   sample value, pre-filled from the guess (Russian or English headers).
3. *Preview*: every row, OK, rejected with the form's reasons, or a possible
   duplicate with a tick to import it anyway; all or nothing, or the good rows.
4. *Report*: "N imported, M rejected, written to …".

Each step's work (reading, checking, importing) runs in an :class:`Operation`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from heartbeat_desktop.core.errors import ValidationFailed
from heartbeat_desktop.schemas.patient_import import (
    MAPPABLE,
    ImportHeader,
    ImportPolicy,
    ImportPreview,
    ImportResult,
    mapping_problems,
)
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.services.import_csv import rejected_path_for
from heartbeat_desktop.ui.alive import while_alive
from heartbeat_desktop.ui.errors import plain_message, translated
from heartbeat_desktop.ui.models.import_preview import ImportPreviewModel, RowRole
from heartbeat_desktop.ui.operations import Operation
from heartbeat_desktop.ui.session import SessionHolder
from heartbeat_desktop.ui.widgets import error_label, named, show_message

FILE, COLUMNS, PREVIEW, REPORT = range(4)


def ask_csv_path(parent: QWidget) -> str | None:
    path, _filter = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("import", "Import patients"), "",
        QCoreApplication.translate("import", "CSV files (*.csv *.txt);;All files (*)"))
    return path or None


def read_file(service: Any, token: str, path: Path) -> tuple[bytes, ImportHeader]:
    """Off the GUI thread: the file's bytes (read once: every step sees the same) and its header."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ValidationFailed({"file": QCoreApplication.translate("import", "The file {0} cannot be read ({1}).")
                                .format(path, exc.strerror or exc)}) from None
    return data, service.read_header(token, data, file_name=path.name)


class ProblemsOnly(QSortFilterProxyModel):
    """The preview's rows with something to say (rejected, or a possible duplicate), when asked."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.only = False

    def set_only(self, only: bool) -> None:
        self.beginFilterChange()
        self.only = only
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:  # noqa: N802
        if not self.only:
            return True
        row = self.sourceModel().index(source_row, 0, source_parent).data(RowRole)
        return row is not None and not row.ok


class PatientImportDialog(QDialog):
    imported = Signal(object)  # ImportResult

    def __init__(self, services: Heartbeat, session: SessionHolder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "patientImportDialog", self.tr("Import patients"))
        self.setWindowTitle(self.tr("Import patients"))
        self.services, self.session = services, session
        self.ask_path = lambda: ask_csv_path(self)  # replaced in tests
        self.path: Path | None = None
        self.data: bytes | None = None
        self.header: ImportHeader | None = None
        self.result: ImportResult | None = None
        self._busy = False
        self.steps = named(QStackedWidget(), "importSteps")
        self.steps.addWidget(self._file_step())
        self.steps.addWidget(self._columns_step())
        self.steps.addWidget(self._preview_step())
        self.steps.addWidget(self._report_step())
        self.error = error_label("importError")
        self.back_button = named(QPushButton(self.tr("< &Back")), "importBack")
        self.next_button = named(QPushButton(self.tr("&Next >")), "importNext")
        self.import_button = named(QPushButton(self.tr("&Import")), "importRun")
        self.close_button = named(QPushButton(self.tr("Cancel")), "importClose")
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.import_button.clicked.connect(self.run)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.back_button, self.next_button, self.import_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        self.step_title = named(QLabel(), "importStepTitle")
        self.step_title.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.step_title)
        layout.addWidget(self.steps, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.resize(960, 600)
        self._show(FILE)

    # --- the steps -----------------------------------------------------------------------
    def _file_step(self) -> QWidget:
        page = QWidget()
        intro = QLabel(self.tr("Choose a CSV file saved from Excel, LibreOffice or another program. The first row "
                               "must name the columns. Nothing is stored until you press Import at the last step."))
        intro.setWordWrap(True)
        self.path_field = named(QLineEdit(), "importPath", self.tr("The file to import"))
        self.path_field.setReadOnly(True)
        choose = named(QPushButton(self.tr("&Choose…")), "importChoose")
        choose.clicked.connect(self.choose_file)
        row = QHBoxLayout()
        row.addWidget(self.path_field, 1)
        row.addWidget(choose)
        self.file_summary = named(QLabel(), "importFileSummary")
        self.file_summary.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.file_summary)
        layout.addStretch(1)
        return page

    def _columns_step(self) -> QWidget:
        page = QWidget()
        intro = QLabel(self.tr("Which column holds what? The guesses are filled in; a full name column is split "
                               "into last, first and middle name."))
        intro.setWordWrap(True)
        form = QFormLayout()
        self.combos: dict[str, QComboBox] = {}
        labels = {"full_name": self.tr("Full name"), "last_name": self.tr("Last name"),
                  "first_name": self.tr("First name"), "middle_name": self.tr("Middle name"),
                  "birth_date": self.tr("Birth date"), "sex": self.tr("Sex"), "phone": self.tr("Phone"),
                  "email": self.tr("E-mail"), "address": self.tr("Address"), "notes": self.tr("Notes")}
        for field in MAPPABLE:
            label = labels[field]
            combo = named(QComboBox(), f"importMap_{field}", label)
            combo.currentIndexChanged.connect(lambda *_a: show_message(self.error, ""))
            self.combos[field] = combo
            form.addRow(self.tr("{0}:").format(label), combo)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addStretch(1)
        return page

    def _preview_step(self) -> QWidget:
        page = QWidget()
        self.preview_summary = named(QLabel(), "importPreviewSummary")
        self.preview_summary.setWordWrap(True)
        self.preview_summary.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.problems_only = named(QCheckBox(self.tr("Show only rows with &problems")), "importProblemsOnly")
        self.model = ImportPreviewModel(self)
        self.proxy = ProblemsOnly(self)
        self.proxy.setSourceModel(self.model)
        self.problems_only.toggled.connect(self.proxy.set_only)
        self.table = named(QTableView(), "importPreview", self.tr("The rows of the file"))
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for number, column in enumerate(self.model.columns):  # never narrower than the title (a longer one in Russian)
            self.table.setColumnWidth(number, max(column.width, header.sectionSizeHint(number)))
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.skip_bad = named(QRadioButton(self.tr("Store the good rows; leave out the rejected ones")),
                              "importSkipBad")
        self.all_or_nothing = named(QRadioButton(self.tr("All or nothing: store nothing if any row is rejected")),
                                    "importAllOrNothing")
        self.skip_bad.setChecked(True)
        self.model.dataChanged.connect(lambda *_a: self._update_buttons())
        layout = QVBoxLayout(page)
        layout.addWidget(self.preview_summary)
        layout.addWidget(self.problems_only)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.skip_bad)
        layout.addWidget(self.all_or_nothing)
        return page

    def _report_step(self) -> QWidget:
        page = QWidget()
        self.report = named(QLabel(), "importReport")
        self.report.setWordWrap(True)
        self.report.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(page)
        layout.addWidget(self.report)
        layout.addStretch(1)
        return page

    # --- moving between steps ---------------------------------------------------------------
    def _show(self, step: int) -> None:
        titles = (self.tr("Step 1 of 4: the file"), self.tr("Step 2 of 4: the columns"),
                  self.tr("Step 3 of 4: check the rows"), self.tr("Step 4 of 4: done"))
        self.steps.setCurrentIndex(step)
        self.step_title.setText(titles[step])
        show_message(self.error, "")
        self._update_buttons()

    def _update_buttons(self) -> None:
        step = self.steps.currentIndex()
        idle = not self._busy
        self.back_button.setVisible(step in (COLUMNS, PREVIEW))
        self.back_button.setEnabled(idle)
        self.next_button.setVisible(step in (FILE, COLUMNS))
        self.next_button.setEnabled(idle and (step != FILE or self.header is not None))
        self.import_button.setVisible(step == PREVIEW)
        count = self.model.will_import()
        self.import_button.setText(self.tr("&Import %n patient(s)", "", count))
        self.import_button.setEnabled(idle and count > 0)
        self.close_button.setText(self.tr("Close") if step == REPORT else self.tr("Cancel"))

    def _busy_with(self, op: Operation, done: Any) -> None:
        self._busy = True
        self._update_buttons()
        op.succeeded.connect(while_alive(self, lambda value: self._finished(done, value)))
        op.failed.connect(while_alive(self, self._failed))
        op.start()

    def _finished(self, done: Any, value: Any) -> None:
        self._busy = False
        done(value)
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        show_message(self.error, plain_message(exc))
        self._update_buttons()

    def back(self) -> None:
        self._show(max(FILE, self.steps.currentIndex() - 1))

    def next(self) -> None:
        step = self.steps.currentIndex()
        if step == FILE and self.header is not None:
            self._show(COLUMNS)
        elif step == COLUMNS:
            self.preview()

    # --- 1. the file -------------------------------------------------------------------------
    def choose_file(self) -> None:
        path = self.ask_path()
        if path:
            self.load(Path(path))

    def load(self, path: Path) -> None:
        self.path, self.data, self.header = path, None, None
        self.path_field.setText(str(path))
        self.file_summary.setText("")
        op = Operation(read_file, self.services.patient_import, self.session.token, path)
        self._busy_with(op, self._loaded)

    def _loaded(self, loaded: tuple[bytes, ImportHeader]) -> None:
        self.data, self.header = loaded
        header = self.header
        separated = {",": self.tr("commas"), ";": self.tr("semicolons"), "\t": self.tr("tabs")}
        self.file_summary.setText(self.tr("%n row(s); columns: {0}. Read as {1}, separated by {2}.", "", header.rows)
                                  .format(", ".join(header.columns), header.encoding,
                                          separated[header.delimiter]))
        for field, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("— not in the file —"), None)
            for number, column in enumerate(header.columns):
                sample = next((cells[number] for cells in header.sample if cells[number]), "")
                combo.addItem(f"{column}  ({sample})" if sample else column, column)
            combo.setCurrentIndex(max(0, combo.findData(header.mapping.get(field))))
            combo.blockSignals(False)

    # --- 2. the columns ------------------------------------------------------------------------
    def mapping(self) -> dict[str, str]:
        return {field: combo.currentData() for field, combo in self.combos.items() if combo.currentData()}

    def preview(self) -> None:
        assert self.header is not None and self.data is not None
        mapping = self.mapping()
        problems = mapping_problems(mapping, self.header.columns)
        if problems:
            show_message(self.error, " ".join(translated(p) for p in problems.values()))
            return
        op = Operation(self.services.patient_import.preview, self.session.token, self.data, mapping)
        self._busy_with(op, self._previewed)

    def _previewed(self, preview: ImportPreview) -> None:
        self.model.set_rows(preview.rows)
        self._show(PREVIEW)
        parts = [self.tr("%n row(s) can be imported", "", preview.good)]
        if preview.rejected:
            parts.append(self.tr("%n row(s) are rejected (see why in the Status column)", "", preview.rejected))
        if preview.duplicates:
            parts.append(self.tr("%n row(s) may be patients already registered: tick those to import anyway",
                                 "", preview.duplicates))
        self.preview_summary.setText(";\n".join(parts) + ".")

    # --- 3. the import --------------------------------------------------------------------------
    def run(self) -> None:
        if self.data is None or self.path is None or self._busy:
            return
        policy = ImportPolicy.ALL_OR_NOTHING if self.all_or_nothing.isChecked() else ImportPolicy.SKIP_BAD
        op = Operation(self.services.patient_import.run, self.session.token, self.data, self.mapping(), policy,
                       import_duplicates=self.model.chosen_duplicates(), rejected_path=rejected_path_for(self.path),
                       file_name=self.path.name)
        self._busy_with(op, self._imported)

    def _imported(self, result: ImportResult) -> None:
        self.result = result
        if result.stored:
            text = self.tr("%n patient(s) imported.", "", result.imported)
        else:
            text = self.tr("Nothing was imported: %n row(s) are rejected, and you chose all or nothing.", "",
                           result.rejected)
        if result.stored and result.rejected:
            text += " " + self.tr("%n row(s) rejected.", "", result.rejected)
        if result.skipped_duplicates:
            text += " " + self.tr("%n possible duplicate(s) left out.", "", result.skipped_duplicates)
        if result.rejected_file:
            text += "\n\n" + self.tr("The rows left out are written, with the reason for each, to:\n{0}").format(
                result.rejected_file)
        self.report.setText(text)
        self._show(REPORT)
        if result.stored:
            self.imported.emit(result)
