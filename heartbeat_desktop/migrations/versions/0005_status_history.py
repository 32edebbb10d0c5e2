"""Status history: every status change of an appointment, who made it and when.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28

Existing appointments get no rows: their history starts with the next change
(what happened before was not recorded, and inventing it would mislead).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

STATUSES = "'scheduled', 'arrived', 'in_progress', 'completed', 'cancelled', 'no_show'"


def upgrade() -> None:
    op.create_table(
        "appointment_status_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("appointment_id", sa.Integer(), nullable=False),
        sa.Column("from_status", sa.String(length=20), nullable=True),
        sa.Column("to_status", sa.String(length=20), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("username", sa.String(length=64), nullable=True),
        sa.Column("is_undo", sa.Boolean(), nullable=False),
        sa.CheckConstraint(f"to_status IN ({STATUSES})",
                           name=op.f("ck_appointment_status_changes_to_status_known")),
        sa.CheckConstraint(f"from_status IS NULL OR from_status IN ({STATUSES})",
                           name=op.f("ck_appointment_status_changes_from_status_known")),
        sa.ForeignKeyConstraint(["appointment_id"], ["appointments.id"],
                                name=op.f("fk_appointment_status_changes_appointment_id_appointments"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"],
                                name=op.f("fk_appointment_status_changes_user_id_users"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appointment_status_changes")),
    )
    op.create_index("ix_appointment_status_changes_appointment", "appointment_status_changes",
                    ["appointment_id", "id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_appointment_status_changes_appointment", table_name="appointment_status_changes")
    op.drop_table("appointment_status_changes")
