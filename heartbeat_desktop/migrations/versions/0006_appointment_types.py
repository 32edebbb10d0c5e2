"""Visit types (first visit, follow-up…) with a default length and a colour; an appointment may have one.

The new column is added with a plain ALTER TABLE on both backends: SQLite's
batch mode would copy the appointments table and lose its overlap triggers.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

FK = "fk_appointments_type_id_appointment_types"


def upgrade() -> None:
    op.create_table(
        "appointment_types",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("minutes", sa.SmallInteger(), nullable=False),
        sa.Column("colour", sa.String(length=7), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("minutes BETWEEN 5 AND 480", name=op.f("ck_appointment_types_minutes_range")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appointment_types")),
        sa.UniqueConstraint("name", name=op.f("uq_appointment_types_name")),
    )
    if op.get_bind().dialect.name == "sqlite":  # Alembic would want batch mode for the foreign key
        op.execute(f"ALTER TABLE appointments ADD COLUMN type_id INTEGER CONSTRAINT {FK} "
                   "REFERENCES appointment_types (id)")
    else:
        op.add_column("appointments", sa.Column("type_id", sa.Integer(), nullable=True))
        op.create_foreign_key(FK, "appointments", "appointment_types", ["type_id"], ["id"])


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE appointments DROP COLUMN type_id")  # SQLite 3.35+: keeps the triggers
    else:
        op.drop_constraint(FK, "appointments", type_="foreignkey")
        op.drop_column("appointments", "type_id")
    op.drop_table("appointment_types")
