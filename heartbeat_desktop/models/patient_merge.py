"""A merge of two patient records, kept so that it can be undone exactly.

``moved`` holds what went from the duplicate to the survivor, by kind, each
row's id with its version just after the move ({"appointments": {"12": 3},
"waitlist": {...}, "series": {...}}): undo puts back exactly those rows, and
refuses if one was changed or deleted since.  ``fields`` holds the survivor's
fields filled from the duplicate, {field: [old, new]}; ``duplicate_was_active``
what the duplicate's deactivation replaced.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from heartbeat_desktop.models.base import Base, UTCDateTime


class PatientMerge(Base):
    __tablename__ = "patient_merges"
    __table_args__ = (
        Index("ix_patient_merges_survivor", "survivor_id"),
        Index("ix_patient_merges_duplicate", "duplicate_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    survivor_id: Mapped[int] = mapped_column(ForeignKey("patients.id"), nullable=False)
    duplicate_id: Mapped[int] = mapped_column(ForeignKey("patients.id"), nullable=False)
    moved: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)
    fields: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)
    duplicate_was_active: Mapped[bool] = mapped_column(Boolean, nullable=False)
    merged_at: Mapped[datetime] = mapped_column(
        UTCDateTime(), nullable=False, default=lambda: datetime.now(timezone.utc)
    )
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    username: Mapped[str | None] = mapped_column(String(64))  # who merged, even if the account goes
    undone_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    undone_by: Mapped[str | None] = mapped_column(String(64))
