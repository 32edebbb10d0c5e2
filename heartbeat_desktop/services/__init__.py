"""The use cases: the one API that the GUI, the command line and the tests use.

Open it with ``Heartbeat.open(settings)``; see :mod:`heartbeat_desktop.services.app`.
"""

from heartbeat_desktop.services.app import Heartbeat

__all__ = ["Heartbeat"]
