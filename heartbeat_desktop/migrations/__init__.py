"""Schema changes, only through Alembic; one history serves SQLite and PostgreSQL.

The scripts live in this package (``versions/``), so they ship inside the
wheel and the frozen bundle; no ``alembic.ini`` is needed.

Alembic is imported only when there is work for it: an ordinary start finds
the database at :data:`HEAD` with one query and never loads it (a third of a
second of every start).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from heartbeat_desktop.core.errors import SchemaMismatch

if TYPE_CHECKING:
    from alembic.config import Config

SCRIPT_LOCATION = Path(__file__).resolve().parent
# The newest script's revision; a test keeps it equal to Alembic's own head.
HEAD = "0011"
VERSION_TABLE = "alembic_version"


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(SCRIPT_LOCATION))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def is_known(revision: str) -> bool:
    """True if this app's scripts include ``revision`` (Alembic raises for an unknown one)."""
    if revision == HEAD:
        return True
    from alembic.script import ScriptDirectory
    from alembic.script.revision import ResolutionError
    from alembic.util import CommandError

    scripts = ScriptDirectory.from_config(alembic_config())
    try:
        return scripts.get_revision(revision) is not None
    except (CommandError, ResolutionError):
        return False


def current_revision(engine: Engine) -> str | None:
    """The database's schema revision (None for a new database), read without Alembic."""
    with engine.connect() as connection:
        if not inspect(connection).has_table(VERSION_TABLE):
            return None
        return connection.scalar(text(f"SELECT version_num FROM {VERSION_TABLE}"))


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
    if before == HEAD and revision in ("head", HEAD):
        return False
    from alembic import command

    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    return True


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)
