"""The strip across the top of the main window while the database server is away.

It shows what a :class:`~heartbeat_desktop.ui.connection_monitor.ConnectionMonitor`
knows: "connection lost, retrying in N s" with a *Retry now* button, then
"connection restored" for a few seconds.  Hidden the rest of the time.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from heartbeat_desktop.ui.connection_monitor import ConnectionMonitor
from heartbeat_desktop.ui.widgets import named

RESTORED_SHOWN_MS = 4000
LOST_STYLE = "QFrame#connectionBanner { background: #fdecea; border-bottom: 1px solid #e0a19b; }"
RESTORED_STYLE = "QFrame#connectionBanner { background: #e7f4ea; border-bottom: 1px solid #9cc9a6; }"


class ConnectionBanner(QFrame):
    def __init__(self, monitor: ConnectionMonitor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "connectionBanner", self.tr("Connection to the database"))
        self.label = named(QLabel(), "connectionBannerText")
        self.label.setWordWrap(True)
        self.retry_button = named(QPushButton(self.tr("Retry &now")), "connectionRetryButton",
                                  self.tr("Try to reach the database server now"))
        self.retry_button.clicked.connect(monitor.retry_now)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.retry_button)
        self._hide_later = QTimer(self)
        self._hide_later.setSingleShot(True)
        self._hide_later.setInterval(RESTORED_SHOWN_MS)
        self._hide_later.timeout.connect(self.hide)
        monitor.waiting.connect(self._waiting)
        monitor.checking.connect(self._checking)
        monitor.restored.connect(self._restored)
        self.hide()

    def _lost(self, text: str) -> None:
        self._hide_later.stop()
        self.setStyleSheet(LOST_STYLE)
        self.label.setText(text)
        self.retry_button.show()
        self.show()

    def _waiting(self, seconds: int) -> None:
        self._lost(self.tr("The connection to the database server is lost; nothing can be saved until it answers "
                           "again. Retrying in {0} s… What you have typed is kept.").format(seconds))
        self.retry_button.setEnabled(True)

    def _checking(self) -> None:
        self._lost(self.tr("The connection to the database server is lost. Retrying now…"))
        self.retry_button.setEnabled(False)

    def _restored(self) -> None:
        self.setStyleSheet(RESTORED_STYLE)
        self.label.setText(self.tr("The connection to the database server is back. Anything that was not saved "
                                   "can be saved again now."))
        self.retry_button.hide()
        self.show()
        self._hide_later.start()
