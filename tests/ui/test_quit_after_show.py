"""HEARTBEAT_QUIT_AFTER_SHOW=1: the app shows its first dialog, names it and quits
(how CI proves that the frozen build starts, and how its start-up is timed)."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QDialog

from heartbeat_desktop.ui.application import QUIT_AFTER_SHOW, quit_after_show
from tests.test_self_check import isolated_env


class StartUp(QObject):
    settled = Signal()


def test_quit_after_show_names_the_first_and_the_settled_dialog_and_quits(qtbot, qapp, capsys):
    first, then = QDialog(), QDialog()
    first.setObjectName("firstDialog")
    then.setObjectName("thenDialog")
    for dialog in (first, then):
        qtbot.addWidget(dialog)
    first.show()
    start = StartUp()

    def settle() -> None:
        first.hide()
        then.show()
        start.settled.emit()

    quit_after_show(qapp, start.settled)
    QTimer.singleShot(50, settle)
    assert qapp.exec() == 0
    first_line, settled_line = capsys.readouterr().out.splitlines()  # (other tests' windows may show too)
    assert first_line.startswith("first window: ") and "firstDialog" in first_line
    assert settled_line.startswith("shown: ") and "thenDialog" in settled_line and "firstDialog" not in settled_line


def test_first_start_shows_the_setup_dialog_and_quits(tmp_path):
    env = dict(isolated_env(tmp_path), QT_QPA_PLATFORM="offscreen", **{QUIT_AFTER_SHOW: "1"})
    del env["DATABASE_URL"]
    done = subprocess.run([sys.executable, "-m", "heartbeat_desktop"], env=env, capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    # the sign-in dialog first, at once; the database found empty, the setup in its place
    assert done.stdout.splitlines() == ["first window: loginDialog", "shown: setupDialog"]
    assert (tmp_path / "data" / "heartbeat.sqlite3").is_file()  # a real start: the database was made
