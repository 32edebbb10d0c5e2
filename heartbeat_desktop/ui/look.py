"""The application's look: its icon and style sheet, from ``resources/``.

Where the files are is :mod:`heartbeat_desktop.core.resources`' business (the
source tree or the frozen bundle).  The style sheet names its images
``heartbeat:<path inside resources/>``; :func:`apply_look` maps that prefix
to the resources folder.  A missing or unreadable file leaves the platform's
defaults in place and is logged: the desk still works without it.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from PySide6.QtCore import QDir
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from heartbeat_desktop import APP_SLUG
from heartbeat_desktop.core import resources

log = logging.getLogger(__name__)
SEARCH_PREFIX = "heartbeat"  # url(heartbeat:style/arrow-down.png) in the style sheet
_IMAGE_URL = re.compile(r"url\(\s*[\"']?" + SEARCH_PREFIX + r":([^\"')]+)[\"']?\s*\)")


def app_icon() -> QIcon:
    """The application icon in every size rendered (null if none is found)."""
    icon = QIcon()
    for path in resources.icon_pngs():
        icon.addFile(str(path))
    return icon


def style_sheet() -> str:
    """The style sheet's text; raises OSError if it cannot be read."""
    return resources.style_sheet_path().read_text(encoding="utf-8")


def style_images(sheet: str) -> list[Path]:
    """The image files that ``sheet`` names (whether they exist or not)."""
    return [resources.resource_path(*name.strip().split("/")) for name in _IMAGE_URL.findall(sheet)]


def apply_look(app: QApplication) -> None:
    """Give ``app`` its icon (also the windows'), desktop entry name and style sheet."""
    QGuiApplication.setDesktopFileName(APP_SLUG)  # Wayland's app id: heartbeat-desktop.desktop
    QDir.setSearchPaths(SEARCH_PREFIX, [str(resources.resources_dir())])
    icon = app_icon()
    if icon.isNull():
        log.warning("no application icon in %s", resources.resource_path("icons"))
    else:
        app.setWindowIcon(icon)
    try:
        app.setStyleSheet(style_sheet())
    except OSError as exc:
        log.warning("no style sheet, the platform's look is used: %s", exc)
