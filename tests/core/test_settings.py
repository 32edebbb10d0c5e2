"""Settings: defaults, then config.json, then the environment, then overrides."""

from __future__ import annotations

import json
import os
import stat
from datetime import timedelta
from pathlib import Path

import pytest

from heartbeat_desktop.core.settings import (
    CONFIG_FILE_NAME,
    DATABASE_FILE_NAME,
    Settings,
    load_settings,
    normalize_database_url,
    read_config,
    save_config,
    sqlite_url,
)

PG = "user:pw@db.example:5432/clinic"


@pytest.fixture
def dirs(tmp_path: Path) -> dict[str, str]:
    return {"HEARTBEAT_DATA_DIR": str(tmp_path / "data"), "HEARTBEAT_CONFIG_DIR": str(tmp_path / "config"),
            "HEARTBEAT_LOG_DIR": str(tmp_path / "log")}


def write_config(env: dict[str, str], values: dict) -> None:
    config = Path(env["HEARTBEAT_CONFIG_DIR"])
    config.mkdir(parents=True, exist_ok=True)
    (config / CONFIG_FILE_NAME).write_text(json.dumps(values), encoding="utf-8")


def test_defaults(dirs, tmp_path):
    s = load_settings(env=dirs)
    assert s.data_dir == tmp_path / "data" and s.config_dir == tmp_path / "config"
    assert s.log_dir == tmp_path / "log"
    assert s.database_url == sqlite_url(tmp_path / "data" / DATABASE_FILE_NAME)
    assert s.is_sqlite
    assert s.secret_key is None
    assert s.algorithm == "HS256"
    assert s.token_ttl == timedelta(hours=12)
    assert s.lockout_threshold == 5 and s.lockout_duration == timedelta(minutes=15)
    assert s.allow_past_bookings is False
    assert s.clinic_timezone is None
    assert s.config_path == tmp_path / "config" / CONFIG_FILE_NAME
    assert not (tmp_path / "config").exists()  # reading settings writes nothing


def test_environment_values_are_honoured(dirs):
    env = {**dirs, "DATABASE_URL": f"postgresql://{PG}", "SECRET_KEY": "s" * 48, "ALGORITHM": "HS384"}
    s = load_settings(env=env)
    assert s.database_url == f"postgresql+psycopg://{PG}"
    assert not s.is_sqlite
    assert s.secret_key == "s" * 48
    assert s.algorithm == "HS384"


@pytest.mark.parametrize("given, expected", [
    (f"postgresql+asyncpg://{PG}", f"postgresql+psycopg://{PG}"),
    (f"postgres://{PG}", f"postgresql+psycopg://{PG}"),
    (f"postgresql://{PG}", f"postgresql+psycopg://{PG}"),
    (f"postgresql+psycopg2://{PG}", f"postgresql+psycopg://{PG}"),
    (f"postgresql+psycopg://{PG}", f"postgresql+psycopg://{PG}"),
    (f"  postgres://{PG}\n", f"postgresql+psycopg://{PG}"),
    ("sqlite+aiosqlite:///tmp/x.db", "sqlite:///tmp/x.db"),
    ("sqlite:///tmp/x.db", "sqlite:///tmp/x.db"),
])
def test_database_urls_are_normalised(dirs, given, expected):
    assert normalize_database_url(given) == expected
    assert load_settings(env={**dirs, "DATABASE_URL": given}).database_url == expected


@pytest.mark.parametrize("bad", ["none", "None", "RS256", "HS1", "ES256"])
def test_unsafe_algorithm_is_refused_clearly(dirs, bad):
    with pytest.raises(ValueError) as caught:
        load_settings(env={**dirs, "ALGORITHM": bad})
    message = str(caught.value)
    assert "ALGORITHM" in message and "HS256" in message


def test_algorithm_spelling_is_forgiven(dirs):
    assert load_settings(env={**dirs, "ALGORITHM": " hs512 "}).algorithm == "HS512"


def test_algorithm_none_in_the_config_file_is_refused(dirs):
    write_config(dirs, {"algorithm": "none"})
    with pytest.raises(ValueError, match="ALGORITHM"):
        load_settings(env=dirs)


def test_empty_secret_key_means_the_file_key(dirs):
    assert load_settings(env={**dirs, "SECRET_KEY": ""}).secret_key is None


@pytest.mark.parametrize("algorithm, too_short", [("HS256", 31), ("HS384", 47), ("HS512", 63)])
def test_a_weak_secret_key_is_refused_clearly(dirs, algorithm, too_short):
    env = {**dirs, "ALGORITHM": algorithm}
    with pytest.raises(ValueError, match="SECRET_KEY"):
        load_settings(env={**env, "SECRET_KEY": "s" * too_short})
    assert load_settings(env={**env, "SECRET_KEY": "s" * (too_short + 1)}).secret_key == "s" * (too_short + 1)


def test_the_seed_readme_placeholder_key_is_refused(dirs):
    with pytest.raises(ValueError, match="SECRET_KEY"):
        load_settings(env={**dirs, "SECRET_KEY": "your-secret-key"})


