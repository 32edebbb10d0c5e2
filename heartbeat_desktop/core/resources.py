"""Where the application's resources are: icons, the style sheet, translations.

They live in ``resources/`` beside the package in the source tree, and in
``resources/`` inside the bundle when the application is frozen with
PyInstaller (``sys._MEIPASS``).  This is the only module that knows the
difference; everything else asks it for paths.
"""

from __future__ import annotations

import sys
from pathlib import Path

from heartbeat_desktop import APP_SLUG

RESOURCES_DIR_NAME = "resources"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)  # the PNGs desktops ask for


def resources_dir() -> Path:
    """The ``resources`` folder: the frozen bundle's, else the source tree's."""
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle) / RESOURCES_DIR_NAME
    return Path(__file__).resolve().parents[2] / RESOURCES_DIR_NAME


def resource_path(*parts: str) -> Path:
    """A file or folder inside ``resources`` (it may not exist: callers check)."""
    return resources_dir().joinpath(*parts)


def icon_svg() -> Path:
    return resource_path("icons", f"{APP_SLUG}.svg")


def icon_pngs() -> list[Path]:
    """The application icon's PNG renderings that exist, smallest first."""
    paths = (resource_path("icons", f"{APP_SLUG}-{size}.png") for size in ICON_SIZES)
    return [path for path in paths if path.is_file()]


def style_sheet_path() -> Path:
    return resource_path("style", "heartbeat.qss")


def translations_dir() -> Path:
    return resource_path("translations")
