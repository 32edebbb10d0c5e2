"""Plain, validated data: what forms send to the services and what they get back.

No SQLAlchemy here; the GUI may import this package freely.
"""

from heartbeat_desktop.schemas.appointment import (
    AppointmentCreate,
    AppointmentRead,
    AppointmentUpdate,
    ConfirmationCall,
    QueueEntry,
    StatusChangeRead,
)
from heartbeat_desktop.schemas.appointment_type import (
    AppointmentTypeCreate,
    AppointmentTypeRead,
    AppointmentTypeUpdate,
)
from heartbeat_desktop.schemas.audit import AuditCheck, AuditRead
from heartbeat_desktop.schemas.base import Schema, field_errors, parse
from heartbeat_desktop.schemas.doctor import (
    DoctorCreate,
    DoctorRead,
    DoctorUpdate,
    WorkingHoursItem,
)
from heartbeat_desktop.schemas.export import (
    AppointmentExport,
    DaySheet,
    DaySheetVisit,
    ExportFile,
    ExportFormat,
)
from heartbeat_desktop.schemas.free_time import FreeTime, FreeTimeQuery
from heartbeat_desktop.schemas.merge import (
    DuplicateMatch,
    DuplicateProbe,
    MergePreview,
    MergeRead,
    MergeRequest,
)
from heartbeat_desktop.schemas.page import Page
from heartbeat_desktop.schemas.patient import (
    PatientCreate,
    PatientRead,
    PatientRow,
    PatientUpdate,
)
from heartbeat_desktop.schemas.series import MAX_OCCURRENCES, OccurrencePreview, Scope, SeriesBooked, SeriesRequest
from heartbeat_desktop.schemas.time_off import TimeOffCreate, TimeOffRead
from heartbeat_desktop.schemas.user import (
    PASSWORD_RULES,
    AuthSession,
    UserCreate,
    UserRead,
    UserUpdate,
    password_problem,
)
from heartbeat_desktop.schemas.waitlist import (
    FreedSlot,
    WaitlistCreate,
    WaitlistOffer,
    WaitlistRead,
    WaitlistStatus,
)

__all__ = [
    "PASSWORD_RULES", "AppointmentCreate", "AppointmentRead", "AppointmentTypeCreate", "AppointmentTypeRead",
    "AppointmentTypeUpdate", "AppointmentUpdate", "AuditCheck", "AuditRead", "AuthSession", "DoctorCreate",
    "DoctorRead", "DoctorUpdate", "FreeTime", "FreeTimeQuery", "Page", "PatientCreate", "PatientRead", "PatientRow",
    "PatientUpdate", "QueueEntry", "Schema", "StatusChangeRead", "TimeOffCreate", "TimeOffRead", "UserCreate",
    "UserRead", "UserUpdate", "WaitlistCreate", "WaitlistOffer", "WaitlistRead", "WaitlistStatus",
    "WorkingHoursItem", "FreedSlot", "ConfirmationCall", "DuplicateMatch", "DuplicateProbe", "MergePreview",
    "MergeRead", "MergeRequest",
    "field_errors", "parse", "password_problem",
    "MAX_OCCURRENCES", "OccurrencePreview", "Scope", "SeriesBooked", "SeriesRequest",
    "AppointmentExport", "DaySheet", "DaySheetVisit", "ExportFile", "ExportFormat",
]