def test_config_file_values_are_used(dirs):
    write_config(dirs, {
        "database_url": f"postgresql+asyncpg://{PG}", "algorithm": "hs512", "session_minutes": 90,
        "lockout_threshold": 3, "lockout_minutes": 2.5, "allow_past_bookings": "yes",
        "clinic_timezone": "Asia/Yekaterinburg", "idle_lock_minutes": 3,
    })
    s = load_settings(env=dirs)
    assert s.database_url == f"postgresql+psycopg://{PG}"
    assert s.algorithm == "HS512"
    assert s.token_ttl == timedelta(minutes=90)
    assert s.lockout_threshold == 3
    assert s.lockout_duration == timedelta(minutes=2, seconds=30)
    assert s.allow_past_bookings is True
    assert s.clinic_timezone == "Asia/Yekaterinburg"
    assert s.idle_lock == timedelta(minutes=3)


def test_idle_lock_defaults_to_ten_minutes_and_is_never_under_one(dirs):
    assert load_settings(env=dirs).idle_lock == timedelta(minutes=10)
    write_config(dirs, {"idle_lock_minutes": 0})
    assert load_settings(env=dirs).idle_lock == timedelta(minutes=1)


@pytest.mark.parametrize("value, expected", [(True, True), (False, False), ("on", True), ("0", False),
                                             ("no", False), (1, True)])
def test_boolean_config_values(dirs, value, expected):
    write_config(dirs, {"allow_past_bookings": value})
    assert load_settings(env=dirs).allow_past_bookings is expected


def test_environment_beats_config_file(dirs):
    write_config(dirs, {"database_url": "sqlite:///from-config.db", "algorithm": "HS384",
                        "clinic_timezone": "Asia/Yekaterinburg"})
    env = {**dirs, "DATABASE_URL": f"postgres://{PG}", "ALGORITHM": "HS512",
           "HEARTBEAT_TIMEZONE": "Europe/Moscow"}
    s = load_settings(env=env)
    assert s.database_url == f"postgresql+psycopg://{PG}"
    assert s.algorithm == "HS512"
    assert s.clinic_timezone == "Europe/Moscow"


def test_overrides_beat_everything(dirs):
    write_config(dirs, {"lockout_threshold": 3})
    s = load_settings(env={**dirs, "DATABASE_URL": "sqlite:///a.db"}, lockout_threshold=9,
                      database_url="sqlite:///b.db")
    assert s.lockout_threshold == 9 and s.database_url == "sqlite:///b.db"


def test_replace_gives_a_new_settings_object(dirs):
    s = load_settings(env=dirs)
    short = s.replace(lockout_duration=timedelta(seconds=1))
    assert short.lockout_duration == timedelta(seconds=1)
    assert s.lockout_duration == timedelta(minutes=15)
    assert isinstance(short, Settings)
    with pytest.raises(Exception):
        s.algorithm = "HS512"  # type: ignore[misc]  # frozen


def test_damaged_config_file_is_reported(dirs):
    config = Path(dirs["HEARTBEAT_CONFIG_DIR"])
    config.mkdir()
    (config / CONFIG_FILE_NAME).write_text("{not json", encoding="utf-8")
    with pytest.raises(ValueError, match="damaged"):
        load_settings(env=dirs)


def test_config_file_that_is_not_an_object_is_ignored(dirs):
    write_config(dirs, ["database_url", "sqlite:///x.db"])  # type: ignore[arg-type]
    assert read_config(Path(dirs["HEARTBEAT_CONFIG_DIR"])) == {}
    assert load_settings(env=dirs).algorithm == "HS256"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_save_config_merges_and_round_trips(dirs):
    config = Path(dirs["HEARTBEAT_CONFIG_DIR"])
    save_config(config, {"database_url": f"postgres://{PG}", "clinic_timezone": "Европа/Тест"})
    path = save_config(config, {"lockout_threshold": 7})
    assert path == config / CONFIG_FILE_NAME
    assert json.loads(path.read_text(encoding="utf-8")) == {
        "database_url": f"postgres://{PG}", "clinic_timezone": "Европа/Тест", "lockout_threshold": 7}
    assert "Европа" in path.read_text(encoding="utf-8")  # human-readable, not \u escapes
    s = load_settings(env=dirs)
    assert s.database_url == f"postgresql+psycopg://{PG}" and s.lockout_threshold == 7
    assert sorted(p.name for p in config.iterdir()) == [CONFIG_FILE_NAME]  # no temporary file left


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_save_config_writes_owner_only_file(dirs):
    path = save_config(Path(dirs["HEARTBEAT_CONFIG_DIR"]), {"database_url": f"postgres://{PG}"})
    assert mode(path) == 0o600


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_save_config_tightens_a_readable_file(dirs):
    write_config(dirs, {"algorithm": "HS256"})
    path = Path(dirs["HEARTBEAT_CONFIG_DIR"]) / CONFIG_FILE_NAME
    path.chmod(0o644)
    save_config(path.parent, {"database_url": f"postgres://{PG}"})
    assert mode(path) == 0o600
    assert json.loads(path.read_text(encoding="utf-8"))["algorithm"] == "HS256"


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_save_config_is_not_weakened_by_a_stale_temporary_file(dirs):
    config = Path(dirs["HEARTBEAT_CONFIG_DIR"])
    config.mkdir()
    for stale in (config / "config.tmp", config / f".{CONFIG_FILE_NAME}.{os.getpid()}.tmp"):
        stale.write_text("{}", encoding="utf-8")
        stale.chmod(0o644)
    path = save_config(config, {"database_url": f"postgres://{PG}"})
    assert mode(path) == 0o600
