"""The confirmation list: what the patient said when the desk called about a coming visit.

``appointments.confirmation`` is one of ``core.vocabulary.Confirmation``
(not yet called, confirmed, left a message, cancelled by phone), with when it
was set and by whom.  Columns are added with a plain ALTER TABLE: SQLite's
batch mode would copy the table and lose its overlap triggers.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

CHECK = "ck_appointments_confirmation_known"
FK = "fk_appointments_confirmation_by_id_users"
KNOWN = "confirmation IN ('not_called', 'confirmed', 'left_message', 'cancelled_by_phone')"


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":  # Alembic would want batch mode for the constraints
        op.execute("ALTER TABLE appointments ADD COLUMN confirmation VARCHAR(20) DEFAULT 'not_called' NOT NULL "
                   f"CONSTRAINT {CHECK} CHECK ({KNOWN})")
        op.execute("ALTER TABLE appointments ADD COLUMN confirmation_at DATETIME")
        op.execute(f"ALTER TABLE appointments ADD COLUMN confirmation_by_id INTEGER CONSTRAINT {FK} "
                   "REFERENCES users (id)")
        return
    op.add_column("appointments", sa.Column("confirmation", sa.String(length=20), nullable=False,
                                            server_default="not_called"))
    op.create_check_constraint(CHECK, "appointments", KNOWN)
    op.add_column("appointments", sa.Column("confirmation_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("appointments", sa.Column("confirmation_by_id", sa.Integer(), nullable=True))
    op.create_foreign_key(FK, "appointments", "users", ["confirmation_by_id"], ["id"])


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":  # SQLite 3.35+: DROP COLUMN keeps the triggers
        for column in ("confirmation_by_id", "confirmation_at", "confirmation"):
            op.execute(f"ALTER TABLE appointments DROP COLUMN {column}")
        return
    op.drop_constraint(FK, "appointments", type_="foreignkey")
    op.drop_constraint(CHECK, "appointments", type_="check")
    for column in ("confirmation_by_id", "confirmation_at", "confirmation"):
        op.drop_column("appointments", column)
