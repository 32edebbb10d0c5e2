from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.ui.main_window import MainWindow


def test_main_window_shows_database_and_first_start_hint(qtbot, settings):
    with Heartbeat.open(settings) as services:
        window = MainWindow(services)
        qtbot.addWidget(window)
        window.show()
        text = window.findChild(type(window.centralWidget()), "statusMessage").text()
        assert services.database_label in text
        assert "users create" in text  # no users yet: the admin must be created first
        assert "password" not in text.lower()
