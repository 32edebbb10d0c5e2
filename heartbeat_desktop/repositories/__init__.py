"""Repositories: one generic base with the CRUD operations, one subclass per entity."""

from heartbeat_desktop.repositories.appointment import AppointmentRepository
from heartbeat_desktop.repositories.appointment_type import AppointmentTypeRepository
from heartbeat_desktop.repositories.audit import AuditRepository
from heartbeat_desktop.repositories.base import Repository
from heartbeat_desktop.repositories.doctor import DoctorRepository
from heartbeat_desktop.repositories.patient import PatientRepository
from heartbeat_desktop.repositories.patient_merge import PatientMergeRepository
from heartbeat_desktop.repositories.status_change import StatusChangeRepository
from heartbeat_desktop.repositories.time_off import TimeOffRepository
from heartbeat_desktop.repositories.user import UserRepository
from heartbeat_desktop.repositories.waitlist import WaitlistRepository

__all__ = [
    "AppointmentRepository", "AppointmentTypeRepository", "AuditRepository", "DoctorRepository", "PatientMergeRepository",
    "PatientRepository",
    "Repository", "StatusChangeRepository", "TimeOffRepository", "UserRepository",
    "WaitlistRepository",
]
