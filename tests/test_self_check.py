"""``heartbeat-desktop --self-check`` from source: every check passes, and it
writes nothing anywhere but its own temporary folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from heartbeat_desktop import cli
from heartbeat_desktop.cli import self_check

CHECK_NAMES = ["migrations", "password hashing", "tokens", "postgresql driver", "time zones", "demo data",
               "scheduling day", "records", "qt application", "icon", "style", "translations", "printing"]


def isolated_env(tmp_path: Path) -> dict[str, str]:
    """The app's folders, the home folder, the XDG folders and TMPDIR all in tmp_path."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HEARTBEAT_", "XDG_", "QT_"))}
    env.update(HOME=str(tmp_path / "home"), TMPDIR=str(tmp_path / "tmp"),
               XDG_DATA_HOME=str(tmp_path / "home/data"), XDG_CONFIG_HOME=str(tmp_path / "home/config"),
               XDG_STATE_HOME=str(tmp_path / "home/state"), XDG_CACHE_HOME=str(tmp_path / "home/cache"),
               HEARTBEAT_DATA_DIR=str(tmp_path / "data"), HEARTBEAT_CONFIG_DIR=str(tmp_path / "config"),
               HEARTBEAT_LOG_DIR=str(tmp_path / "log"),
               # a database the check must ignore: it would fail if it were used
               DATABASE_URL="postgresql://nobody@127.0.0.1:1/never")
    (tmp_path / "tmp").mkdir()
    return env


def written(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")) if folder.exists() else []


def test_self_check_passes_one_line_per_check_and_touches_no_real_data(tmp_path):
    env = isolated_env(tmp_path)
    done = subprocess.run([sys.executable, "-m", "heartbeat_desktop", "--self-check"], env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines() == [f"ok   {name}" for name in CHECK_NAMES]
    for folder in ("data", "config", "log"):  # the user's folders are never created
        assert not (tmp_path / folder).exists()
    assert [p for p in written(tmp_path / "home") if "eartbeat" in p] == []  # nor the platform's defaults
    assert written(tmp_path / "tmp") == []  # the scratch folder is removed


def test_a_failing_check_prints_fail_and_exits_1(monkeypatch, capsys):
    def broken(_scratch: Path) -> None:
        raise self_check.CheckFailed("the database is upside down")

    def crashing(_scratch: Path) -> None:
        raise KeyError("surprise")

    monkeypatch.setattr(self_check, "CORE_CHECKS", (("broken", broken), ("crashing", crashing),
                                                    ("passing", lambda _scratch: None)))
    monkeypatch.setattr(self_check, "qt_checks", lambda: ())
    assert cli.main(["--self-check"]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == ["FAIL broken: the database is upside down", "FAIL crashing: KeyError: 'surprise'",
                                "ok   passing"]
    assert "self-check failed" in err


def test_self_check_takes_no_command(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["--self-check", "db", "current"])
    assert exit_.value.code == 2
    assert "--self-check takes no command" in capsys.readouterr().err
