"""Recurring visits: a series (weekdays, every N weeks, until a date or a count) whose
occurrences are ordinary appointments, each pointing at it through ``series_id``.

The new column is added with a plain ALTER TABLE on both backends, as in 0006:
SQLite's batch mode would copy the appointments table and lose its overlap triggers.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

FK = "fk_appointments_series_id_appointment_series"
INDEX = "ix_appointments_series_starts"


def upgrade() -> None:
    op.create_table(
        "appointment_series",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("doctor_id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("weekdays", sa.String(length=20), nullable=False),
        sa.Column("every_n_weeks", sa.SmallInteger(), nullable=False),
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("until", sa.Date(), nullable=True),
        sa.Column("count", sa.SmallInteger(), nullable=True),
        sa.Column("start_time", sa.Time(), nullable=False),
        sa.Column("minutes", sa.SmallInteger(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("every_n_weeks BETWEEN 1 AND 52", name=op.f("ck_appointment_series_every_n_weeks_range")),
        sa.CheckConstraint("minutes BETWEEN 5 AND 720", name=op.f("ck_appointment_series_minutes_range")),
        sa.ForeignKeyConstraint(["created_by_id"], ["users.id"],
                                name=op.f("fk_appointment_series_created_by_id_users"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["doctor_id"], ["doctors.id"],
                                name=op.f("fk_appointment_series_doctor_id_doctors"), ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["patient_id"], ["patients.id"],
                                name=op.f("fk_appointment_series_patient_id_patients"), ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appointment_series")),
    )
    if op.get_bind().dialect.name == "sqlite":  # Alembic would want batch mode for the foreign key
        op.execute(f"ALTER TABLE appointments ADD COLUMN series_id INTEGER CONSTRAINT {FK} "
                   "REFERENCES appointment_series (id)")
    else:
        op.add_column("appointments", sa.Column("series_id", sa.Integer(), nullable=True))
        op.create_foreign_key(FK, "appointments", "appointment_series", ["series_id"], ["id"])
    op.create_index(INDEX, "appointments", ["series_id", "starts_at"])


def downgrade() -> None:
    op.drop_index(INDEX, table_name="appointments")
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE appointments DROP COLUMN series_id")  # SQLite 3.35+: keeps the triggers
    else:
        op.drop_constraint(FK, "appointments", type_="foreignkey")
        op.drop_column("appointments", "series_id")
    op.drop_table("appointment_series")
