"""Background results that arrive after their window closed are dropped, not crashed on."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject


def while_alive(owner: QObject, fn: Callable[..., Any]) -> Callable[..., None]:
    """``fn``, doing nothing once ``owner``'s C++ object is gone.

    A lambda connected to an :class:`Operation` has no receiver for Qt to
    disconnect when the widget is deleted; wrap it with this instead.
    """

    def call(*args: Any) -> None:
        if shiboken6.isValid(owner):
            fn(*args)

    return call
