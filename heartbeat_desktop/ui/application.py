"""Start-up: the QApplication, the services, first-start setup or login, the window.

The sign-in dialog shows first, with Qt alone loaded; the services (SQLAlchemy,
pydantic, the database) load and open behind it, off the GUI thread, while the
user types.  No accounts yet: the first-start setup takes its place.  A
database that cannot be opened gives a plain message box (and the chance to
change the connection), never a traceback.  Unexpected errors anywhere in the
GUI are logged and shown as a dialog; the application keeps running.
"""

from __future__ import annotations

import logging
import os
import sys
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, QTimer, Signal, SignalInstance
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from heartbeat_desktop import APP_NAME, __version__
from heartbeat_desktop.core.errors import HeartbeatError
from heartbeat_desktop.core.settings import Settings, load_settings
from heartbeat_desktop.ui.alive import while_alive
from heartbeat_desktop.ui.dialogs.login import LoginDialog
from heartbeat_desktop.ui.errors import show_error
from heartbeat_desktop.ui.i18n import install_language
from heartbeat_desktop.ui.look import apply_look
from heartbeat_desktop.ui.operations import Operation

# imported where first needed, after the sign-in dialog is on screen: each pulls in
# SQLAlchemy or pydantic, which is most of a start-up's time
if TYPE_CHECKING:
    from heartbeat_desktop.services import Heartbeat
    from heartbeat_desktop.ui.dialogs.connection import ConnectionDialog
    from heartbeat_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)
# CI and start-up timing: show the first window, say which, quit (see quit_after_show)
QUIT_AFTER_SHOW = "HEARTBEAT_QUIT_AFTER_SHOW"


def application(argv: list[str] | None = None) -> QApplication:
    """The running QApplication, created if there is none yet (tests make their own),
    with the application's icon and style sheet."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName("Heartbeat")
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication(argv if argv is not None else sys.argv[:1])
    apply_look(app)
    return app


def reload_settings(settings: Settings) -> Settings:
    """Read the config file again, keeping this run's folders (and clinic zone)."""
    env = dict(os.environ, HEARTBEAT_DATA_DIR=str(settings.data_dir),
               HEARTBEAT_CONFIG_DIR=str(settings.config_dir), HEARTBEAT_LOG_DIR=str(settings.log_dir))
    return load_settings(env=env, clinic_timezone=settings.clinic_timezone)


def open_services(settings: Settings) -> tuple[Heartbeat, bool]:
    """Load and open the services, and say whether any account exists (runs in a worker)."""
    from heartbeat_desktop.services import Heartbeat

    services = Heartbeat.open(settings)
    try:
        return services, services.auth.has_users()
    except BaseException:
        services.close()
        raise


