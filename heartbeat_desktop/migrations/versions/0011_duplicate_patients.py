"""Duplicate patients: spelling-blind name keys for the check while typing, and merges kept for undo.

``patients.match_last`` / ``match_last_reversed`` / ``match_first`` hold
``schemas.text.match_key`` of the surname (and the surname reversed) and the
first name, so "Ivanov Petr" finds "Иванов Пётр" with an index, and a surname
with one letter wrong still shares its first or its last half.  They are
filled here for the patients already registered.  ``patients.merged_into_id``
marks a duplicate merged into another record; ``patient_merges`` keeps each
merge (what moved, what was filled in) so that it can be undone.  Columns are
added with a plain ALTER TABLE: SQLite's batch mode would copy the table.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from heartbeat_desktop.schemas.text import MATCH_KEY_LENGTH, match_key

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

KEYS = ("match_last", "match_last_reversed", "match_first")
FK = "fk_patients_merged_into_id_patients"
INDEXES = {"ix_patients_match_first_last": ["match_first", "match_last"],
           "ix_patients_match_first_last_reversed": ["match_first", "match_last_reversed"]}
BATCH = 2000


def _key_type() -> sa.String:
    return sa.String(MATCH_KEY_LENGTH).with_variant(sa.String(MATCH_KEY_LENGTH, collation="C"), "postgresql")


def _backfill() -> None:
    """Every patient's keys, computed in Python (transliteration is not SQL), a batch at a time."""
    bind = op.get_bind()
    patients = sa.table("patients", sa.column("id", sa.Integer), sa.column("last_name", sa.String),
                        sa.column("first_name", sa.String), *(sa.column(k, sa.String) for k in KEYS))
    update = (sa.update(patients).where(patients.c.id == sa.bindparam("pid"))
              .values({k: sa.bindparam(f"new_{k}") for k in KEYS}))
    last_id = 0
    while True:
        rows = bind.execute(sa.select(patients.c.id, patients.c.last_name, patients.c.first_name)
                            .where(patients.c.id > last_id).order_by(patients.c.id).limit(BATCH)).all()
        if not rows:
            return
        values = []
        for pid, last, first in rows:
            surname = match_key(last)
            values.append({"pid": pid, "new_match_last": surname, "new_match_last_reversed": surname[::-1],
                           "new_match_first": match_key(first)})
        bind.execute(update, values)
        last_id = rows[-1][0]


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for key in KEYS:
        op.add_column("patients", sa.Column(key, _key_type(), nullable=False, server_default=""))
    if sqlite:  # Alembic would want batch mode for the foreign key
        op.execute(f"ALTER TABLE patients ADD COLUMN merged_into_id INTEGER CONSTRAINT {FK} REFERENCES patients (id)")
    else:
        op.add_column("patients", sa.Column("merged_into_id", sa.Integer(), nullable=True))
        op.create_foreign_key(FK, "patients", "patients", ["merged_into_id"], ["id"])
    _backfill()
    for name, columns in INDEXES.items():
        op.create_index(name, "patients", columns)
    op.create_table(
        "patient_merges",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("survivor_id", sa.Integer(), nullable=False),
        sa.Column("duplicate_id", sa.Integer(), nullable=False),
        sa.Column("moved", sa.JSON(), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("duplicate_was_active", sa.Boolean(), nullable=False),
        sa.Column("merged_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("username", sa.String(length=64), nullable=True),
        sa.Column("undone_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("undone_by", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(["survivor_id"], ["patients.id"], name=op.f("fk_patient_merges_survivor_id_patients")),
        sa.ForeignKeyConstraint(["duplicate_id"], ["patients.id"],
                                name=op.f("fk_patient_merges_duplicate_id_patients")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_patient_merges_user_id_users"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patient_merges")),
    )
    op.create_index("ix_patient_merges_survivor", "patient_merges", ["survivor_id"])
    op.create_index("ix_patient_merges_duplicate", "patient_merges", ["duplicate_id"])


def downgrade() -> None:
    op.drop_index("ix_patient_merges_duplicate", table_name="patient_merges")
    op.drop_index("ix_patient_merges_survivor", table_name="patient_merges")
    op.drop_table("patient_merges")
    for name in INDEXES:
        op.drop_index(name, table_name="patients")
    if op.get_bind().dialect.name == "sqlite":  # SQLite 3.35+: DROP COLUMN keeps the table as it is
        for column in ("merged_into_id", *reversed(KEYS)):
            op.execute(f"ALTER TABLE patients DROP COLUMN {column}")
        return
    op.drop_constraint(FK, "patients", type_="foreignkey")
    for column in ("merged_into_id", *reversed(KEYS)):
        op.drop_column("patients", column)
