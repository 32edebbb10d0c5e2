"""The main window: pages in tabs, menus with the standard shortcuts, status bar, lock.

Pages are built by the factories in :mod:`heartbeat_desktop.ui.pages.registry`
for the signed-in role.  Size, position, last page and column widths are kept
in QSettings.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from heartbeat_desktop import APP_NAME, __version__
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.services.changes import Change
from heartbeat_desktop.services.permissions import Permission, allowed
from heartbeat_desktop.ui.backup_action import BackupRunner
from heartbeat_desktop.ui.connection_banner import ConnectionBanner
from heartbeat_desktop.ui.connection_monitor import ConnectionMonitor
from heartbeat_desktop.ui.dialogs.password import ChangePasswordDialog
from heartbeat_desktop.ui.dialogs.patient_import import PatientImportDialog
from heartbeat_desktop.ui.dialogs.shortcuts import ShortcutsDialog
from heartbeat_desktop.ui.dialogs.visit_types import VisitTypesDialog
from heartbeat_desktop.ui.errors import session_refusals, translated
from heartbeat_desktop.ui.export_action import ExportRunner
from heartbeat_desktop.ui.language_menu import LanguageMenu
from heartbeat_desktop.ui.live_updates import ANYTHING, LiveUpdates, refresh_pages
from heartbeat_desktop.ui.lock_screen import LockScreen
from heartbeat_desktop.ui.pages.registry import build_pages
from heartbeat_desktop.ui.restore_action import RestoreRunner
from heartbeat_desktop.ui.session import SessionHolder
from heartbeat_desktop.ui.widgets import named

STATUS_REFRESH_MS = 30_000


class MainWindow(QMainWindow):
    logged_out = Signal()

    def __init__(self, services: Heartbeat, session: SessionHolder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "mainWindow", APP_NAME)
        self.services = services
        self.session = session
        self.setWindowTitle(f"{APP_NAME} — {session.user.display_name}")
        self.tabs = named(QTabWidget(), "mainTabs", self.tr("Pages"))
        self.pages: dict[str, QWidget] = {}
        for page in build_pages(services, session):
            self.pages[page.objectName()] = page
            self.tabs.addTab(page, page.accessibleName())
        self.connection = ConnectionMonitor(services.ping, self)
        self.banner = ConnectionBanner(self.connection)
        self.setCentralWidget(self._stacked(self.banner, self.tabs))
        self.lock_screen = LockScreen(services, session.user.username, self)
        self.lock_screen.unlocked.connect(self._unlocked)
        self.lock_screen.logout_requested.connect(self.logout)
        session.lock_requested.connect(self.lock)
        session_refusals.refused.connect(session.lock)
        self._hidden_dialogs: list[QDialog] = []
        self._build_menus()
        self._build_status_bar()
        self._restore()
        self._stale: set[QWidget] = set()  # pages another desk changed while they were hidden
        self.live = LiveUpdates(services, self)
        self.live.changed.connect(lambda entities: refresh_pages(self.pages.values(), entities, self._stale))
        self.live.connection.connect(self._feed_connection)
        self.connection.restored.connect(
            lambda: refresh_pages(self.pages.values(), frozenset({ANYTHING}), self._stale))
        self.tabs.currentChanged.connect(self._page_shown)

    @staticmethod
    def _stacked(*widgets: QWidget) -> QWidget:
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        for widget in widgets:
            layout.addWidget(widget)
        return holder

    def _feed_connection(self, connected: bool) -> None:
        """The live feed's own connection is the first to notice the server going and coming back."""
        if connected:
            self.connection.retry_now()
        else:
            self.connection.report_lost()

    # --- pages ------------------------------------------------------------------------
    def current_page(self) -> QWidget:
        return self.tabs.currentWidget()

    def _page_shown(self, _index: int) -> None:
        page = self.current_page()
        if page in self._stale:
            self._stale.discard(page)
            page.refresh()  # type: ignore[attr-defined]

    def show_page(self, object_name: str) -> QWidget | None:
        page = self.pages.get(object_name)
        if page is not None:
            self.tabs.setCurrentWidget(page)
        return page

    def _on_page(self, method: str) -> None:
        action = getattr(self.current_page(), method, None)
        if callable(action):
            action()

    # --- menus and status ---------------------------------------------------------------
    def _action(self, text: str, slot, shortcut=None, name: str | None = None) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if name:
            action.setObjectName(name)
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self._action(self.tr("Change &password…"), self.change_password, None,
                                         "changePasswordAction"))
        file_menu.addAction(self._action(self.tr("Sign &out"), self.logout, None, "logoutAction"))
        file_menu.addAction(self._action(self.tr("&Lock"), lambda: self.session.lock(self.tr("Locked.")),
                                         "Ctrl+L", "lockAction"))
        settings = self.services.ctx.settings
        self.language_menu = LanguageMenu(settings.config_dir, settings.language, self)
        file_menu.addMenu(self.language_menu.menu)
        file_menu.addSeparator()
        self.exports = ExportRunner(self.services, self.session, self)
        if allowed(self.session.user.role, Permission.VIEW_APPOINTMENTS):
            file_menu.addAction(self._action(self.tr("&Export appointments…"), self.exports.export_appointments,
                                             None, "exportAppointmentsAction"))
        if allowed(self.session.user.role, Permission.EXPORT_PATIENTS):
            file_menu.addAction(self._action(self.tr("Export pa&tients…"), self.exports.export_patients, None,
                                             "exportPatientsAction"))
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit, "quitAction"))
        edit_menu = bar.addMenu(self.tr("&Records"))
        edit_menu.addAction(self._action(self.tr("&New"), lambda: self._on_page("create_record"),
                                         QKeySequence.StandardKey.New, "newAction"))
        edit_menu.addAction(self._action(self.tr("&Find"), lambda: self._on_page("focus_search"),
                                         QKeySequence.StandardKey.Find, "findAction"))
        edit_menu.addAction(self._action(self.tr("&Refresh"), lambda: self._on_page("refresh"),
                                         QKeySequence.StandardKey.Refresh, "refreshAction"))
        if allowed(self.session.user.role, Permission.EDIT_PATIENTS):
            edit_menu.addSeparator()
            edit_menu.addAction(self._action(self.tr("&Import patients…"), self.open_patient_import, None,
                                             "importPatientsAction"))
        go_menu = bar.addMenu(self.tr("&Go"))
        for i in range(self.tabs.count()):
            page = self.tabs.widget(i)
            go_menu.addAction(self._action(page.accessibleName(),
                                           lambda _checked=False, p=page: self.tabs.setCurrentWidget(p),
                                           f"Alt+{i + 1}"))
        role = self.session.user.role
        tools = [p for p in (Permission.MANAGE_APPOINTMENT_TYPES, Permission.MAINTAIN_DATABASE) if allowed(role, p)]
        tools_menu = bar.addMenu(self.tr("&Tools")) if tools else None
        if tools_menu is not None and Permission.MANAGE_APPOINTMENT_TYPES in tools:
            tools_menu.addAction(self._action(self.tr("&Visit types…"), self.open_visit_types, None,
                                              "visitTypesAction"))
            tools_menu.addSeparator()
        if tools_menu is not None and Permission.MAINTAIN_DATABASE in tools:
            self.backup = BackupRunner(self.services, self.session, self)
            tools_menu.addAction(self._action(self.tr("&Back up the database…"), self.backup.ask_and_run, None,
                                              "backupAction"))
            self.restore_runner = RestoreRunner(self.services, self.session, self)
            self.restore_runner.restored.connect(self.logout)
            tools_menu.addAction(self._action(self.tr("&Restore from a backup…"), self.restore_runner.ask_and_run,
                                              None, "restoreAction"))
        help_menu = bar.addMenu(self.tr("&Help"))
        shortcuts = self._action(self.tr("&Keyboard shortcuts"), self.show_shortcuts, None, "shortcutsAction")
        shortcuts.setShortcuts([QKeySequence(QKeySequence.StandardKey.HelpContents), QKeySequence("Ctrl+/")])
        help_menu.addAction(shortcuts)
        help_menu.addAction(self._action(self.tr("&About"), self._about, None, "aboutAction"))

    def _build_status_bar(self) -> None:
        user = self.session.user
        self.user_label = named(QLabel(f"{user.display_name} ({translated(user.role.label)})"), "statusUser")
        self.database_label = named(QLabel(translated(self.services.database_label)), "statusDatabase")
        self.time_label = named(QLabel(), "statusSessionTime")
        for label in (self.user_label, self.database_label, self.time_label):
            self.statusBar().addPermanentWidget(label)
        self._status_timer = QTimer(self)
        self._status_timer.timeout.connect(self._update_time_left)
        self._status_timer.start(STATUS_REFRESH_MS)
        self._update_time_left()

    def _update_time_left(self) -> None:
        minutes = self.session.seconds_left() // 60
        self.time_label.setText(self.tr("Session: {0} h {1:02d} min left").format(minutes // 60, minutes % 60))

    def _about(self) -> None:
        QMessageBox.about(self, APP_NAME, self.tr("{0} {1}\nDatabase: {2}").format(
            APP_NAME, __version__, translated(self.services.database_label)))

    # --- lock and logout --------------------------------------------------------------------
    def lock(self, reason: str) -> None:
        self._hidden_dialogs = [d for d in self.findChildren(QDialog) if d.isVisible()]
        for dialog in self._hidden_dialogs:
            dialog.hide()  # kept with its content, shown again after unlock
        self.lock_screen.cover(reason)

    def _unlocked(self, auth: object) -> None:
        self.session.renew(auth)  # type: ignore[arg-type]
        for dialog in self._hidden_dialogs:
            dialog.show()
        self._hidden_dialogs = []
        self._update_time_left()

    def show_shortcuts(self) -> ShortcutsDialog:
        """Help → Keyboard shortcuts: read from this window's menus, pages and buttons as they are."""
        dialog = ShortcutsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_visit_types(self) -> VisitTypesDialog:
        dialog = VisitTypesDialog(self.services, self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_patient_import(self) -> PatientImportDialog:
        dialog = PatientImportDialog(self.services, self.session, self)
        dialog.imported.connect(lambda _result: refresh_pages(
            self.pages.values(), frozenset({Change("patient")}), self._stale))  # this desk's own import
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def change_password(self) -> ChangePasswordDialog:
        dialog = ChangePasswordDialog(self.services, self.session.auth, parent=self)
        dialog.changed.connect(self._password_changed)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _password_changed(self, auth: object) -> None:
        self.session.renew(auth)  # type: ignore[arg-type]
        self._update_time_left()
        self.statusBar().showMessage(self.tr("Password changed. Other desks signed in as you must sign in again."),
                                     10_000)

    def logout(self) -> None:
        self._save()
        try:
            self.services.auth.logout(self.session.token)
        except Exception:  # noqa: BLE001 - an expired session is already over
            pass
        self.logged_out.emit()
        self.close()

    # --- window state ---------------------------------------------------------------------------
    def _settings(self) -> QSettings:
        return QSettings()

    def _restore(self) -> None:
        settings = self._settings()
        geometry = settings.value("mainWindow/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 780)
        last = settings.value("mainWindow/page")
        if isinstance(last, str) and last in self.pages:
            self.show_page(last)
        for table in self.findChildren(QTableView):
            state = settings.value(f"tables/{table.objectName()}")
            if state is not None:
                table.horizontalHeader().restoreState(state)

    def _save(self) -> None:
        settings = self._settings()
        settings.setValue("mainWindow/geometry", self.saveGeometry())
        settings.setValue("mainWindow/page", self.current_page().objectName())
        for table in self.findChildren(QTableView):
            settings.setValue(f"tables/{table.objectName()}", table.horizontalHeader().saveState())

    def closeEvent(self, event: QCloseEvent) -> None:
        self._save()
        self.live.stop()
        self.connection.stop()
        super().closeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.lock_screen.isVisible():
            self.lock_screen.setGeometry(self.rect())