class Controller(QObject):
    """Owns the services and walks the user from sign-in to the main window and back."""

    window_shown = Signal(object)
    settled = Signal()  # start-up is over: the database is open, or the user was told why not

    def __init__(self, settings: Settings | None = None) -> None:
        super().__init__()
        self.settings = settings or load_settings()
        self.services: Heartbeat | None = None
        self.window: MainWindow | None = None
        self.dialog: QDialog | None = None
        self.connection_dialog: ConnectionDialog | None = None
        self.error_box: QMessageBox | None = None

    def start(self) -> None:
        """Show the sign-in dialog now; open the database behind it (``settled`` follows).

        No account yet: the first-start setup replaces the dialog.  If the
        database cannot be opened, say why and offer the connection dialog
        (switch to this computer's file, or fix the server's address).
        """
        self._show_dialog(LoginDialog(None))
        op = Operation(open_services, self.settings)
        op.succeeded.connect(self._opened)
        op.failed.connect(self._open_failed)
        op.start()

    def _opened(self, opened: tuple[Heartbeat, bool]) -> None:
        self.services, has_users = opened
        if has_users and isinstance(self.dialog, LoginDialog):
            self.dialog.attach(self.services)
        else:
            self._drop_dialog()
            self.show_sign_in()
        self._daily_backup()
        self.settled.emit()

    def _daily_backup(self) -> None:
        """The day's first start copies a SQLite database into the backups folder, behind the dialog."""
        assert self.services is not None
        op = Operation(self.services.backup.daily)
        op.failed.connect(while_alive(
            self, lambda exc: show_error(self.dialog, exc, self.tr("Today's automatic backup failed"))))
        op.start()

    def _open_failed(self, exc: BaseException) -> None:
        self._drop_dialog()
        if not isinstance(exc, HeartbeatError | ValueError):
            log.error("the database could not be opened", exc_info=exc)
        self.error_box = show_error(None, exc)
        self.error_box.finished.connect(lambda _result: self.change_database(quit_on_cancel=True))
        self.settled.emit()

    def show_sign_in(self) -> None:
        assert self.services is not None
        if self.services.auth.has_users():
            self._show_dialog(LoginDialog(self.services))
        else:
            from heartbeat_desktop.ui.dialogs.setup import SetupDialog

            self._show_dialog(SetupDialog(self.services))

    def _show_dialog(self, dialog: QDialog) -> None:
        self.dialog = dialog
        if isinstance(dialog, LoginDialog):
            dialog.database_requested.connect(self.change_database)
        dialog.signed_in.connect(self.show_main_window)  # type: ignore[attr-defined]
        dialog.rejected.connect(self._gave_up)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def _drop_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.rejected.disconnect(self._gave_up)
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None

    def change_database(self, quit_on_cancel: bool = False) -> None:
        """ "Database…": save a new choice, reopen the services, sign in again."""
        from heartbeat_desktop.ui.dialogs.connection import ConnectionDialog

        self.connection_dialog = ConnectionDialog(self.settings, self.dialog)
        self.connection_dialog.accepted.connect(self._reopen)
        if quit_on_cancel:
            self.connection_dialog.rejected.connect(QApplication.instance().quit)
        self.connection_dialog.open()

    def _reopen(self) -> None:
        self.close()
        self.settings = reload_settings(self.settings)
        self._drop_dialog()
        self.start()

    def show_main_window(self, auth: object) -> None:
        """The window, once the user has their own password (a temporary one set
        by an administrator is changed first, or the user signs out)."""
        assert self.services is not None
        if auth.user.must_change_password:  # type: ignore[attr-defined]
            from heartbeat_desktop.ui.dialogs.password import ChangePasswordDialog

            self.dialog = ChangePasswordDialog(self.services, auth, forced=True)  # type: ignore[arg-type]
            self.dialog.changed.connect(self.show_main_window)
            self.dialog.rejected.connect(lambda: self._sign_out(auth))
            self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.dialog.show()
            return
        # imported here: the sign-in dialog appears without waiting for every page's code
        from heartbeat_desktop.ui.main_window import MainWindow
        from heartbeat_desktop.ui.session import SessionHolder

        idle = self.settings.idle_lock.total_seconds() / 60
        session = SessionHolder(auth, idle_minutes=idle)  # type: ignore[arg-type]

        self.window = MainWindow(self.services, session)
        session.setParent(self.window)
        self.window.logged_out.connect(self.show_sign_in)
        self.window.show()
        self.window_shown.emit(self.window)

    def _sign_out(self, auth: object) -> None:
        assert self.services is not None
        op = Operation(self.services.auth.logout, auth.token)  # type: ignore[attr-defined]
        op.failed.connect(while_alive(
            self, lambda exc: log.info("sign-out: %s", exc)))  # an ended session is over anyway
        op.start()
        self.show_sign_in()

    def _gave_up(self) -> None:
        if self.window is None or not self.window.isVisible():
            QApplication.instance().quit()

    def close(self) -> None:
        if self.services is not None:
            self.services.close()
            self.services = None


def _excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """Last line of defence: log it, show it, keep running."""
    log.error("unhandled error", exc_info=(exc_type, exc, tb))
    if QApplication.instance() is not None:
        show_error(QApplication.activeWindow(), exc)


def visible_windows() -> str:
    shown = [w.objectName() or type(w).__name__ for w in QApplication.topLevelWidgets() if w.isVisible()]
    return ", ".join(shown) or "nothing"


def quit_after_show(app: QApplication, settled: SignalInstance) -> None:
    """Print ``first window: <objectName>`` once the event loop runs, then, when
    start-up has settled, ``shown: <objectName>`` for the windows on screen and
    quit: exit status 0 if one was shown, else 1.

    Set ``HEARTBEAT_QUIT_AFTER_SHOW=1`` to check that a (frozen) build gets as
    far as its first dialog, and to time how long that takes."""
    def report() -> None:
        shown = visible_windows()
        print(f"shown: {shown}", flush=True)
        app.exit(0 if shown != "nothing" else 1)

    QTimer.singleShot(0, lambda: print(f"first window: {visible_windows()}", flush=True))
    settled.connect(lambda: QTimer.singleShot(0, report))


def run(argv: list[str] | None = None) -> int:
    app = application(argv)
    sys.excepthook = _excepthook
    controller = Controller()
    install_language(controller.settings.language)  # before the first window: dates and texts follow it
    if os.environ.get(QUIT_AFTER_SHOW, "") not in ("", "0"):
        quit_after_show(app, controller.settled)
    controller.start()
    try:
        return app.exec()
    finally:
        QThreadPool.globalInstance().waitForDone()  # a service call still running ends first
        controller.close()
