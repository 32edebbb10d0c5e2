"""Help → Keyboard shortcuts: read from the window's own actions and buttons, grouped by
page, and no key doing two things on one page."""


from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QTreeWidget

from heartbeat_desktop.ui.dialogs.shortcuts import ShortcutsDialog, gather
from heartbeat_desktop.ui.main_window import MainWindow
from tests.helpers import session_for
from tests.ui.walkers import key_clashes


def native(text: str) -> str:
    return QKeySequence(text).toString(QKeySequence.SequenceFormat.NativeText)


def make_window(qtbot, services, session):
    window = MainWindow(services, session)
    qtbot.addWidget(window)
    return window


def test_f1_and_ctrl_slash_open_the_list_of_every_pages_shortcuts(qtbot, services, admin_session):
    window = make_window(qtbot, services, admin_session)
    action = window.findChild(QAction, "shortcutsAction")
    assert {native("F1"), native("Ctrl+/")} <= {s.toString(QKeySequence.SequenceFormat.NativeText)
                                                 for s in action.shortcuts()}
    action.trigger()
    dialog = window.findChild(ShortcutsDialog, "shortcutsDialog")
    assert dialog.isVisible()
    listed = {group: {(s.keys, s.what) for s in shortcuts} for group, shortcuts in dialog.listed().items()}
    assert (native("Space"), "Patient arrived") in listed["Queue"]
    assert (native("Ctrl+N"), "Records → New") in listed["Menus (every page)"]
    assert (native("Alt+2"), "Go → Queue") in listed["Menus (every page)"]
    assert (native("Del"), "Deactivate") in listed["Users"]
    assert (native("Alt+X"), "Export CSV") in listed["Audit log"]
    assert list(listed)[1:] == [window.tabs.tabText(i) for i in range(window.tabs.count())] + ["Locked"]
    tree = dialog.findChild(QTreeWidget, "shortcutsTree")
    assert tree.topLevelItemCount() == len(listed)
    assert tree.topLevelItem(2).child(0).text(1)  # a "what | keys" row under each page
    dialog.done(0)


def test_the_list_follows_the_widgets_not_a_list_kept_by_hand(qtbot, services, admin_session):
    window = make_window(qtbot, services, admin_session)
    patients = window.pages["patientsPage"]
    extra = QAction("Print the card", patients)
    extra.setShortcut(QKeySequence("Ctrl+P"))
    patients.addAction(extra)
    listed = dict(gather(window))
    assert ("Print the card", native("Ctrl+P")) in {(s.what, s.keys) for s in listed["Patients"]}
    assert "Edit" not in {s.what for s in listed["Audit log"]}  # a read-only page's unused actions left out


def test_a_doctor_sees_only_their_pages_shortcuts(qtbot, services, gui_admin):
    window = make_window(qtbot, services, session_for(services, gui_admin, "dr", "doctor"))
    groups = dict(gather(window))
    assert "Users" not in groups and "Audit log" not in groups
    assert not any("Tools" in s.what for s in groups["Menus (every page)"])


def test_no_key_does_two_things_on_one_page(qtbot, services, admin_session):
    """Two Alt letters alike on one page (or a page's and a menu's) make Qt's shortcut
    ambiguous: the key then only moves the focus between them."""
    window = make_window(qtbot, services, admin_session)
    clashes = key_clashes(window)
    assert clashes == []
