"""Which pages the main window shows, in order, for the signed-in role."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.services.permissions import Permission, allowed
from heartbeat_desktop.ui.pages.appointments_page import AppointmentsPage
from heartbeat_desktop.ui.pages.audit_page import AuditPage
from heartbeat_desktop.ui.pages.confirmations_page import ConfirmationsPage
from heartbeat_desktop.ui.pages.doctors_page import DoctorsPage
from heartbeat_desktop.ui.pages.patients_page import PatientsPage
from heartbeat_desktop.ui.pages.queue_page import QueuePage
from heartbeat_desktop.ui.pages.schedule_page import SchedulePage
from heartbeat_desktop.ui.pages.users_page import UsersPage
from heartbeat_desktop.ui.pages.waitlist_page import WaitlistPage
from heartbeat_desktop.ui.session import SessionHolder

PageFactory = Callable[[Heartbeat, SessionHolder], QWidget]

# (factory, permission needed to see the page)
PAGES: list[tuple[PageFactory, Permission]] = [
    (SchedulePage, Permission.VIEW_APPOINTMENTS),
    (QueuePage, Permission.VIEW_APPOINTMENTS),
    (WaitlistPage, Permission.BOOK_APPOINTMENTS),  # the desk's: admin and receptionist
    (ConfirmationsPage, Permission.CONFIRM_APPOINTMENTS),  # the reminder calls, the desk's too
    (AppointmentsPage, Permission.VIEW_APPOINTMENTS),
    (PatientsPage, Permission.VIEW_PATIENTS),
    (DoctorsPage, Permission.VIEW_DOCTORS),
    (UsersPage, Permission.MANAGE_USERS),
    (AuditPage, Permission.VIEW_AUDIT),
]


def build_pages(services: Heartbeat, session: SessionHolder) -> list[QWidget]:
    role = session.user.role
    pages = [factory(services, session) for factory, permission in PAGES if allowed(role, permission)]
    for page in pages:
        refresh = getattr(page, "refresh", None)
        if callable(refresh):
            refresh()
    return pages
