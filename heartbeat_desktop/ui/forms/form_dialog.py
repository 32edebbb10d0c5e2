"""The generic record form: a QFormLayout, an error line per field, Save/Cancel.

A subclass adds its fields with :meth:`add_field` (the widget is named after
the model field, its error label ``<field>Error``), says how to read them
(:meth:`values`) and which service call saves them (:meth:`save_call`).
The form validates as the user types with the same schema the service uses,
so Save is enabled only for a valid form; the service's own refusal (a
conflict, a stale record) is shown in the form, which stays open with
everything typed.  A record saved at another desk meanwhile opens the
comparison (:class:`StaleDialog`): take theirs, or save the fields changed
here on top of it.  Esc asks before throwing typed work away.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from heartbeat_desktop.core.errors import ConnectionLost, StaleRecord, ValidationFailed
from heartbeat_desktop.schemas import field_errors
from heartbeat_desktop.schemas.base import Schema
from heartbeat_desktop.ui.errors import connection_faults, plain_message, translated
from heartbeat_desktop.ui.formatting import format_value
from heartbeat_desktop.ui.forms.stale_dialog import MINE, THEIRS, StaleDialog
from heartbeat_desktop.ui.operations import Operation
from heartbeat_desktop.ui.widgets import error_label, named, show_message


def _changed_signal(widget: QWidget) -> Any:
    for name in ("textChanged", "dateChanged", "timeChanged", "currentIndexChanged",
                 "valueChanged", "toggled", "changed"):
        signal = getattr(widget, name, None)
        if signal is not None:
            return signal
    return None


MIN_WIDTH = 480  # a form is never narrower than this (its fields may need more)


class FormDialog(QDialog):
    form_name: ClassVar[str]  # "patientForm"
    schema: ClassVar[type[Schema]]  # validates values() as the user types
    # schema field -> form field, when a form shows one value by another name
    # ("patient_id" -> "patient"); "" is an error not tied to any schema field
    field_aliases: ClassVar[Mapping[str, str]] = {}

    saved = Signal(object)  # the record the service returned

    def __init__(self, record: Any | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, self.form_name)
        self.record = record
        self.form = QFormLayout()
        self.fields: dict[str, QWidget] = {}
        self.labels: dict[str, str] = {}  # field -> its label, as the person reads it
        self.errors: dict[str, QLabel] = {}
        self.stale_dialog: StaleDialog | None = None
        self.form_error = error_label("formError")
        self.save_button = named(QPushButton(self.tr("&Save")), "saveButton", self.tr("Save"))
        self.cancel_button = named(QPushButton(self.tr("Cancel")), "cancelButton", self.tr("Cancel"))
        self.save_button.setDefault(True)
        self.button_box = buttons = QDialogButtonBox()  # subclasses may add their own (ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.form_error)
        layout.addWidget(buttons)
        # the width on the button row, not the dialog's setMinimumWidth(): a dialog with a minimum of its
        # own no longer follows its layout's, and a row that grew after opening (larger system text, a
        # longer item loaded) was clipped ("Date and" for "Date and time:" at 150%)
        margins = layout.contentsMargins()
        buttons.setMinimumWidth(MIN_WIDTH - margins.left() - margins.right())
        self._dirty = False
        self._busy = False
        self._awaiting_connection = False  # a save failed for want of the server: say when it is back
        self._touched: set[str] = set()  # errors show for these, or all after a Save attempt
        self._show_all = False

    # --- building -------------------------------------------------------------------
    def add_field(self, name: str, label: str, widget: QWidget, description: str | None = None) -> QWidget:
        named(widget, name, label.replace("&", "").rstrip(":"), description)
        error = error_label(f"{name}Error")
        box = QWidget()
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(2)
        inner.addWidget(widget)
        inner.addWidget(error)
        box.setFocusProxy(widget)  # the row label's mnemonic (Alt+L) lands in the field
        self.form.addRow(label, box)
        self.fields[name] = widget
        self.labels[name] = label.replace("&", "").rstrip(":")
        self.errors[name] = error
        signal = _changed_signal(widget)
        if signal is not None:
            signal.connect(lambda *_args, field=name: self._edited(field))
        return widget

    def finish(self) -> None:
        """Call at the end of the subclass's __init__: fills the form, first validation."""
        if self.record is not None:
            self.load(self.record)
            self._touched = set(self.fields)  # an existing record: show what is wrong at once
        else:
            self._touched = set()
        self._dirty = False
        self.validate()
        # an explicit minimum stops the layout from enforcing its own: keep the fields' (longer labels in Russian)
        self.setMinimumWidth(max(self.minimumWidth(), self.layout().minimumSize().width()))
        first = next((w for w in self.fields.values() if w.isEnabled()), None)
        if first is not None:
            first.setFocus()  # typing starts in the first field (a dialog would focus its default button)

    # --- for subclasses ---------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def load(self, record: Any) -> None:
        """Put ``record``'s values into the widgets."""
        raise NotImplementedError

    def save_call(self, values: Mapping[str, Any]) -> Any:
        """The service call that saves; runs off the GUI thread."""
        raise NotImplementedError

    def extra_problems(self, values: Mapping[str, Any]) -> dict[str, str]:
        """Checks beyond the schema (e.g. two passwords equal); field -> message."""
        return {}

    # --- behaviour ----------------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        return self._dirty

    def validate(self) -> dict[str, str]:
        values = self.values()
        try:
            self.schema.model_validate(values)
            problems: dict[str, str] = {}
        except Exception as exc:  # pydantic's ValidationError
            problems = field_errors(exc) if hasattr(exc, "errors") else {"": str(exc)}
        problems = self.aliased(problems)
        problems.update(self.extra_problems(values))
        shown = problems if self._show_all else {f: m for f, m in problems.items() if f in self._touched}
        self.show_problems(shown)
        self.save_button.setEnabled(not problems and not self._busy)
        return problems

    def aliased(self, problems: Mapping[str, str]) -> dict[str, str]:
        """``problems`` keyed by form field (see ``field_aliases``)."""
        renamed: dict[str, str] = {}
        for name, message in problems.items():
            renamed.setdefault(self.field_aliases.get(name, name), message)
        return renamed

    def show_problems(self, problems: Mapping[str, str]) -> None:
        for name, label in self.errors.items():
            show_message(label, translated(problems.get(name, "")))
        loose = [m for f, m in problems.items() if f not in self.errors]
        show_message(self.form_error, " ".join(translated(m) for m in loose))

    def submit(self) -> None:
        self._show_all = True
        if self._busy or self.validate():
            return
        self._set_busy(True)
        op = Operation(self.save_call, self.values())
        op.succeeded.connect(self._saved)
        op.failed.connect(self._failed)
        op.start()

    def reject(self) -> None:
        if self._dirty and not self._busy:
            answer = QMessageBox.question(
                self, self.tr("Discard changes?"),
                self.tr("You have typed something in this form. Close it and lose it?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()

    def _edited(self, field: str) -> None:
        self._dirty = True
        self._touched.add(field)
        self.validate()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.save_button.setEnabled(not busy)

    def _saved(self, record: Any) -> None:
        self._set_busy(False)
        self._dirty = False
        self.record = record
        self.saved.emit(record)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, StaleRecord) and exc.current is not None and self.record is not None:
            self._compare(exc)
        elif isinstance(exc, ValidationFailed):
            self.show_problems(self.aliased(exc.field_errors))
        elif isinstance(exc, ConnectionLost):
            show_message(self.form_error, plain_message(exc) + " " + self.tr("What you typed stays in this form."))
            if not self._awaiting_connection:
                self._awaiting_connection = True
                connection_faults.restored.connect(self._connection_back)
        else:
            show_message(self.form_error, plain_message(exc))
        self.save_button.setEnabled(True)


    def _connection_back(self) -> None:
        self._awaiting_connection = False
        connection_faults.restored.disconnect(self._connection_back)
        if not self._busy:
            show_message(self.form_error, self.tr("The connection to the database is back: press Save to save "
                                                  "what you typed."))

    def _compare(self, exc: StaleRecord) -> None:
        """Their record beside this form's values; the person chooses (see StaleDialog)."""
        current = exc.current
        mine = self.schema.model_validate(self.values())
        names = [f for f in self.fields if f in type(mine).model_fields and hasattr(current, f)]
        edited = {f for f in names if getattr(mine, f) != getattr(self.record, f, None)}
        rows = [(self.labels[f], shown(getattr(current, f)), shown(getattr(mine, f)))
                for f in names if getattr(current, f) != getattr(mine, f)]
        show_message(self.form_error, plain_message(exc))
        self.stale_dialog = StaleDialog(plain_message(exc), rows, self)
        self.stale_dialog.finished.connect(
            lambda result: self._compared(result, current, {f: getattr(mine, f) for f in edited}))
        self.stale_dialog.open()

    def _compared(self, result: int, current: Any, edited: dict[str, Any]) -> None:
        if result == THEIRS:
            self.record = current
            self.load(current)
            self._dirty = False
            show_message(self.form_error, self.tr("The saved version is in the form now."))
        elif result == MINE:
            self.record = current  # its version: this save comes after theirs
            self.load(current.model_copy(update=edited))
            show_message(self.form_error, "")
            self.submit()


def shown(value: Any) -> str:
    """A value as the comparison shows it."""
    if isinstance(value, (list, tuple)):
        return "; ".join(shown(v) for v in value)
    return format_value(value)


def text_or_none(widget: QLineEdit | QPlainTextEdit) -> str | None:
    text = widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()
    return text.strip() or None

