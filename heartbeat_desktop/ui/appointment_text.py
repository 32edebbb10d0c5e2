"""An appointment in words: clinic-local times, short names, one-line descriptions.

The services return aware UTC times; everything on screen is in the clinic's
zone (``services.ctx.zone``), whatever the computer's own zone is.
"""

from __future__ import annotations

from datetime import datetime, tzinfo

from PySide6.QtCore import QCoreApplication

from heartbeat_desktop.schemas import AppointmentRead
from heartbeat_desktop.ui.formatting import format_date, format_time
from heartbeat_desktop.ui.status_style import status_text


def local(moment: datetime, zone: tzinfo) -> datetime:
    """``moment`` as a naive clinic-local time (naive input is already local)."""
    return moment.astimezone(zone).replace(tzinfo=None) if moment.tzinfo else moment


def short_name(full_name: str) -> str:
    """'Иванов Пётр Сергеевич' -> 'Иванов П. С.' (surname, then initials)."""
    parts = full_name.split()
    if not parts:
        return ""
    initials = " ".join(f"{p[0]}." for p in parts[1:3])
    return f"{parts[0]} {initials}".strip()


def span_text(appointment: AppointmentRead, zone: tzinfo) -> str:
    start, end = local(appointment.starts_at, zone), local(appointment.ends_at, zone)
    return f"{format_time(start)}–{format_time(end)}"


def describe(appointment: AppointmentRead, zone: tzinfo) -> str:
    """One line naming the appointment (for questions and tooltips)."""
    start = local(appointment.starts_at, zone)
    return QCoreApplication.translate("appointments", "{0}, {1} {2}, Dr {3}").format(
        appointment.patient_name, format_date(start.date()), span_text(appointment, zone),
        short_name(appointment.doctor_name))


def details(appointment: AppointmentRead, zone: tzinfo) -> str:
    """Several lines: the schedule block's tooltip."""
    lines = [
        f"{span_text(appointment, zone)}  {status_text(appointment.status)}",
        appointment.patient_name,
        QCoreApplication.translate("appointments", "Dr {0}").format(appointment.doctor_name),
    ]
    if appointment.type_name:
        lines.append(appointment.type_name)
    if appointment.overbooked:
        lines.append(QCoreApplication.translate("appointments", "⚡ Squeezed in: {0}").format(
            appointment.overbook_reason or ""))
    if appointment.reason:
        lines.append(appointment.reason)
    return "\n".join(lines)
