"""Property test of the command line: any arguments give an exit status and
at most a few lines of message, never a traceback or an "unexpected" error.

Arguments are built from the real commands and options mixed with any text
(a real argv holds no NUL byte, but may hold lone surrogates: the bytes that
were not UTF-8).  The window is not opened (``start_gui`` is replaced by a
stand-in: that is the GUI's own test's business); everything else runs for
real on a SQLite file in a temporary folder that already has a patient, so
``demo-data`` is refused rather than filling it.
"""

from __future__ import annotations

import io
import shutil
import sys
from collections import Counter

from hypothesis import assume, given
from hypothesis import strategies as st

from heartbeat_desktop import cli
from heartbeat_desktop.core.settings import sqlite_url
from tests.helpers import first_admin, opened, patient_data, settings_at
from tests.strategies import examples, free_text, mostly

WORDS = ["db", "upgrade", "current", "users", "create", "--username", "--full-name", "--role", "admin",
         "doctor", "receptionist", "--password-stdin", "demo-data", "--patients", "--doctors", "--appointments",
         "--days-back", "--days-ahead", "--seed", "--locale", "ru_RU", "backup", "restore", "audit", "verify",
         "--database-url", "--help", "-h", "--version", "=", "--", "-", "-1", "0", "99999999999999999999",
         "1e3", "sqlite:///", "postgresql://nobody@127.0.0.1:1/none", "nope://", "backup.sqlite3",
         "missing/dir/file", "."]
argument = st.one_of(st.sampled_from(WORDS), free_text(40).map(lambda s: s.replace("\x00", "")),
                     st.sampled_from(["\udcff", "\udc80abc", "ä\udce4"]))
value = st.one_of(argument, st.integers(-5, 10**6).map(str))
commands = st.one_of(
    st.tuples(value, value, st.sampled_from(["admin", "doctor", "receptionist"]) | value).map(
        lambda t: ["users", "create", "--username", t[0], "--full-name", t[1], "--role", t[2], "--password-stdin"]),
    st.tuples(st.sampled_from(["--patients", "--doctors", "--appointments", "--days-back", "--days-ahead",
                               "--seed", "--locale"]), value).map(lambda t: ["demo-data", *t]),
    st.tuples(st.sampled_from(["backup", "restore"]), value).map(list),
    st.tuples(st.sampled_from(["sqlite:///", "postgresql://", ""]), value,
              st.sampled_from([["db", "current"], ["audit", "verify"], ["backup", "b.sqlite3"]])).map(
        lambda t: ["--database-url", t[0] + t[1], *t[2]]),
    st.sampled_from([["db", "current"], ["db", "upgrade"], ["audit", "verify"]]),
)
# real commands with any values (two in three), and any words in any order
argvs = mostly(commands, st.lists(argument, min_size=1, max_size=7), odd_in=3)
# what would open the window, or run for a long time: left to their own tests
SLOW = ("--self-check", "--force", "--yes")


def slow(argument: str) -> bool:
    """An option (or an abbreviation argparse accepts) of ``SLOW``."""
    head = argument.split("=")[0]
    return len(head) >= 3 and any(option.startswith(head) for option in SLOW)


def test_any_arguments_give_a_status_and_a_message(tmp_path, sqlite_template, monkeypatch, capsys):
    database = tmp_path / "cli.sqlite3"
    shutil.copyfile(sqlite_template, database)
    settings = settings_at(tmp_path, sqlite_url(database))
    for app in opened(settings):
        first_admin(app)
        app.patients.create(app.auth.login("admin", "Adm1n-passw0rd").token, patient_data())
    for name, value in (("HEARTBEAT_DATA_DIR", tmp_path / "data"), ("HEARTBEAT_CONFIG_DIR", tmp_path / "config"),
                        ("HEARTBEAT_LOG_DIR", tmp_path / "log"), ("DATABASE_URL", sqlite_url(database))):
        monkeypatch.setenv(name, str(value))
    monkeypatch.setenv("HEARTBEAT_TIMEZONE", "Europe/Moscow")
    monkeypatch.chdir(tmp_path)  # a backup to a relative path lands here
    windows: list[object] = []
    statuses: Counter[object] = Counter()
    monkeypatch.setattr(cli, "start_gui", lambda args: windows.append(args) or 0)

    @examples(600)
    @given(argvs, free_text(30).map(lambda s: s.replace("\n", "")))
    def check(argv, stdin_line):
        assume(not any(slow(a) for a in argv))
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin_line + "\n"))
        try:
            code = cli.main(argv)
        except SystemExit as stopped:  # argparse: usage and status 2, or --help / --version and 0
            code = stopped.code
        out, err = capsys.readouterr()
        statuses[code] += 1
        assert isinstance(code, int) and 0 <= code <= 130, code
        assert "Traceback" not in out + err
        assert "unexpected" not in err, err
        if code != 0:
            assert err.strip(), "a refusal says why"
            assert "heartbeat-desktop: error:" in err or err.startswith("usage:"), err

    check()
    assert statuses[0] and statuses[1] and statuses[2], statuses  # commands ran, refused, and usage errors
