"""The staff account form: a new account with its first password, or name, role and status."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QWidget

from heartbeat_desktop.core.vocabulary import Role
from heartbeat_desktop.schemas import PASSWORD_RULES, UserCreate, UserRead, UserUpdate
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.ui.errors import translated
from heartbeat_desktop.ui.forms.form_dialog import FormDialog
from heartbeat_desktop.ui.session import SessionHolder
from heartbeat_desktop.ui.widgets import named

ROLE_ORDER = (Role.RECEPTIONIST, Role.DOCTOR, Role.ADMIN)  # the usual choice first


class UserForm(FormDialog):
    form_name = "userForm"
    schema = UserCreate

    def __init__(self, services: Heartbeat, session: SessionHolder, record: UserRead | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(record, parent)
        self.services = services
        self.session = session
        self.schema = UserCreate if record is None else UserUpdate  # type: ignore[misc]
        self.setWindowTitle(self.tr("New user account") if record is None
                            else self.tr("User account: {0}").format(record.username))
        if record is None:
            self.username = self.add_field("username", self.tr("&User name:"), QLineEdit(),
                                           self.tr("What the person types to sign in; cannot be changed later"))
        else:
            shown = named(QLabel(record.username), "usernameLabel", self.tr("User name"))
            self.form.addRow(self.tr("User name:"), shown)
        self.full_name = self.add_field("full_name", self.tr("&Full name:"), QLineEdit())
        role = QComboBox()
        for value in ROLE_ORDER:
            role.addItem(translated(value.label), value)
        self.role = self.add_field("role", self.tr("&Role:"), role)
        if record is None:
            rules = translated(PASSWORD_RULES)
            self.password = self.add_field("password", self.tr("&Password:"), _secret(), rules)
            hint = named(QLabel(rules), "passwordRules", self.tr("Password rules"))
            hint.setWordWrap(True)
            hint.setEnabled(False)  # greyed: advice, not a control
            self.form.addRow("", hint)
            self.confirm_password = self.add_field("confirm_password", self.tr("&Repeat password:"), _secret())
        else:
            active = QCheckBox(self.tr("Can sign in"))
            self.is_active = self.add_field("is_active", self.tr("&Active:"), active,
                                            self.tr("A deactivated account keeps its history but cannot sign in."))
        self.can_overbook = self.add_field(
            "can_overbook", self.tr("Squee&ze in:"), QCheckBox(self.tr("May book over another visit (emergencies)")),
            self.tr("Such a visit needs a written reason; it is marked on the schedule and in the audit log."))
        self.finish()

    def values(self) -> dict[str, Any]:
        common = {"full_name": self.full_name.text(), "role": self.role.currentData(),
                  "can_overbook": self.can_overbook.isChecked()}
        if self.record is None:
            return {"username": self.username.text(), "password": self.password.text(), **common}
        return {**common, "is_active": self.is_active.isChecked(), "version": self.record.version}

    def load(self, record: UserRead) -> None:
        self.full_name.setText(record.full_name)
        self.role.setCurrentIndex(max(0, self.role.findData(record.role)))
        self.is_active.setChecked(record.is_active)
        self.can_overbook.setChecked(record.can_overbook)

    def extra_problems(self, values: Mapping[str, Any]) -> dict[str, str]:
        if self.record is None and self.confirm_password.text() != values["password"]:
            return {"confirm_password": self.tr("The passwords do not match.")}
        return {}

    def save_call(self, values: Mapping[str, Any]) -> UserRead:
        token = self.session.token
        if self.record is None:
            return self.services.users.create(token, values)
        return self.services.users.update(token, self.record.id, values)


def _secret() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit
