"""Printing with Qt alone: a sheet (a title and a table), or several, to a printer or to a PDF file.

A page builds its sheet as a :class:`Sheet` (plain strings); :func:`sheet_html`
makes the HTML a ``QTextDocument`` lays out, :func:`save_pdf` writes it with
``QPrinter``'s PDF output (no external tool), and :func:`print_sheet` asks
which printer with Qt's print dialog.  Several sheets (a day sheet per doctor)
print as one document, each from a new page and numbered on its own.  Text
stays text in the PDF, so it can be searched and read back.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from heartbeat_desktop.core.errors import HeartbeatError

MARGIN_MM = 12
FONT_POINTS = 9.0
FOOTER_POINTS = 14.0  # the page number's line
POINTS_PER_INCH = 72


@dataclass(frozen=True)
class Sheet:
    title: str
    subtitle: str
    headers: Sequence[str]
    rows: Sequence[Sequence[str]]
    struck: frozenset[int] = field(default_factory=frozenset)  # rows printed struck through (cancelled)
    footer: str = ""
    widths: Sequence[int] = ()  # each column's share of the width, in percent (none: Qt shares it out)
    unbroken: frozenset[int] = field(default_factory=frozenset)  # columns never wrapped (times, phones)


def sheet_html(sheet: Sheet) -> str:
    widths = list(sheet.widths) or [0] * len(sheet.headers)
    head = "".join(f"<th align='left'{f' width={w}%' if w else ''}>{escape(h)}</th>"
                   for h, w in zip(sheet.headers, widths, strict=True))
    body = []
    for i, row in enumerate(sheet.rows):
        cells = "".join(f"<td style='white-space: nowrap'>{escape(c)}</td>" if j in sheet.unbroken
                        else f"<td>{escape(c)}</td>" for j, c in enumerate(row))
        style = " style='text-decoration: line-through; color: #6b7280'" if i in sheet.struck else ""
        body.append(f"<tr{style}>{cells}</tr>")
    footer = f"<p>{escape(sheet.footer)}</p>" if sheet.footer else ""
    return (f"<h2>{escape(sheet.title)}</h2><p>{escape(sheet.subtitle)}</p>"
            "<table width='100%' border='1' cellspacing='0' cellpadding='4' style='border-collapse: collapse'>"
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>{footer}")


def _document(sheet: Sheet) -> QTextDocument:
    document = QTextDocument()
    document.setDocumentMargin(0)  # the printer's margins are the only ones
    font = document.defaultFont()
    font.setPointSizeF(FONT_POINTS)
    document.setDefaultFont(font)
    document.setHtml(sheet_html(sheet))
    return document


def _paint(sheets: Sequence[Sheet], printer: QPrinter) -> None:
    """Lay each sheet out at the printer's resolution on its printable area, page by page, each
    page numbered "n / N" of its sheet at its foot (QTextDocument.print_ would add margins of 2 cm
    of its own); every sheet starts on a page of its own."""
    area = printer.pageLayout().paintRectPixels(printer.resolution())
    footer = FOOTER_POINTS * printer.resolution() / POINTS_PER_INCH
    width, height = area.width(), area.height() - footer
    documents = []
    for sheet in sheets:
        document = _document(sheet)
        document.documentLayout().setPaintDevice(printer)  # fonts in points, at the printer's dots per inch
        document.setPageSize(QSizeF(width, height))
        documents.append(document)
    painter = QPainter()
    if not painter.begin(printer):
        return  # the caller finds no file and says so
    try:
        painter.setFont(QFont(documents[0].defaultFont(), printer))
        first = True
        for document in documents:
            pages = document.pageCount()
            for number in range(pages):
                if not first:
                    printer.newPage()
                first = False
                painter.save()
                painter.translate(0, -number * height)
                document.drawContents(painter, QRectF(0, number * height, width, height))
                painter.restore()
                painter.drawText(QRectF(0, height, width, footer), Qt.AlignmentFlag.AlignRight
                                 | Qt.AlignmentFlag.AlignBottom, f"{number + 1} / {pages}")
    finally:
        painter.end()


def _sheets(what: Sheet | Sequence[Sheet]) -> list[Sheet]:
    sheets = [what] if isinstance(what, Sheet) else list(what)
    if not sheets:
        raise ValueError("nothing to print: no sheet")
    return sheets


def _prepare(printer: QPrinter, title: str) -> None:
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)
    printer.setDocName(title)


def save_pdf(sheet: Sheet | Sequence[Sheet], path: str | Path) -> Path:
    """Write the sheet (or the sheets, each from a new page) as an A4 PDF at ``path``; the file is
    complete when this returns.  Qt says nothing when it cannot write there: a missing or empty
    file is refused in words."""
    sheets = _sheets(sheet)
    path = Path(path)
    if not path.parent.is_dir() or not os.access(path.parent, os.W_OK):
        raise _not_written(path)  # before Qt tries (it would only warn on the console)
    path.unlink(missing_ok=True)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    _prepare(printer, sheets[0].title)
    _paint(sheets, printer)
    if not path.is_file() or path.stat().st_size == 0:
        raise _not_written(path)
    return path


def _not_written(path: Path) -> HeartbeatError:
    return HeartbeatError(QCoreApplication.translate(
        "printing", "The PDF could not be written to {0}. Choose a folder you may write to.").format(path))


def print_sheet(sheet: Sheet | Sequence[Sheet], parent: QWidget | None) -> bool:
    """Ask which printer (Qt's dialog), then print the sheet or sheets; False if the desk cancelled."""
    sheets = _sheets(sheet)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    _prepare(printer, sheets[0].title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(sheets[0].title)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    _paint(sheets, printer)
    return True
