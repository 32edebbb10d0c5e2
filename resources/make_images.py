"""Render the PNG, ICO and ICNS files in resources/ from their SVG sources.

    QT_QPA_PLATFORM=offscreen python resources/make_images.py

- ``icons/heartbeat-desktop.svg``: the application icon, as PNGs of every size
  desktops ask for, ``heartbeat-desktop.ico`` (Windows) and
  ``heartbeat-desktop.icns`` (macOS); both hold PNG images, which both formats accept;
- ``style/*.svg``: the style sheet's arrows, at their size and twice it (``@2x``).

Run it after changing an SVG and commit the results: the application and the
build use the rendered files and never render SVG themselves (so the bundle
needs no SVG support).
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
ICONS = HERE / "icons"
STYLE = HERE / "style"
NAME = "heartbeat-desktop"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types that hold PNG data, by pixel size
ICNS_TYPES = ((b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256),
              (b"ic09", 512), (b"ic10", 1024), (b"ic11", 32), (b"ic12", 64), (b"ic13", 256),
              (b"ic14", 512))


def renderer_for(svg: Path) -> QSvgRenderer:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {svg}")
    return renderer


def render(renderer: QSvgRenderer, width: int, height: int) -> bytes:
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise OSError(f"could not encode a {width}x{height} PNG")
    return bytes(data.data())


def ico(images: dict[int, bytes]) -> bytes:
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, png in sorted(images.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def icns(pngs: dict[int, bytes]) -> bytes:
    body = b"".join(kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
                    for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def write(path: Path, data: bytes) -> None:
    path.write_bytes(data)
    print(f"{path.relative_to(HERE)}: {len(data)} bytes")


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - QPainter needs one
    icon = renderer_for(ICONS / f"{NAME}.svg")
    sizes = sorted(set(PNG_SIZES) | set(ICO_SIZES) | {size for _kind, size in ICNS_TYPES})
    pngs = {size: render(icon, size, size) for size in sizes}
    for size in PNG_SIZES:
        write(ICONS / f"{NAME}-{size}.png", pngs[size])
    write(ICONS / f"{NAME}.ico", ico({size: pngs[size] for size in ICO_SIZES}))
    write(ICONS / f"{NAME}.icns", icns(pngs))
    for svg in sorted(STYLE.glob("*.svg")):
        renderer = renderer_for(svg)
        size = renderer.defaultSize()
        write(svg.with_suffix(".png"), render(renderer, size.width(), size.height()))
        write(svg.with_name(f"{svg.stem}@2x.png"), render(renderer, 2 * size.width(), 2 * size.height()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
