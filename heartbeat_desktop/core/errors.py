"""Errors the services raise, each carrying a sentence a receptionist understands.

The GUI and the command line show ``str(error)``; nothing below them ever lets
a driver or ORM exception escape (the unit of work translates those).  A
message made with :class:`Text` also carries its template and values, so the
GUI can show it in the interface's language (``ui.errors.translated``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any


class Text(str):
    """An English sentence the GUI can translate: ``Text(context, source)``, then ``.format(...)``.

    It is the English text itself (a ``str``: the command line, logs and tests
    read it as before); it also keeps its catalogue context, its template and
    the values formatted into it, so the GUI looks the template up in the
    translation catalogue and formats the same values into the translation
    (a lookup of the finished sentence could not find "… Dr Ivanov …").
    lupdate reads ``Text`` as ``QT_TRANSLATE_NOOP`` (see
    resources/translations/README.md), so the literal must stay a plain string
    and the values go in through ``.format``, never an f-string.
    """

    context: str
    template: str
    args: tuple[object, ...]
    kwargs: dict[str, object]

    def __new__(cls, context: str, source: str, *, _args: tuple[object, ...] = (),
                _kwargs: Mapping[str, object] | None = None) -> Text:
        kwargs = dict(_kwargs or {})
        self = super().__new__(cls, str.format(source, *_args, **kwargs) if _args or kwargs else source)
        self.context, self.template, self.args, self.kwargs = context, source, tuple(_args), kwargs
        return self

    def format(self, *args: object, **kwargs: object) -> Text:  # type: ignore[override]
        return Text(self.context, self.template, _args=args, _kwargs=kwargs)

    @classmethod
    def joined(cls, parts: Sequence[str], separator: str = " ") -> Text:
        """``separator.join(parts)`` that the GUI translates part by part."""
        escaped = separator.replace("{", "{{").replace("}", "}}")
        template = escaped.join("{%d}" % i for i in range(len(parts)))
        return cls("", template, _args=tuple(parts))

    def __reduce__(self) -> tuple[Any, ...]:  # pickled (multiprocessing, copies) as what it is
        return (_text, (self.context, self.template, self.args, self.kwargs))


def _text(context: str, source: str, args: tuple[object, ...], kwargs: dict[str, object]) -> Text:
    return Text(context, source, _args=args, _kwargs=kwargs)


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
            message = "; ".join(self.field_errors.values()) or Text("errors", "Please check the form.")
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
