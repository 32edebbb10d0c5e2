"""The ORM: SQLAlchemy 2.0 typed declarative models. Table names are a contract."""

from heartbeat_desktop.core.vocabulary import INACTIVE_STATUSES, Role, Status
from heartbeat_desktop.models.appointment import OVERLAP_CONSTRAINT, Appointment
from heartbeat_desktop.models.appointment_type import AppointmentType
from heartbeat_desktop.models.audit import AuditEntry
from heartbeat_desktop.models.base import Base, Entity
from heartbeat_desktop.models.doctor import Doctor, WorkingHours
from heartbeat_desktop.models.patient import Patient
from heartbeat_desktop.models.patient_merge import PatientMerge
from heartbeat_desktop.models.series import AppointmentSeries
from heartbeat_desktop.models.status_change import StatusChange
from heartbeat_desktop.models.time_off import TimeOff
from heartbeat_desktop.models.user import User
from heartbeat_desktop.models.waitlist import WaitlistEntry

__all__ = [
    "INACTIVE_STATUSES", "OVERLAP_CONSTRAINT", "Appointment", "AppointmentSeries", "AppointmentType", "AuditEntry",
    "Base", "Doctor", "Entity", "Patient", "PatientMerge", "Role", "Status", "StatusChange", "TimeOff", "User",
    "WaitlistEntry", "WorkingHours",
]
