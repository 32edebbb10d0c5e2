"""Walking a screen as a keyboard or screen-reader user does: the controls that take
input, the names Qt's accessibility layer gives them, and where Tab goes."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QSlider,
    QTabBar,
    QTextEdit,
    QWidget,
)

CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView, QTextEdit, QPlainTextEdit,
            QSlider)
SECTIONS = 5  # the most Tab presses one control may keep (a date and time edit's sections)
COMPOUND = (QComboBox, QAbstractSpinBox, QAbstractItemView, QTabBar, QScrollBar)  # their inner parts are theirs


def label(widget: QWidget) -> str:
    return f"{type(widget).__name__}#{widget.objectName() or '?'} {accessible_name(widget)!r}"


def accessible_name(widget: QWidget) -> str:
    """The name a screen reader is told: the accessible name, else what Qt derives
    (a button's text, a field's buddy label).

    Not a combo box's derived name: on Linux Qt reports its current item as
    the name ("All records"), which names nothing; without an accessible name
    only a label whose buddy it is names it (Qt's "labelled by" relation).
    """
    if widget.accessibleName().strip():
        return widget.accessibleName().strip()
    if isinstance(widget, QComboBox):
        labels = [w for w in widget.window().findChildren(QLabel) if w.buddy() is widget]
        return labels[0].text().replace("&", "").strip() if labels else ""
    face = QAccessible.queryAccessibleInterface(widget)
    return face.text(QAccessible.Text.Name).strip() if face is not None else ""


def inner(widget: QWidget, root: QWidget) -> bool:
    """Part of a compound control (a combo box's line edit, a table's viewport, a spin box's buttons)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, COMPOUND):
            return True
        parent = parent.parentWidget()
    return False


def controls(root: QWidget) -> list[QWidget]:
    """The visible inputs and buttons under ``root`` (headers and compound controls' parts left out)."""
    return [w for w in root.findChildren(QWidget) if isinstance(w, CONTROLS) and not isinstance(w, QHeaderView)
            and w.isVisible() and not inner(w, root) and w.window() is root.window()]


def unnamed(root: QWidget) -> list[str]:
    return [label(w) for w in controls(root) if not accessible_name(w)]


def tab_stops(root: QWidget) -> list[QWidget]:
    """What Tab should reach: visible, enabled, taking focus by Tab, not someone's focus proxy's part."""
    return [w for w in controls(root) if w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
            and w.focusProxy() is None]


def press_tab_around(qtbot, window: QWidget, limit: int = 200) -> list[QWidget]:
    """Press Tab from the window's first focus until the focus comes back: the widgets in the order reached."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    first = QApplication.focusWidget()
    if first is None or first.window() is not window:
        window.focusNextChild()
        first = QApplication.focusWidget()
    assert first is not None, f"nothing in {window.objectName()} takes the focus"
    reached = [first]
    stayed = 0
    for _ in range(limit):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        if now is reached[-1] and now is not first:
            stayed += 1  # a date edit's Tab goes through its day, month and year first
            if stayed > SECTIONS:
                raise AssertionError(f"Tab is stuck in {label(now)}")
            continue
        stayed = 0
        if now is first:
            return reached
        if now in reached:
            raise AssertionError(f"Tab goes round without coming back: {[label(w) for w in reached]} → {label(now)}")
        reached.append(now)
    raise AssertionError(f"Tab never came back to {label(first)}: {[label(w) for w in reached[-10:]]}")


@dataclass(frozen=True)
class Place:
    rect: QRect

    def same_row(self, other: Place) -> bool:
        a, b = self.rect, other.rect
        return a.top() <= b.center().y() <= a.bottom() or b.top() <= a.center().y() <= b.bottom()

    def precedes(self, other: Place) -> bool:
        """``other`` reads after this: to its right on the same row, or on a later row."""
        if self.same_row(other):
            return other.rect.left() >= self.rect.left()
        return other.rect.center().y() > self.rect.center().y()


def place(widget: QWidget, root: QWidget) -> Place:
    return Place(QRect(widget.mapTo(root, QPoint(0, 0)), widget.size()))


def tab_order_problems(qtbot, root: QWidget, *, exceptions: frozenset[tuple[str, str]] = frozenset()) -> list[str]:
    """Tab through ``root``'s window: every tab stop of ``root`` is reached, in reading order
    (rows, then columns), starting from the top-left one.  ``exceptions``: pairs of object
    names (from, to) allowed out of reading order (each documented where it is given)."""
    order = [w for w in press_tab_around(qtbot, root.window()) if w is root or root.isAncestorOf(w)]
    wanted = tab_stops(root)
    problems = [f"not reached by Tab: {label(w)}" for w in wanted if w not in order]
    if not order:
        return problems
    places = [place(w, root) for w in order]
    start = min(range(len(order)), key=lambda i: (places[i].rect.top() // 8, places[i].rect.left()))
    order, places = order[start:] + order[:start], places[start:] + places[:start]
    for (a, pa), (b, pb) in zip(zip(order, places, strict=True), zip(order[1:], places[1:], strict=True),
                                strict=False):
        if not pa.precedes(pb) and (a.objectName(), b.objectName()) not in exceptions:
            problems.append(f"Tab goes back: {label(a)} at {pa.rect.getRect()} → {label(b)} at {pb.rect.getRect()}")
    return problems


def key_clashes(window: QWidget) -> list[tuple[str, str, list[str]]]:
    """(page, key, what it does) for every key that does two things on one page, the menus counting
    on every page; the same command twice (Refresh in the menu and on the page) is one thing."""
    from collections import defaultdict

    from PySide6.QtCore import QCoreApplication

    from heartbeat_desktop.ui.dialogs.shortcuts import gather

    groups = dict(gather(window))
    menus = groups.pop(QCoreApplication.translate("ShortcutsDialog", "Menus (every page)"))
    clashes = []
    for page, shortcuts in groups.items():
        doing: dict[str, set[str]] = defaultdict(set)
        for s in [*menus, *shortcuts]:
            for key in s.keys.split(", "):
                doing[key].add(s.what.rsplit("→ ", 1)[-1])
        clashes += [(page, key, sorted(whats)) for key, whats in doing.items() if len(whats) > 1]
    return clashes
