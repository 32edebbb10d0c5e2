"""The resources (icon, style sheet, desktop entry, translations) are found and load cleanly."""

from __future__ import annotations

import configparser
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QDir, QSize
from PySide6.QtGui import QImage, QImageReader

from heartbeat_desktop import APP_NAME, APP_SLUG
from heartbeat_desktop.core import resources
from heartbeat_desktop.ui.look import SEARCH_PREFIX, app_icon, apply_look, style_images, style_sheet
from heartbeat_desktop.ui.self_check import apply_and_polish, collect_qt_warnings

SOURCE_RESOURCES = Path(__file__).resolve().parents[1] / "resources"


@pytest.fixture
def restored_look(qapp):
    """Whatever a test does to the application's look is undone afterwards."""
    sheet, icon = qapp.styleSheet(), qapp.windowIcon()
    yield qapp
    qapp.setStyleSheet(sheet)
    qapp.setWindowIcon(icon)


def test_paths_resolve_from_the_source_tree():
    assert resources.resources_dir() == SOURCE_RESOURCES
    assert resources.icon_svg().is_file()
    assert [p.name for p in resources.icon_pngs()] == [f"{APP_SLUG}-{n}.png" for n in resources.ICON_SIZES]
    assert resources.style_sheet_path().is_file()
    assert resources.translations_dir().is_dir()


def test_paths_resolve_inside_a_frozen_bundle(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.resources_dir() == tmp_path / "resources"
    assert resources.style_sheet_path() == tmp_path / "resources" / "style" / "heartbeat.qss"
    assert resources.icon_pngs() == []  # nothing there: callers see no icon rather than an error


def test_the_icon_loads_in_every_size(qapp):
    icon = app_icon()
    assert not icon.isNull()
    for size in resources.ICON_SIZES:
        assert QImage(str(resources.resource_path("icons", f"{APP_SLUG}-{size}.png"))).size() == QSize(size, size)
        assert not icon.pixmap(size, size).isNull()


@pytest.mark.parametrize(("name", "images"), [(f"{APP_SLUG}.ico", 7), (f"{APP_SLUG}.icns", 11)])
def test_the_windows_and_macos_icons_are_readable(qapp, name, images):
    reader = QImageReader(str(resources.resource_path("icons", name)))
    assert reader.canRead(), reader.errorString()
    assert reader.imageCount() == images


def test_the_style_sheet_applies_without_qt_warnings(restored_look):
    sheet = style_sheet()
    assert "font-size" in sheet and ":focus" in sheet
    images = style_images(sheet)
    assert images and all(path.is_file() for path in images)
    assert collect_qt_warnings(lambda: apply_and_polish(restored_look, sheet)) == []


def test_the_warning_check_would_catch_a_broken_style_sheet(restored_look):
    warnings = collect_qt_warnings(lambda: apply_and_polish(restored_look, "QWidget { color: red"))
    assert warnings


def test_apply_look_sets_the_icon_style_and_image_prefix(restored_look):
    apply_look(restored_look)
    assert restored_look.styleSheet() == style_sheet()
    assert not restored_look.windowIcon().isNull()
    assert QDir.searchPaths(SEARCH_PREFIX) == [str(resources.resources_dir())]


def test_the_linux_desktop_entry():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(resources.resource_path(f"{APP_SLUG}.desktop"), encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application"
    assert desktop["Name"] == APP_NAME
    assert desktop["Exec"] == APP_SLUG and desktop["Icon"] == APP_SLUG
    assert desktop["Terminal"] == "false"
    assert desktop["Categories"].endswith(";")
