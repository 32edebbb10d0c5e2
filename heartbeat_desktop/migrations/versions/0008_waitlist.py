"""The waitlist (ASAP list): patients waiting for an earlier slot with a doctor or a specialty.

Each entry says which weekdays and which hours of the day suit the patient and
how long a visit they need; a cancelled visit or a no-show offers its slot to
the entries that fit it.  An entry stays (booked or removed) for the record.

Revision ID: 0008
Revises: 0007 (to be chained after 0007 when merged)
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "waitlist",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("doctor_id", sa.Integer(), nullable=True),
        sa.Column("specialty", sa.String(length=100), nullable=True),
        sa.Column("weekdays", sa.String(length=7), nullable=False),
        sa.Column("earliest", sa.Time(), nullable=False),
        sa.Column("latest", sa.Time(), nullable=False),
        sa.Column("minutes", sa.SmallInteger(), nullable=False),
        sa.Column("note", sa.String(length=300), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("appointment_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("doctor_id IS NOT NULL OR specialty IS NOT NULL",
                           name=op.f("ck_waitlist_doctor_or_specialty")),
        sa.CheckConstraint("status IN ('active', 'booked', 'removed')", name=op.f("ck_waitlist_status_known")),
        sa.CheckConstraint("length(weekdays) = 7 AND weekdays LIKE '%1%'",
                           name=op.f("ck_waitlist_weekdays_mask")),
        sa.CheckConstraint("latest > earliest", name=op.f("ck_waitlist_window_order")),
        sa.CheckConstraint("minutes BETWEEN 5 AND 480", name=op.f("ck_waitlist_minutes_range")),
        sa.ForeignKeyConstraint(["patient_id"], ["patients.id"], name=op.f("fk_waitlist_patient_id_patients"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["doctor_id"], ["doctors.id"], name=op.f("fk_waitlist_doctor_id_doctors"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["created_by_id"], ["users.id"], name=op.f("fk_waitlist_created_by_id_users"),
                                ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["appointment_id"], ["appointments.id"],
                                name=op.f("fk_waitlist_appointment_id_appointments"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_waitlist")),
    )
    op.create_index("ix_waitlist_status_created", "waitlist", ["status", "created_at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_waitlist_status_created", table_name="waitlist")
    op.drop_table("waitlist")
