"""The server stops and starts under a running window: banner, reconnection, the form kept, one save.

A private PostgreSQL server (tests.private_postgres) is stopped as a restart
does it.  The window must notice by itself (its live-refresh connection
drops), say so in a banner, keep the open form and its content when Save
fails, reconnect on its own once the server is back, and then the save
pressed again lands exactly once.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.ui.forms.patient_form import PatientForm
from heartbeat_desktop.ui.main_window import MainWindow
from heartbeat_desktop.ui.session import SessionHolder
from tests.helpers import first_admin, settings_at, type_text

pytestmark = pytest.mark.postgresql
RECONNECT_MS = 30_000  # the backoff is 1, 2, 3, 5 s: a restart of a few seconds is seen well within this


@pytest.fixture
def app(tmp_path, private_postgres):  # noqa: ANN001, ANN201
    with Heartbeat.open(settings_at(tmp_path, private_postgres.url)) as hb:
        yield hb


def test_a_restart_under_an_open_form_shows_the_banner_keeps_the_form_and_saves_once(
        qtbot, app, private_postgres):  # noqa: ANN001
    session = SessionHolder(first_admin(app))
    window = MainWindow(app, session)
    qtbot.addWidget(window)
    window.show()
    assert window.live._watcher.ready.wait(10)
    page = window.show_page("patientsPage")
    qtbot.waitUntil(lambda: not page.model.is_loading, timeout=10_000)
    assert not window.banner.isVisible()

    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    form = page.findChild(PatientForm, "patientForm")
    qtbot.addWidget(form, before_close_func=lambda f: setattr(f, "_dirty", False))  # no "discard?" at teardown
    type_text(form.last_name, "Перезапускова")
    type_text(form.first_name, "Вера")
    form.birth_date.set_value(date(1979, 3, 8))
    form.phone.setText("+7 903 555-01-02")
    assert form.save_button.isEnabled()

    private_postgres.stop()
    # nobody pressed anything: the live feed's connection noticed
    qtbot.waitUntil(window.banner.isVisible, timeout=10_000)
    assert "connection to the database server is lost" in window.banner.label.text()

    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "not answering" in form.form_error.text(), timeout=15_000)
    assert form.isVisible() and form.last_name.text() == "Перезапускова" and form.save_button.isEnabled()
    assert "What you typed stays" in form.form_error.text()

    private_postgres.start()
    qtbot.waitUntil(lambda: "server is back" in window.banner.label.text(), timeout=RECONNECT_MS)
    assert not window.banner.retry_button.isVisible()
    assert "press Save" in form.form_error.text()

    with qtbot.waitSignal(form.saved, timeout=15_000):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    saved = app.patients.search(session.token, "Перезапускова")
    assert [(p.last_name, p.first_name) for p in saved] == [("Перезапускова", "Вера")]
    # the banner goes away by itself; the list shows the patient (the page refreshed after reconnecting)
    qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    window.close()


def test_retry_now_reaches_a_server_that_is_back_at_once(qtbot, app, private_postgres):  # noqa: ANN001
    window = MainWindow(app, SessionHolder(first_admin(app)))
    qtbot.addWidget(window)
    window.show()
    assert window.live._watcher.ready.wait(10)
    window.live.stop()  # only the banner's own retries now
    private_postgres.stop()
    window.connection.report_lost()
    assert window.banner.isVisible() and window.banner.retry_button.isEnabled()
    qtbot.waitUntil(lambda: window.connection._attempt >= 1, timeout=10_000)  # the first retry failed
    private_postgres.start()
    qtbot.mouseClick(window.banner.retry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.connection.down, timeout=10_000)
    assert "server is back" in window.banner.label.text()
    window.close()
