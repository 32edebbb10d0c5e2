"""Alembic environment: runs on the connection that ``heartbeat_desktop.migrations`` hands it."""

from __future__ import annotations

from alembic import context

from heartbeat_desktop.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only the package's helpers run migrations
    raise RuntimeError("Run migrations with 'heartbeat-desktop db upgrade'.")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite cannot ALTER most things
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
