"""HEARTBEAT_QUIT_AFTER_SHOW=1: the app shows its first dialog, names it and quits
(how CI proves that the frozen build starts, and how its start-up is timed)."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtWidgets import QDialog

from heartbeat_desktop.ui.application import QUIT_AFTER_SHOW, quit_after_show
from tests.test_self_check import isolated_env


def test_quit_after_show_names_the_shown_dialog_and_quits(qtbot, qapp, capsys):
    dialog = QDialog()
    dialog.setObjectName("someDialog")
    qtbot.addWidget(dialog)
    dialog.show()
    quit_after_show(qapp)
    assert qapp.exec() == 0
    shown = capsys.readouterr().out.splitlines()
    assert len(shown) == 1 and shown[0].startswith("shown: ") and "someDialog" in shown[0]


def test_first_start_shows_the_setup_dialog_and_quits(tmp_path):
    env = dict(isolated_env(tmp_path), QT_QPA_PLATFORM="offscreen", **{QUIT_AFTER_SHOW: "1"})
    del env["DATABASE_URL"]
    done = subprocess.run([sys.executable, "-m", "heartbeat_desktop"], env=env, capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines() == ["shown: setupDialog"]
    assert (tmp_path / "data" / "heartbeat.sqlite3").is_file()  # a real start: the database was made
