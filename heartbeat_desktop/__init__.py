"""Heartbeat Desktop: a clinic front-desk application.

The package is layered: ``core`` (settings, database, security), ``models``,
``schemas``, ``repositories``, ``services`` (the one API that the GUI, the
command line and the tests use), ``migrations`` and ``ui`` (the only Qt code).
"""

__version__ = "0.1.0"
APP_NAME = "Heartbeat Desktop"
APP_SLUG = "heartbeat-desktop"
