"""Test configuration: Qt offscreen, the shared fixtures from ``tests.helpers``."""

import os

import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Whatever a test forgets to point elsewhere lands here, never in the real user's folders.
_scratch = tempfile.mkdtemp(prefix="heartbeat-tests-")
for _name in ("HEARTBEAT_DATA_DIR", "HEARTBEAT_CONFIG_DIR", "HEARTBEAT_LOG_DIR"):
    os.environ[_name] = os.path.join(_scratch, _name.rsplit("_", 2)[1].lower())

pytest_plugins = ["tests.helpers"]
