"""What other desks saved: a feed of changes for the open windows to refresh from.

PostgreSQL: every audited change also sends ``NOTIFY heartbeat_changes,
'<entity>:<id>'`` in its own transaction (so it is heard only if it commits),
and :class:`ChangeWatcher` keeps one ``LISTEN`` connection on a thread of its
own.  SQLite cannot say what changed; the watcher polls ``PRAGMA data_version``
(which moves when another connection commits) and reports "something".

A desk's own commits are not news to it (its window already shows them):
each app instance is a :class:`Desk`, whose id travels in the PostgreSQL
payload and whose commits are counted, so the SQLite poll can tell "only
mine" from "someone else's".  (A change from another process in the same
half second as one of ours is then heard with the next one.)

The watcher calls ``on_change(Change)`` on its own thread and never raises:
a lost server connection is retried with backoff, quietly (the GUI has its
own way of saying the server is gone).  No Qt here: the GUI wraps the
callback in a signal.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.engine import URL

log = logging.getLogger(__name__)

CHANNEL = "heartbeat_changes"
WATCHED = frozenset({"patient", "doctor", "appointment", "user", "time_off", "waitlist"})  # what a window shows
POLL_SECONDS = 0.5  # SQLite's data_version check; PostgreSQL wakes at once
MAX_BACKOFF = 5.0  # seconds between attempts while the server is away


@dataclass(frozen=True)
class Change:
    entity: str | None  # None: something changed, SQLite cannot say what
    id: int | None = None
    origin: str | None = None  # the desk that made it, where known

    @classmethod
    def parse(cls, payload: str) -> Change:
        entity, _, rest = payload.partition(":")
        id_, _, origin = rest.partition(":")
        return cls(entity or None, int(id_) if id_.isdigit() else None, origin or None)


class Desk:
    """This running application as the change feed knows it: an id, and a count of its commits."""

    def __init__(self) -> None:
        self.origin = uuid.uuid4().hex[:12]
        self._commits = 0
        self._lock = threading.Lock()

    def committed(self) -> None:
        with self._lock:
            self._commits += 1

    @property
    def commits(self) -> int:
        return self._commits


def payload(entity: str, entity_id: int | None, origin: str = "") -> str | None:
    """The NOTIFY payload for an audited change, or None if no window shows that entity."""
    if entity not in WATCHED:
        return None
    return f"{entity}:{entity_id if entity_id is not None else ''}:{origin}"


class ChangeWatcher:
    """One background thread that reports other desks' commits; ``stop`` ends it."""

    def __init__(self, url: URL, on_change: Callable[[Change], None], desk: Desk | None = None,
                 on_connection: Callable[[bool], None] | None = None) -> None:
        self.url = url
        self.on_change = on_change
        self.desk = desk
        self.on_connection = on_connection  # False: the LISTEN connection dropped; True: back again
        self._stop = threading.Event()
        self._listened = False  # a LISTEN connection was made before: the next one is a reconnection
        self._connected = False  # listening now
        self.ready = threading.Event()  # set once listening (changes committed before may go unheard)
        self._thread = threading.Thread(target=self._run, name="heartbeat-changes", daemon=True)

    def start(self) -> ChangeWatcher:
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._thread.join(timeout)

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def _run(self) -> None:
        watch = self._listen if self.url.get_backend_name() == "postgresql" else self._poll
        backoff = 1.0
        while not self._stop.is_set():
            try:
                watch()
                return
            except Exception as exc:  # noqa: BLE001 - a watcher never dies of a lost connection
                if self._connected:  # it was listening: this is news; start retrying soon
                    self._connected = False
                    backoff = 1.0
                    self._call(self.on_connection, False)
                log.info("change feed interrupted (%s); retrying in %.0f s", exc, backoff)
                if self._stop.wait(backoff):
                    return
                backoff = min(backoff * 2, MAX_BACKOFF)

    def _listen(self) -> None:
        import psycopg

        dsn = self.url.set(drivername="postgresql").render_as_string(hide_password=False)
        with psycopg.connect(dsn, autocommit=True, connect_timeout=5,
                             application_name="heartbeat-desktop changes") as conn:
            conn.execute(f"LISTEN {CHANNEL}")
            if self._listened:
                self._call(self.on_connection, True)
                self._tell(Change(None))  # reconnected: whatever happened meanwhile is unknown
            self._listened = self._connected = True
            self.ready.set()
            while not self._stop.is_set():
                for notice in conn.notifies(timeout=POLL_SECONDS, stop_after=100):
                    change = Change.parse(notice.payload)
                    if self.desk is None or change.origin != self.desk.origin:
                        self._tell(change)

    def _poll(self) -> None:
        path = self.url.database
        if not path or path == ":memory:":
            return  # nobody else can write to it
        conn = sqlite3.connect(path, timeout=5, check_same_thread=True)
        try:
            seen = conn.execute("PRAGMA data_version").fetchone()[0]
            mine = self.desk.commits if self.desk else 0
            self.ready.set()
            while not self._stop.wait(POLL_SECONDS):
                now = conn.execute("PRAGMA data_version").fetchone()[0]
                mine_now = self.desk.commits if self.desk else 0
                if now != seen and mine_now == mine:  # moved, and not (only) by this desk
                    self._tell(Change(None))
                seen, mine = now, mine_now
        finally:
            conn.close()

    def _tell(self, change: Change) -> None:
        self._call(self.on_change, change)

    @staticmethod
    def _call(listener: Callable[[Any], None] | None, value: Any) -> None:
        if listener is None:
            return
        try:
            listener(value)
        except Exception:  # noqa: BLE001 - a listener's bug must not end the feed
            log.exception("change listener failed")
