"""Deliberate overbooking: an emergency squeeze-in, marked, with its reason, outside the overlap rule.

``appointments.overbooked`` (with ``overbook_reason``) takes a visit out of
the doctor-overlap rule, explicitly: the PostgreSQL exclusion constraint and
the SQLite triggers are made again with that condition, and nothing else
changes in them.  ``users.can_overbook`` is what an administrator grants.
Columns are added with a plain ALTER TABLE: SQLite's batch mode would copy the
table and lose its triggers.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

OVERLAP = "appointments_no_doctor_overlap"
INACTIVE = "('cancelled', 'no_show')"


def _sqlite_check(counted: str) -> str:
    """The bounded check of 0002, counting only the visits ``counted`` admits."""
    return f"""
BEGIN
    SELECT RAISE(ABORT, '{OVERLAP}')
    WHERE EXISTS (
        SELECT 1 FROM appointments AS other
        WHERE other.doctor_id = NEW.doctor_id
          AND other.starts_at < NEW.ends_at
          AND other.starts_at > datetime(NEW.starts_at, '-1 day')
          AND other.id IS NOT NEW.id
          AND other.status NOT IN {INACTIVE}
          AND other.ends_at > NEW.starts_at{counted}
    );
END
"""


def _overlap_rule(exempt: bool) -> None:
    """The overlap rule, with (``exempt``) or without the overbooked exception."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"ALTER TABLE appointments DROP CONSTRAINT IF EXISTS {OVERLAP}")
        extra = " AND NOT overbooked" if exempt else ""
        op.execute(f"ALTER TABLE appointments ADD CONSTRAINT {OVERLAP} EXCLUDE USING gist "
                   f"(doctor_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&) "
                   f"WHERE (status NOT IN {INACTIVE}{extra})")
        return
    op.execute(f"DROP TRIGGER IF EXISTS {OVERLAP}_insert")
    op.execute(f"DROP TRIGGER IF EXISTS {OVERLAP}_update")
    when = f"NEW.status NOT IN {INACTIVE}" + (" AND NEW.overbooked = 0" if exempt else "")
    columns = "doctor_id, starts_at, ends_at, status" + (", overbooked" if exempt else "")
    check = _sqlite_check("\n          AND other.overbooked = 0" if exempt else "")
    op.execute(f"CREATE TRIGGER {OVERLAP}_insert BEFORE INSERT ON appointments WHEN {when} {check}")
    op.execute(f"CREATE TRIGGER {OVERLAP}_update BEFORE UPDATE OF {columns} ON appointments WHEN {when} {check}")


def upgrade() -> None:
    op.add_column("appointments", sa.Column("overbooked", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.add_column("appointments", sa.Column("overbook_reason", sa.String(length=300), nullable=True))
    op.add_column("users", sa.Column("can_overbook", sa.Boolean(), nullable=False, server_default=sa.false()))
    _overlap_rule(exempt=True)


def downgrade() -> None:
    _overlap_rule(exempt=False)
    if op.get_bind().dialect.name == "sqlite":  # SQLite 3.35+: DROP COLUMN keeps the triggers
        for table, column in (("users", "can_overbook"), ("appointments", "overbook_reason"),
                              ("appointments", "overbooked")):
            op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    else:
        op.drop_column("users", "can_overbook")
        op.drop_column("appointments", "overbook_reason")
        op.drop_column("appointments", "overbooked")
