"""After "the server is not answering": retry with backoff until it answers again.

Any background call that fails with :class:`ConnectionLost` (reported through
``connection_faults.lost`` by :class:`~heartbeat_desktop.ui.operations.Operation`),
or the live-refresh connection dropping, puts the monitor in the *lost*
state.  It then pings the database in the background after 1, 2 and 3 and
then every 5 seconds (or at once, on :meth:`retry_now`), and when the ping
answers it says ``restored`` (also on ``connection_faults.restored``).

The pings go through the engine's pool, which checks a connection before
lending it (``pool_pre_ping``), so the first answer after a server restart
also means the next save gets a working connection.  Nothing is retried on
the user's behalf: a save that failed is saved again by pressing Save, with
the form's content kept meanwhile, so it can land only once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from heartbeat_desktop.core.errors import DatabaseUnavailable
from heartbeat_desktop.ui.errors import connection_faults
from heartbeat_desktop.ui.operations import Operation

log = logging.getLogger(__name__)

# between attempts; the last repeats.  Short, because a desk waits on it: the first
# version went up to 15 s, and a 16-second restart (tried by hand) then kept the
# banner up for 12 s more.  A ping is one "SELECT 1" per desk.
BACKOFF_SECONDS = (1, 2, 3, 5)


class ConnectionMonitor(QObject):
    lost = Signal()
    waiting = Signal(int)  # seconds until the next attempt
    checking = Signal()
    restored = Signal()

    def __init__(self, ping: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ping = ping
        self.down = False
        self._checking = False
        self._stopped = False
        self._attempt = 0
        self._left = 0
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._count_down)
        connection_faults.lost.connect(self.report_lost)

    def report_lost(self, _message: str = "") -> None:
        """Some call found the server gone; already retrying, this changes nothing."""
        if self.down or self._stopped:
            return
        log.warning("the database server is not answering; retrying")
        self.down = True
        self._attempt = 0
        self.lost.emit()
        self._wait()

    def retry_now(self) -> None:
        """Try at once (the user pressed Retry, or the live feed is back)."""
        if not self.down or self._checking:
            return
        self._tick.stop()
        self._checking = True
        self.checking.emit()
        op = Operation(self._ping)
        op.succeeded.connect(self._answered)
        op.failed.connect(self._not_yet)
        op.start()

    def stop(self) -> None:
        """No more retries (the window is closing)."""
        self._stopped = True
        self._tick.stop()
        self.down = False

    def _wait(self) -> None:
        self._left = BACKOFF_SECONDS[min(self._attempt, len(BACKOFF_SECONDS) - 1)]
        self.waiting.emit(self._left)
        self._tick.start()

    def _count_down(self) -> None:
        self._left -= 1
        if self._left > 0:
            self.waiting.emit(self._left)
        else:
            self.retry_now()

    def _answered(self, _result: object) -> None:
        self._checking = False
        if not self.down:
            return
        log.warning("the database server answers again")
        self.down = False
        self.restored.emit()
        connection_faults.restored.emit()

    def _not_yet(self, exc: BaseException) -> None:
        self._checking = False
        if not isinstance(exc, DatabaseUnavailable):
            log.error("checking the connection failed unexpectedly", exc_info=(type(exc), exc, exc.__traceback__))
        self._attempt += 1
        self._wait()
