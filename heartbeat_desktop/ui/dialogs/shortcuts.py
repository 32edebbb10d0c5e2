"""Help → Keyboard shortcuts: every shortcut the window has, read from the window itself.

Nothing here is a hand-kept list: the menus' actions, each page's own actions
(Space on the queue, Delete and Enter on a table, F5), its buttons' and field
labels' Alt letters (the underlined ones) are gathered from the widgets as
they are, so a shortcut added, changed or removed anywhere shows here as it
is.  Grouped by where it works: the menus (everywhere), then each page in tab
order, then the lock screen.  The record forms and dialogs underline their own
Alt letters the same way; they are built when opened, so they are not listed.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from heartbeat_desktop.ui.widgets import named


@dataclass(frozen=True)
class Shortcut:
    what: str  # what the keys do, as the user reads it
    keys: str  # "Ctrl+N", in the platform's own words (NativeText)


def keys_text(sequences: list[QKeySequence]) -> str:
    return ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences if not s.isEmpty())


def plain(text: str) -> str:
    """A label as it reads: no mnemonic ampersands ("&&" is a real one), no trailing ellipsis or colon."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…:. ").strip()


def mnemonic(text: str) -> str:
    return QKeySequence.mnemonic(text).toString(QKeySequence.SequenceFormat.NativeText)


def menu_shortcuts(window: QMainWindow) -> list[Shortcut]:
    """The menu bar: each menu's Alt letter, then its entries' keys ("File → Quit")."""
    found: list[Shortcut] = []
    for top in window.menuBar().actions():
        menu = top.menu()
        if not isinstance(menu, QMenu) or not top.isVisible():
            continue
        title = plain(top.text())
        if mnemonic(top.text()):
            found.append(Shortcut(QCoreApplication.translate("ShortcutsDialog", "{0} menu").format(title),
                                  mnemonic(top.text())))
        for action in menu.actions():
            keys = keys_text(action.shortcuts())
            if keys and not action.isSeparator() and action.isVisible():
                found.append(Shortcut(f"{title} → {plain(action.text())}", keys))
    return found


def widget_shortcuts(root: QWidget) -> list[Shortcut]:
    """What works within ``root``: its actions' and QShortcuts' keys, its buttons' and
    labels' Alt letters; widgets ``root`` hides (a button a role does not get) left out."""
    found: list[Shortcut] = []

    def shown(widget: QWidget) -> bool:
        return widget is root or widget.isVisibleTo(root)

    for action in root.findChildren(QAction):
        keys = keys_text(action.shortcuts())
        holders = [w for w in action.associatedObjects() if isinstance(w, QWidget)]
        if keys and action.isVisible() and any(shown(w) for w in holders):  # an action on no widget never fires
            found.append(Shortcut(plain(action.text() or action.toolTip()), keys))
    for shortcut in root.findChildren(QShortcut):
        parent = shortcut.parent()
        if shortcut.isEnabled() and isinstance(parent, QWidget) and shown(parent):
            found.append(Shortcut(plain(shortcut.whatsThis() or parent.accessibleName()),
                                  keys_text(shortcut.keys())))
    for button in root.findChildren(QAbstractButton):
        keys = keys_text([button.shortcut()]) or mnemonic(button.text())
        if keys and shown(button):
            found.append(Shortcut(plain(button.text()) or button.accessibleName(), keys))
    for label in root.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and mnemonic(label.text()) and shown(label):
            what = QCoreApplication.translate("ShortcutsDialog", "Go to: {0}").format(
                plain(label.text()) or buddy.accessibleName())
            found.append(Shortcut(what, mnemonic(label.text())))
    unique = list(dict.fromkeys(found))  # an action in a menu and on a table once
    return sorted(unique, key=lambda s: (s.keys.count("+") > 1, s.keys.startswith("Alt+"), s.keys, s.what))


def gather(window: QMainWindow) -> list[tuple[str, list[Shortcut]]]:
    """(group, shortcuts) for the window: the menus, each page in tab order, the lock screen."""
    groups = [(QCoreApplication.translate("ShortcutsDialog", "Menus (every page)"), menu_shortcuts(window))]
    tabs = window.findChild(QTabWidget, "mainTabs")
    for i in range(tabs.count() if tabs is not None else 0):
        page = tabs.widget(i)
        groups.append((tabs.tabText(i).replace("&", ""), widget_shortcuts(page)))
    lock = window.findChild(QWidget, "lockScreen")
    if lock is not None:
        groups.append((lock.accessibleName(), widget_shortcuts(lock)))
    return [(name, shortcuts) for name, shortcuts in groups if shortcuts]


class ShortcutsDialog(QDialog):
    """A read-only tree: group, then "what | keys" rows."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        named(self, "shortcutsDialog", self.tr("Keyboard shortcuts"))
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.groups = gather(window)
        self.tree = named(QTreeWidget(), "shortcutsTree", self.tr("Keyboard shortcuts"),
                          self.tr("Every shortcut of this window, grouped by page"))
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        for name, shortcuts in self.groups:
            group = QTreeWidgetItem(self.tree, [name])
            group.setFirstColumnSpanned(True)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            for shortcut in shortcuts:
                QTreeWidgetItem(group, [shortcut.what, shortcut.keys])
        self.tree.expandAll()
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        named(buttons.button(QDialogButtonBox.StandardButton.Close), "closeButton", self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(620, 640)
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    def listed(self) -> dict[str, list[Shortcut]]:
        return dict(self.groups)
