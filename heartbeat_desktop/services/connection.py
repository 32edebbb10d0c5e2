"""Choosing the database: this computer's SQLite file or a shared PostgreSQL server.

Used by the GUI's connection dialog (which must not touch SQLAlchemy itself)
and by the command line.  The choice is saved in the config file, readable only
by its owner; URLs shown anywhere have their password masked.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from heartbeat_desktop.core.database import create_db_engine
from heartbeat_desktop.core.errors import DatabaseUnavailable, Text, ValidationFailed
from heartbeat_desktop.core.settings import Settings, save_config


@dataclass(frozen=True)
class ServerAddress:
    host: str
    port: int
    database: str
    user: str
    password: str = ""

    def url(self) -> str:
        problems = {}
        if not self.host.strip():
            problems["host"] = Text("errors", "Enter the server's name or address.")
        if not 0 < self.port < 65536:
            problems["port"] = Text("errors", "Enter a port between 1 and 65535 (usually 5432).")
        if not self.database.strip():
            problems["database"] = Text("errors", "Enter the database name.")
        if not self.user.strip():
            problems["user"] = Text("errors", "Enter the user name.")
        if problems:
            raise ValidationFailed(problems)
        return URL.create("postgresql+psycopg", username=self.user.strip(), password=self.password or None,
                          host=self.host.strip(), port=self.port,
                          database=self.database.strip()).render_as_string(hide_password=False)

    @classmethod
    def from_url(cls, url: str) -> ServerAddress | None:
        try:
            parsed = make_url(url)
        except ArgumentError:
            return None
        if parsed.get_backend_name() != "postgresql":
            return None
        return cls(parsed.host or "", parsed.port or 5432, parsed.database or "",
                   parsed.username or "", parsed.password or "")


def masked(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return Text("errors", "(not a database address)")


def check_connection(url: str) -> str:
    """Connect once and return the server's version; a plain error if that fails."""
    try:
        engine = create_db_engine(url)
    except ArgumentError:
        raise DatabaseUnavailable(Text("errors", "That is not a database address.")) from None
    try:
        with engine.connect() as connection:
            if engine.dialect.name == "postgresql":
                return str(connection.execute(text("SHOW server_version")).scalar())
            return "SQLite " + str(connection.execute(text("SELECT sqlite_version()")).scalar())
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0] if str(exc) else ""
        raise DatabaseUnavailable(Text("errors", "Cannot connect to {0}: {1}").format(masked(url), reason)) from None
    finally:
        engine.dispose()


def save_choice(settings: Settings, server: ServerAddress | None) -> None:
    """Remember the choice for the next start; None means this computer's own file."""
    save_config(settings.config_dir, {"database_url": server.url() if server else None})
