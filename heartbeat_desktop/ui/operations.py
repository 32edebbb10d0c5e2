"""Run a service call off the GUI thread; get its result or its error by signal.

The one helper for background work (Anki's ``CollectionOp`` idea)::

    op = Operation(services.patients.search, token, "иван")
    op.succeeded.connect(model.set_rows)
    op.failed.connect(show_error)
    op.start()

Signals are delivered on the GUI thread.  The operation keeps itself alive
until it has finished, so callers need not hold a reference.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from heartbeat_desktop.core.errors import ConnectionLost
from heartbeat_desktop.ui.errors import connection_faults

log = logging.getLogger(__name__)

_running: set[Operation] = set()


class Operation(QObject):
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    finished = Signal()

    def __init__(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        super().__init__()
        self._call = (fn, args, kwargs)

    def start(self, pool: QThreadPool | None = None) -> Operation:
        _running.add(self)
        self.finished.connect(self._release)
        (pool or QThreadPool.globalInstance()).start(_Worker(self))
        return self

    def _deliver(self, ok: bool, value: object) -> None:
        # runs in the worker thread: the signals are queued to the GUI thread
        try:
            if isinstance(value, ConnectionLost):
                connection_faults.lost.emit(str(value))  # whoever made the call, the window shows it
            (self.succeeded if ok else self.failed).emit(value)
            self.finished.emit()
        except RuntimeError:  # the application is quitting and took this object with it
            log.debug("operation finished after its receiver was deleted")

    def _release(self) -> None:
        _running.discard(self)


class _Worker(QRunnable):
    def __init__(self, operation: Operation) -> None:
        super().__init__()
        self.operation = operation

    def run(self) -> None:
        fn, args, kwargs = self.operation._call
        try:
            result = fn(*args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - delivered to the GUI, never lost
            log.debug("operation %s failed: %r", getattr(fn, "__qualname__", fn), exc)
            self.operation._deliver(False, exc)
        else:
            self.operation._deliver(True, result)


def run_in_background(
    fn: Callable[..., Any],
    *args: Any,
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
    **kwargs: Any,
) -> Operation:
    op = Operation(fn, *args, **kwargs)
    if on_success is not None:
        op.succeeded.connect(on_success)
    if on_failure is not None:
        op.failed.connect(on_failure)
    return op.start()
