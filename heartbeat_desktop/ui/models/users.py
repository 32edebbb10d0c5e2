"""The staff accounts table."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP

from heartbeat_desktop.schemas import UserRead
from heartbeat_desktop.ui.models.record_table import Column, RecordTableModel


class UserTableModel(RecordTableModel):
    entity = "user"
    columns = (
        Column(QT_TRANSLATE_NOOP("columns", "User name"), lambda u: u.username, width=140, sort_key="username"),
        Column(QT_TRANSLATE_NOOP("columns", "Full name"), lambda u: u.full_name, width=300),
        Column(QT_TRANSLATE_NOOP("columns", "Role"), lambda u: u.role, width=120, sort_key="role"),
        Column(QT_TRANSLATE_NOOP("columns", "Active"), lambda u: u.is_active, width=70, sort_key="active"),
        Column(QT_TRANSLATE_NOOP("columns", "Last sign-in"), lambda u: u.last_login_at, width=150, sort_key="last_login"),
        Column(QT_TRANSLATE_NOOP("columns", "Locked until"), lambda u: u.locked_until, width=150, sort_key="locked_until"),
    )


def matching_users(users: Iterable[UserRead], query: str, *, keep_order: bool = False) -> list[UserRead]:
    """Accounts whose user name or full name contains ``query`` (any case), by user name
    (``keep_order``: in the order given, as the service sorted them).

    Client-side: a clinic has a few dozen accounts and the service lists them all.
    """
    text = query.strip().casefold()
    found = [u for u in users if text in u.username.casefold() or text in u.full_name.casefold()]
    return found if keep_order else sorted(found, key=lambda u: u.username.casefold())
