"""Settings: built-in defaults, then the config file, then environment variables.

The seed's variable names keep working: ``DATABASE_URL``, ``TEST_DATABASE_URL``
(tests only), ``SECRET_KEY`` (at least as long as the algorithm's hash: 32
bytes for HS256) and ``ALGORITHM``.  ``HEARTBEAT_DATA_DIR``,
``HEARTBEAT_CONFIG_DIR`` and ``HEARTBEAT_LOG_DIR`` move the per-user folders
(portable installs, tests); ``HEARTBEAT_TIMEZONE`` names the clinic's zone;
``HEARTBEAT_LANGUAGE`` (or the config's ``language``) picks the interface's
language: ``auto`` (the system's), ``en`` or ``ru``.
The config file is ``config.json`` in the user's config folder; the GUI's
connection dialog writes it with :func:`save_config`.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Mapping
from datetime import timedelta
from pathlib import Path
from typing import Any

import platformdirs

from heartbeat_desktop import APP_SLUG

CONFIG_FILE_NAME = "config.json"
DATABASE_FILE_NAME = "heartbeat.sqlite3"
ALLOWED_ALGORITHMS = ("HS256", "HS384", "HS512")
# RFC 7518, section 3.2: an HMAC key at least as long as the hash output
MIN_SECRET_BYTES = {"HS256": 32, "HS384": 48, "HS512": 64}
LANGUAGES = ("auto", "en", "ru")  # auto: the system locale's, if there is a catalogue for it


@dataclasses.dataclass(frozen=True)
class Settings:
    data_dir: Path
    config_dir: Path
    log_dir: Path
    database_url: str
    secret_key: str | None = None
    algorithm: str = "HS256"
    token_ttl: timedelta = timedelta(hours=12)
    lockout_threshold: int = 5
    lockout_duration: timedelta = timedelta(minutes=15)
    allow_past_bookings: bool = False
    min_notice: timedelta = timedelta(0)  # "find a free time" offers nothing sooner than this from now
    clinic_timezone: str | None = None  # IANA name; None means the computer's zone
    idle_lock: timedelta = timedelta(minutes=10)  # a public desk locks itself when left
    daily_backups: int = 14  # SQLite: the automatic backups kept (one a day); 0 turns them off
    language: str = "auto"  # one of LANGUAGES

    @property
    def backup_dir(self) -> Path:
        """Where the automatic daily backups of a SQLite database go."""
        return self.data_dir / "backups"

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def config_path(self) -> Path:
        return self.config_dir / CONFIG_FILE_NAME

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)


def normalize_database_url(url: str) -> str:
    """Accept the URLs people paste and pin the drivers this app ships.

    The seed used ``postgresql+asyncpg://``; this app is synchronous and uses
    psycopg 3, so every PostgreSQL spelling becomes ``postgresql+psycopg://``.
    """
    url = url.strip()
    for prefix in ("postgres://", "postgresql://", "postgresql+asyncpg://",
                   "postgresql+psycopg2://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    if url.startswith("sqlite+aiosqlite://"):
        return "sqlite://" + url[len("sqlite+aiosqlite://"):]
    return url


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def read_config(config_dir: Path) -> dict[str, Any]:
    path = config_dir / CONFIG_FILE_NAME
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"The settings file {path} is damaged: {exc.msg}.") from None
    return data if isinstance(data, dict) else {}


def save_config(config_dir: Path, values: Mapping[str, Any]) -> Path:
    """Merge ``values`` into the config file, readable only by its owner."""
    config_dir.mkdir(parents=True, exist_ok=True)
    data = read_config(config_dir)
    data.update(values)
    path = config_dir / CONFIG_FILE_NAME
    tmp = path.with_name(f".{CONFIG_FILE_NAME}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)  # a crash's leftover keeps its old, maybe looser, mode
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=2, ensure_ascii=False)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in {"1", "true", "yes", "on"}


def load_settings(env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
    """Build the settings for this process; ``overrides`` win over everything."""
    env = os.environ if env is None else env
    data_dir = Path(env.get("HEARTBEAT_DATA_DIR") or platformdirs.user_data_dir(APP_SLUG, False))
    config_dir = Path(env.get("HEARTBEAT_CONFIG_DIR") or platformdirs.user_config_dir(APP_SLUG, False))
    log_dir = Path(env.get("HEARTBEAT_LOG_DIR") or platformdirs.user_log_dir(APP_SLUG, False))
    config = read_config(config_dir)

    database_url = (env.get("DATABASE_URL") or config.get("database_url")
                    or sqlite_url(data_dir / DATABASE_FILE_NAME))
    algorithm = str(env.get("ALGORITHM") or config.get("algorithm") or "HS256").strip().upper()
    if algorithm not in ALLOWED_ALGORITHMS:
        raise ValueError(f"ALGORITHM must be one of {', '.join(ALLOWED_ALGORITHMS)}, not {algorithm!r}.")
    secret_key = env.get("SECRET_KEY") or None
    if secret_key is not None and len(secret_key.encode("utf-8")) < MIN_SECRET_BYTES[algorithm]:
        raise ValueError(
            f"SECRET_KEY must have at least {MIN_SECRET_BYTES[algorithm]} characters for {algorithm}; "
            "leave it unset to use this computer's own generated key."
        )

    language = str(env.get("HEARTBEAT_LANGUAGE") or config.get("language") or "auto").strip().lower()
    if language not in LANGUAGES:
        raise ValueError(f"HEARTBEAT_LANGUAGE must be one of {', '.join(LANGUAGES)}, not {language!r}.")

    values: dict[str, Any] = dict(
        data_dir=data_dir,
        config_dir=config_dir,
        log_dir=log_dir,
        database_url=normalize_database_url(database_url),
        secret_key=secret_key,
        algorithm=algorithm,
        token_ttl=timedelta(minutes=float(config.get("session_minutes", 12 * 60))),
        lockout_threshold=int(config.get("lockout_threshold", 5)),
        lockout_duration=timedelta(minutes=float(config.get("lockout_minutes", 15))),
        allow_past_bookings=_bool(config.get("allow_past_bookings", False)),
        clinic_timezone=env.get("HEARTBEAT_TIMEZONE") or config.get("clinic_timezone") or None,
        # at least a minute: a lock every few seconds would make the desk unusable
        idle_lock=timedelta(minutes=max(1.0, float(config.get("idle_lock_minutes", 10)))),
        daily_backups=max(0, int(config.get("daily_backups", 14))),
        min_notice=timedelta(minutes=max(0.0, float(config.get("min_notice_minutes", 0)))),
        language=language,
    )
    values.update(overrides)
    return Settings(**values)
