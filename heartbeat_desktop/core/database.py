"""The database engine: SQLite (embedded default) or PostgreSQL (shared).

SQLite is made safe for a front desk on every connection: foreign keys on,
WAL with ``synchronous=FULL`` (an acknowledged save survives a power cut), a
busy timeout, and write transactions begun with ``BEGIN IMMEDIATE`` so that a
read-then-write transaction never fails with "database is locked" half way
(the recipe from SQLAlchemy's pysqlite dialect documentation).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from heartbeat_desktop.core.errors import Text

SQLITE_BUSY_TIMEOUT_MS = 5000
_BEGIN_OPTION = "heartbeat_sqlite_begin"


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        # Take transaction control away from the sqlite3 module: we emit BEGIN.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:  # type: ignore[no-untyped-def]
        mode = connection.get_execution_options().get(_BEGIN_OPTION, "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")


def create_db_engine(url: str, *, echo: bool = False) -> Engine:
    """An engine for ``url``; the SQLite file's folder is created if needed."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:":
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, echo=echo, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
        _configure_sqlite(engine)
        return engine
    return create_engine(
        url,
        echo=echo,
        pool_pre_ping=True,
        pool_size=5,
        max_overflow=5,
        connect_args={"connect_timeout": 5, "application_name": "heartbeat-desktop"},
    )


@dataclass(frozen=True)
class Database:
    """An engine plus the two kinds of session the services open."""

    engine: Engine
    read_sessions: sessionmaker[Session]
    write_sessions: sessionmaker[Session]

    @classmethod
    def connect(cls, url: str, *, echo: bool = False) -> Database:
        engine = create_db_engine(url, echo=echo)
        writer = engine
        if engine.dialect.name == "sqlite":
            writer = engine.execution_options(**{_BEGIN_OPTION: "IMMEDIATE"})
        return cls(
            engine=engine,
            read_sessions=sessionmaker(engine, expire_on_commit=False),
            write_sessions=sessionmaker(writer, expire_on_commit=False),
        )

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def display_url(self) -> str:
        """The URL with any password masked: safe for logs and the status bar."""
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def place(self) -> str:
        """Where the data lives, in a desk's words: this computer's file, or the server."""
        url = self.engine.url
        if url.get_backend_name() == "sqlite":
            return Text("errors", "This computer: {0}").format(url.database)
        return Text("errors", "Server {0}").format(f"{url.username}@{url.host}:{url.port or 5432}/{url.database}")

    def refresh_statistics(self, tables: tuple[str, ...]) -> None:
        """After a bulk load: let PostgreSQL's planner see the new rows at once.

        Until autovacuum gets to them, a table filled in one transaction has no
        statistics, and PostgreSQL plans as if it were tiny (a keyset page of the
        patients list read the whole table: 40 ms instead of 5).  SQLite plans
        from the shape of its indexes and needs nothing.
        """
        if self.dialect != "postgresql":
            return
        with self.engine.connect() as conn:
            for table in tables:
                conn.exec_driver_sql(f"ANALYZE {conn.dialect.identifier_preparer.quote(table)}")
            conn.commit()

    def ping(self) -> None:
        """One round trip to the database; the driver's error if there is none.

        The pool checks each connection before lending it (``pool_pre_ping``),
        so after a server restart this, like any service call, gets a fresh one.
        """
        with self.engine.connect() as conn:
            conn.execute(text("SELECT 1"))

    def dispose(self) -> None:
        self.engine.dispose()
