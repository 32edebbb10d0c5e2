"""Errors the services raise, each carrying a sentence a receptionist understands.

The GUI and the command line show ``str(error)``; nothing below them ever lets
a driver or ORM exception escape (the unit of work translates those).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class HeartbeatError(Exception):
    """Base class: the message is meant for the person at the desk."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ValidationFailed(HeartbeatError):
    """What was typed is not acceptable; ``field_errors`` maps field -> message."""

    def __init__(self, field_errors: Mapping[str, str], message: str | None = None) -> None:
        self.field_errors = dict(field_errors)
        if message is None:
            message = "; ".join(self.field_errors.values()) or "Please check the form."
        super().__init__(message)


class NotFound(HeartbeatError):
    """The record does not exist (any more)."""


class PermissionDenied(HeartbeatError):
    """The signed-in user's role does not allow this action."""


class AuthenticationFailed(HeartbeatError):
    """Wrong credentials, a locked account, or a missing/invalid/expired session."""


class SessionExpired(AuthenticationFailed):
    """The session token expired: the user must enter the password again."""


class Conflict(HeartbeatError):
    """The action contradicts data already stored (a duplicate, a reference)."""


class BookingConflict(Conflict):
    """The appointment cannot be booked at that time (overlap, hours, status)."""


class StaleRecord(Conflict):
    """Someone else saved this record after it was opened here.

    Where the service knows it, ``current`` is the record as it is now (so a
    form can show their values beside the user's), and the message says who
    saved it and when.
    """

    def __init__(self, message: str, *, current_version: int | None = None, current: Any = None) -> None:
        super().__init__(message)
        self.current_version = current_version
        self.current = current


class DatabaseUnavailable(HeartbeatError):
    """The database cannot be reached or opened."""


class ConnectionLost(DatabaseUnavailable):
    """The database server stopped answering (network, restart): worth retrying by itself.

    Nothing of the failed call was saved; the same call can be made again once
    the server answers (see :meth:`Heartbeat.ping`).
    """


class SchemaMismatch(HeartbeatError):
    """The database was migrated by a newer version of the application."""
