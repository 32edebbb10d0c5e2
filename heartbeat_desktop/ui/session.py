"""The signed-in session held by the window: token, user, expiry, idle lock.

When the token expires, or after ``idle_minutes`` without keyboard or mouse
input (privacy at a public desk), ``lock_requested`` is emitted; the window
covers itself with the lock screen and open forms keep their content.
"""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from heartbeat_desktop.schemas import AuthSession, UserRead

DEFAULT_IDLE_MINUTES = 10
_INPUT_EVENTS = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel}


class SessionHolder(QObject):
    lock_requested = Signal(str)  # the reason, for the lock screen
    changed = Signal()

    def __init__(self, auth: AuthSession, idle_minutes: float = DEFAULT_IDLE_MINUTES,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._auth = auth
        self.locked = False
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(int(idle_minutes * 60_000))
        self._idle.timeout.connect(lambda: self.lock(self.tr("Locked after a period of inactivity.")))
        self._expiry = QTimer(self)
        self._expiry.setSingleShot(True)
        self._expiry.timeout.connect(lambda: self.lock(self.tr("Your session has expired.")))
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._arm()

    @property
    def token(self) -> str:
        return self._auth.token

    @property
    def auth(self) -> AuthSession:
        return self._auth

    @property
    def user(self) -> UserRead:
        return self._auth.user

    @property
    def expires_at(self) -> datetime:
        return self._auth.expires_at

    def seconds_left(self) -> int:
        return max(0, int((self._auth.expires_at - datetime.now(timezone.utc)).total_seconds()))

    def lock(self, reason: str) -> None:
        if not self.locked:
            self.locked = True
            self._idle.stop()
            self._expiry.stop()
            self.lock_requested.emit(reason)

    def renew(self, auth: AuthSession) -> None:
        """After the password was entered again on the lock screen, or changed."""
        self._auth = auth
        self.locked = False
        self._arm()
        self.changed.emit()

    def _arm(self) -> None:
        self._idle.start()
        self._expiry.start(max(1, self.seconds_left()) * 1000)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.locked and event.type() in _INPUT_EVENTS:
            self._idle.start()  # any input restarts the idle countdown
        return False
