"""Test configuration: Qt offscreen, the shared fixtures from ``tests.helpers``."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = ["tests.helpers"]
