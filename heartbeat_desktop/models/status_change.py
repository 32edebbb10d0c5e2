"""An appointment's status history: every change of status, who made it and when.

One row per booking (``from_status`` empty) and per status change, written in
the same transaction as the change.  ``is_undo`` marks a row that took back
the change before it (see ``AppointmentService.undo_status``).  Rows go with
their appointment (ON DELETE CASCADE); the username is kept as text, so the
history still says who it was when the account is gone.
"""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from heartbeat_desktop.core.vocabulary import Status
from heartbeat_desktop.models.base import Base, UTCDateTime

_STATUS_SQL = ", ".join(f"'{s.value}'" for s in Status)


class StatusChange(Base):
    __tablename__ = "appointment_status_changes"
    __table_args__ = (
        CheckConstraint(f"to_status IN ({_STATUS_SQL})", name="to_status_known"),
        CheckConstraint(f"from_status IS NULL OR from_status IN ({_STATUS_SQL})", name="from_status_known"),
        Index("ix_appointment_status_changes_appointment", "appointment_id", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    appointment_id: Mapped[int] = mapped_column(ForeignKey("appointments.id", ondelete="CASCADE"), nullable=False)
    from_status: Mapped[str | None] = mapped_column(String(20))  # None: the booking itself
    to_status: Mapped[str] = mapped_column(String(20), nullable=False)
    changed_at: Mapped[datetime] = mapped_column(
        UTCDateTime(), nullable=False, default=lambda: datetime.now(timezone.utc)
    )
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    username: Mapped[str | None] = mapped_column(String(64))
    is_undo: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
