"""Time off: vacations, days off and blocked hours of a doctor, and clinic holidays.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "time_off",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("doctor_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("ends_at > starts_at", name=op.f("ck_time_off_ends_after_starts")),
        sa.CheckConstraint("kind IN ('vacation', 'day_off', 'blocked', 'holiday')",
                           name=op.f("ck_time_off_kind_known")),
        sa.CheckConstraint("(kind = 'holiday') = (doctor_id IS NULL)",
                           name=op.f("ck_time_off_holiday_is_clinic_wide")),
        sa.ForeignKeyConstraint(["doctor_id"], ["doctors.id"], name=op.f("fk_time_off_doctor_id_doctors"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_time_off")),
    )
    op.create_index("ix_time_off_doctor_starts", "time_off", ["doctor_id", "starts_at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_time_off_doctor_starts", table_name="time_off")
    op.drop_table("time_off")
