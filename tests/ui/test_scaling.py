"""Text readable at 150% system scaling: every page and the main dialogs, run in a
process of their own with ``QT_SCALE_FACTOR=1.5``, have no label or button whose
text is wider than the widget (:mod:`tests.ui.scaled_check`)."""

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QLabel, QPushButton

from tests.ui.scaled_check import clipped

ROOT = Path(__file__).resolve().parents[2]


def test_no_text_is_clipped_at_150_percent():
    env = dict(os.environ, QT_SCALE_FACTOR="1.5", QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    run = subprocess.run([sys.executable, "-m", "tests.ui.scaled_check"], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=600)
    lines = [line for line in run.stdout.splitlines() if line.startswith("CLIPPED ")]
    assert run.returncode == 0 and lines, run.stderr[-3000:]
    assert json.loads(lines[-1].removeprefix("CLIPPED ")) == {}


def test_the_check_sees_a_clipped_button_and_label(qtbot):
    from PySide6.QtWidgets import QHBoxLayout, QWidget

    root = QWidget()
    qtbot.addWidget(root)
    button, label, room = QPushButton("Back to scheduled"), QLabel("Session: 11 h 59 min left"), QLabel("Fits")
    button.setFixedWidth(40)
    label.setFixedWidth(40)
    layout = QHBoxLayout(root)
    for widget in (button, label, room):
        layout.addWidget(widget)
    root.show()
    qtbot.waitExposed(root)
    found = clipped(root)
    assert len(found) == 2 and "'Back to scheduled'" in found[0] and "'Session: 11 h 59 min left'" in found[1]
