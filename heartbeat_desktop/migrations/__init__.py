"""Schema changes, only through Alembic; one history serves SQLite and PostgreSQL.

The scripts live in this package (``versions/``), so they ship inside the
wheel and the frozen bundle; no ``alembic.ini`` is needed.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.script.revision import ResolutionError
from alembic.util import CommandError
from sqlalchemy import Engine

from heartbeat_desktop.core.errors import SchemaMismatch

SCRIPT_LOCATION = Path(__file__).resolve().parent


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(SCRIPT_LOCATION))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def is_known(revision: str) -> bool:
    """True if this app's scripts include ``revision`` (Alembic raises for an unknown one)."""
    scripts = ScriptDirectory.from_config(alembic_config())
    try:
        return scripts.get_revision(revision) is not None
    except (CommandError, ResolutionError):
        return False


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def check_compatible(engine: Engine) -> str | None:
    """The database's revision; refuses a database migrated by a newer app."""
    revision = current_revision(engine)
    if revision is not None and not is_known(revision):
        raise SchemaMismatch(
            "This database was updated by a newer version of Heartbeat Desktop "
            f"(schema {revision}). Please install the newer version."
        )
    return revision


def upgrade(engine: Engine, revision: str = "head") -> bool:
    """Bring the schema up to ``revision``; True if anything was applied."""
    before = check_compatible(engine)
    if before == head_revision() and revision == "head":
        return False
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    return True


def downgrade(engine: Engine, revision: str) -> None:
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)
