"""The command line, in-process (``cli.main(argv)``) and as a real process, on real databases."""

from __future__ import annotations

import csv
import getpass
import io
import os
import sqlite3
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from icalendar import Calendar
from sqlalchemy.engine import make_url

from heartbeat_desktop import __version__, cli, migrations
from heartbeat_desktop.cli import commands
from heartbeat_desktop.core.settings import load_settings
from heartbeat_desktop.services import Heartbeat, pg_tools
from tests.helpers import at, booking, doctor_data, first_admin, next_monday, patient_data

PASSWORD = "Install-passw0rd"
ERROR = "heartbeat-desktop: error: "


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Folders in tmp_path, no database URL: the default SQLite file in the data folder."""
    values = {"HEARTBEAT_DATA_DIR": str(tmp_path / "data"), "HEARTBEAT_CONFIG_DIR": str(tmp_path / "config"),
              "HEARTBEAT_LOG_DIR": str(tmp_path / "log"), "HEARTBEAT_TIMEZONE": "Europe/Moscow"}
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    for name in ("DATABASE_URL", "SECRET_KEY", "ALGORITHM"):
        monkeypatch.delenv(name, raising=False)
    return values


@pytest.fixture
def db_env(env: dict[str, str], database_url: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The same, on each backend's empty migrated test database."""
    monkeypatch.setenv("DATABASE_URL", database_url)
    return {**env, "DATABASE_URL": database_url}


def run(argv: list[str], capsys: pytest.CaptureFixture[str], stdin: str | None = None,
        monkeypatch: pytest.MonkeyPatch | None = None) -> tuple[int, str, str]:
    if stdin is not None:
        assert monkeypatch is not None
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def one_error_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(ERROR), err
    assert "Traceback" not in err
    return lines[0][len(ERROR):]


def open_app(env: dict[str, str]) -> Heartbeat:
    return Heartbeat.open(load_settings(env=env))


# --- version and schema ----------------------------------------------------------------

def test_version(capsys):
    with pytest.raises(SystemExit) as done:
        cli.main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"heartbeat-desktop {__version__}"


def test_python_dash_m_runs_the_same_command(env):
    done = subprocess.run([sys.executable, "-m", "heartbeat_desktop", "--version"],
                          capture_output=True, text=True, env={**os.environ, **env}, timeout=60)
    assert done.returncode == 0 and done.stdout.strip() == f"heartbeat-desktop {__version__}"


def test_db_upgrade_creates_the_schema_in_a_fresh_file(env, capsys):
    database = Path(env["HEARTBEAT_DATA_DIR"]) / "heartbeat.sqlite3"
    code, out, _ = run(["db", "current"], capsys)
    assert code == 0 and "none (empty database)" in out

    code, out, err = run(["db", "upgrade"], capsys)
    assert code == 0, err
    head = migrations.head_revision()
    assert f"to revision {head}" in out
    with sqlite3.connect(database) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"users", "patients", "doctors", "working_hours", "appointments", "audit_log"} <= tables
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head
    conn.close()

    code, out, _ = run(["db", "upgrade"], capsys)
    assert code == 0 and "up to date" in out
    code, out, _ = run(["db", "current"], capsys)
    assert code == 0 and f"{head} (this version needs {head}: up to date)" in out


def test_database_url_option_wins_over_the_environment(env, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'from-env.sqlite3'}")
    chosen = tmp_path / "chosen.sqlite3"
    code, _, err = run(["--database-url", f"sqlite:///{chosen}", "db", "upgrade"], capsys)
    assert code == 0, err
    assert chosen.exists() and not (tmp_path / "from-env.sqlite3").exists()


# --- users -----------------------------------------------------------------------------

def test_users_create_from_stdin_then_login(db_env, capsys, monkeypatch):
    code, out, err = run(["users", "create", "--username", "anna", "--full-name", "Анна Петрова",
                          "--role", "admin", "--password-stdin"], capsys, PASSWORD + "\n", monkeypatch)
    assert code == 0, err
    assert "anna" in out and PASSWORD not in out + err

    with open_app(db_env) as app:
        session = app.auth.login("anna", PASSWORD)
        assert session.user.role.value == "admin" and session.user.full_name == "Анна Петрова"
        created = app.audit.list(session.token, action="create", entity="user")
        assert len(created) == 1 and created[0].username.startswith("cli:")
        assert created[0].changes["username"] == "anna"


def test_the_password_is_never_an_argument(env, capsys):
    with pytest.raises(SystemExit):
        cli.main(["users", "create", "--help"])
    help_text = capsys.readouterr().out
    assert "--password-stdin" in help_text
    assert "--password " not in help_text and "--password=" not in help_text
    with pytest.raises(SystemExit) as refused:
        cli.main(["users", "create", "--username", "x", "--role", "admin", "--password", PASSWORD])
    assert refused.value.code == 2


def test_a_too_short_password_is_refused_with_a_field_message(db_env, capsys, monkeypatch):
    code, out, err = run(["users", "create", "--username", "bob", "--role", "receptionist",
                          "--password-stdin"], capsys, "sh0rt\n", monkeypatch)
    assert code == 1
    assert one_error_line(err) == "password: The password must have at least 8 characters."
    assert "sh0rt" not in out + err
    with open_app(db_env) as app:
        assert not app.auth.has_users()


def test_each_bad_field_gets_its_own_line(env, capsys, monkeypatch):
    code, _, err = run(["users", "create", "--username", "has space", "--role", "doctor",
                        "--password-stdin"], capsys, "short\n", monkeypatch)
    lines = err.strip().splitlines()
    assert code == 1 and len(lines) == 2 and all(line.startswith(ERROR) for line in lines)
    assert any("--username:" in line for line in lines) and any("password:" in line for line in lines)


def test_the_prompted_passwords_must_match(env, capsys, monkeypatch):
    typed = iter([PASSWORD, PASSWORD + "x"])
    monkeypatch.setattr(commands.getpass, "getpass", lambda prompt="": next(typed))
    monkeypatch.setattr(sys, "stdin", io.StringIO())
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    code, out, err = run(["users", "create", "--username", "anna", "--role", "admin"], capsys)
    rules, error = err.strip().splitlines()  # the rules are shown before the prompt
    assert "At least 8 characters" in rules
    assert code == 1 and "differ" in one_error_line(error)
    assert PASSWORD not in out + err


def test_without_a_terminal_the_password_must_come_from_stdin(env, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    code, _, err = run(["users", "create", "--username", "anna", "--role", "admin"], capsys)
    assert code == 1 and "--password-stdin" in one_error_line(err)


# --- demo data and backup --------------------------------------------------------------

def test_demo_data_fills_and_then_refuses_without_force(db_env, capsys):
    args = ["demo-data", "--patients", "40", "--doctors", "3", "--appointments", "60",
            "--days-back", "5", "--days-ahead", "5", "--seed", "9"]
    code, out, err = run(args, capsys)
    assert code == 0, err
    assert "40 patients, 3 doctors" in out and "60 appointments" in out and "seed 9" in out

    code, _, err = run(args, capsys)
    assert code == 1 and "--force" in one_error_line(err)
    code, out, err = run([*args, "--force"], capsys)
    assert code == 0, err
    with open_app(db_env) as app, app.ctx.uow() as uow:
        assert uow.patients.count() == 80


def test_demo_data_arguments_are_checked(env, capsys):
    with pytest.raises(SystemExit) as refused:
        cli.main(["demo-data", "--patients", "-5"])
    assert refused.value.code == 2
    assert "must not be negative" in capsys.readouterr().err
    code, _, err = run(["demo-data", "--patients", "2000000"], capsys)
    assert code == 1 and one_error_line(err).startswith("--patients: ")


def test_backup_on_sqlite_makes_a_copy_that_opens(env, tmp_path, capsys):
    assert run(["demo-data", "--patients", "30", "--doctors", "2", "--appointments", "20", "--seed", "1"],
               capsys)[0] == 0
    target = tmp_path / "backups" / "today.sqlite3"
    code, out, err = run(["backup", str(target)], capsys)
    assert code == 0, err
    assert str(target) in out and f"{target.stat().st_size:,} bytes" in out

    with open_app({**env, "DATABASE_URL": f"sqlite:///{target}"}) as copy, copy.ctx.uow() as uow:
        assert uow.patients.count() == 30
    code, _, err = run(["backup", str(target)], capsys)
    assert code == 1 and "--force" in one_error_line(err)
    code, _, err = run(["backup", str(target), "--force"], capsys)
    assert code == 0, err


def test_backup_without_a_database_file_creates_nothing(env, tmp_path, capsys):
    code, _, err = run(["backup", str(tmp_path / "copy.sqlite3")], capsys)
    assert code == 1 and "no database" in one_error_line(err)
    assert not (Path(env["HEARTBEAT_DATA_DIR"]) / "heartbeat.sqlite3").exists()
    assert not (tmp_path / "copy.sqlite3").exists()


def test_backup_on_postgresql_runs_pg_dump_or_points_at_it(env, postgres_url, tmp_path, capsys, monkeypatch):
    url = make_url(postgres_url)
    secret = url.password or "not-this-one-9"  # a trust server ignores the password
    monkeypatch.setenv("DATABASE_URL", url.set(password=secret).render_as_string(hide_password=False))
    code, out, err = run(["backup", str(tmp_path / "x.dump")], capsys)
    assert code == 0, err
    assert "Backed up to" in out and (tmp_path / "x.dump").read_bytes().startswith(b"PGDMP")
    assert secret not in out + err

    monkeypatch.setattr(pg_tools, "find", lambda tool: None)  # a computer without PostgreSQL's tools
    code, out, err = run(["backup", str(tmp_path / "y.dump")], capsys)
    assert code == 2
    message = one_error_line(err)
    assert "pg_dump" in message and f"--port={url.port or 5432}" in message and url.database in message
    assert secret not in out + err
    assert not (tmp_path / "y.dump").exists()


# --- failures: one line, never a traceback ---------------------------------------------

def test_an_unreachable_server_gives_one_line_and_no_traceback(env, tmp_path):
    process_env = {**os.environ, **env, "DATABASE_URL": "postgresql://nobody:hunter22@127.0.0.1:1/x"}
    done = subprocess.run([sys.executable, "-m", "heartbeat_desktop", "db", "upgrade"],
                          capture_output=True, text=True, env=process_env, timeout=60)
    assert done.returncode != 0
    message = one_error_line(done.stderr)
    assert "cannot be reached" in message and "127.0.0.1:1" in message
    assert "hunter22" not in done.stdout + done.stderr


def test_a_damaged_settings_file_gives_one_line(env, capsys):
    config = Path(env["HEARTBEAT_CONFIG_DIR"]) / "config.json"
    config.parent.mkdir(parents=True)
    config.write_text("{not json", encoding="utf-8")
    code, _, err = run(["db", "upgrade"], capsys)
    assert code == 1 and "damaged" in one_error_line(err)


def test_an_unexpected_error_goes_to_the_log_file(env, capsys, monkeypatch):
    def broken(args):
        raise RuntimeError("boom with details")

    monkeypatch.setattr(commands, "cmd_db", broken)
    code, _, err = run(["db", "current"], capsys)
    message = one_error_line(err)
    assert code == 1 and "RuntimeError" in message and "boom" not in message
    log_text = (Path(env["HEARTBEAT_LOG_DIR"]) / cli.LOG_FILE_NAME).read_text(encoding="utf-8")
    assert "boom with details" in log_text and "Traceback" in log_text


def test_ctrl_c_is_one_line(env, capsys, monkeypatch):
    def interrupted(args):
        raise KeyboardInterrupt

    monkeypatch.setattr(commands, "cmd_demo_data", interrupted)
    code, _, err = run(["demo-data"], capsys)
    assert code == 130 and one_error_line(err) == "interrupted."


# --- the GUI ---------------------------------------------------------------------------

def test_no_arguments_starts_the_gui(env, monkeypatch, capsys, tmp_path):
    import heartbeat_desktop.ui

    calls = []

    def fake_gui(argv):
        calls.append((argv, os.environ.get("DATABASE_URL")))
        return 3

    monkeypatch.setattr(heartbeat_desktop.ui, "main", fake_gui)
    monkeypatch.setenv("DATABASE_URL", "sqlite:///elsewhere.sqlite3")  # restored after the test
    assert cli.main([]) == 3
    chosen = f"sqlite:///{tmp_path / 'gui.sqlite3'}"
    assert cli.main(["--database-url", chosen]) == 3
    assert [url for _, url in calls] == ["sqlite:///elsewhere.sqlite3", chosen]
    assert all(isinstance(argv, list) and len(argv) == 1 for argv, _ in calls)


def test_a_gui_that_cannot_load_is_one_line(env, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "heartbeat_desktop.ui", None)  # as if PySide6 were missing
    code, _, err = run([], capsys)
    assert code == 1 and "the window cannot open" in one_error_line(err)


# --- audit verify ----------------------------------------------------------------------------

def test_audit_verify_says_intact_or_names_the_altered_entry(db_env, capsys):
    assert run(["demo-data", "--patients", "3", "--doctors", "1", "--appointments", "2", "--seed", "4"],
               capsys)[0] == 0
    code, out, err = run(["audit", "verify"], capsys)
    assert (code, err) == (0, "") and out.startswith("The audit log is intact: 1 entry,")
    with open_app(db_env) as app, app.ctx.db.engine.begin() as conn:  # someone with the database's own tools
        if app.ctx.db.dialect == "postgresql":
            conn.exec_driver_sql("SET LOCAL session_replication_role = replica")
        else:
            conn.exec_driver_sql("DROP TRIGGER audit_log_no_update")
        conn.exec_driver_sql("UPDATE audit_log SET changes = NULL")
    code, out, err = run(["audit", "verify"], capsys)
    assert code == 1 and err == "" and out.startswith("Entry 1 (") and "does not match" in out


def test_restore_asks_for_yes_then_restores_and_keeps_the_replaced_data(env, capsys, tmp_path):
    assert run(["demo-data", "--patients", "5", "--doctors", "1", "--appointments", "3", "--seed", "2"],
               capsys)[0] == 0
    assert run(["backup", str(tmp_path / "b.sqlite3")], capsys)[0] == 0
    assert run(["demo-data", "--patients", "4", "--doctors", "1", "--appointments", "0", "--force"], capsys)[0] == 0
    code, out, err = run(["restore", str(tmp_path / "b.sqlite3")], capsys)
    assert code == 2 and "add --yes" in one_error_line(err)
    code, out, err = run(["restore", str(tmp_path / "b.sqlite3"), "--yes"], capsys)
    assert (code, err) == (0, "") and out.startswith(f"Restored from {tmp_path / 'b.sqlite3'} (schema {migrations.HEAD}")
    with open_app(env) as app, app.ctx.db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM patients").scalar() == 5
    code, out, err = run(["restore", str(tmp_path / "nothing.sqlite3"), "--yes"], capsys)
    assert code == 1 and "There is no backup" in one_error_line(err)


# --- export ------------------------------------------------------------------------------------

def test_export_appointments_and_patients(db_env, capsys, tmp_path):
    with open_app(db_env) as app:
        token = first_admin(app).token
        doctor = app.doctors.create(token, doctor_data()).id
        other = app.doctors.create(token, doctor_data(last_name="Орлов")).id
        patient = app.patients.create(token, patient_data()).id
        visit = app.appointments.create(token, booking(doctor, patient, at(10)))
        app.appointments.create(token, booking(other, patient, at(12)))
    monday = next_monday()
    ics = tmp_path / "визиты.ics"
    code, out, err = run(["export", "appointments", "--from", str(monday), "--to", str(monday + timedelta(6)),
                          "--doctor", str(doctor), "--format", "ics", "--output", str(ics)], capsys)
    assert (code, err) == (0, "") and out.strip() == f"Exported 1 appointments to {ics} (iCalendar)."
    (event,) = Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    assert str(event["uid"]).startswith(f"appointment-{visit.id}-")
    assert event["dtstart"].dt == visit.starts_at

    table = tmp_path / "visits.csv"
    code, out, err = run(["export", "appointments", "--from", str(monday), "--to", str(monday),
                          "--output", str(table), "--delimiter", ";"], capsys)
    assert (code, err) == (0, "") and "Exported 2 appointments" in out
    rows = list(csv.reader(table.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert [r[3] for r in rows[1:]] == ["Петрова Мария Ивановна", "Орлов Мария Ивановна"]

    people = tmp_path / "patients.csv"
    code, out, err = run(["export", "patients", "--active-only", "--output", str(people)], capsys)
    assert (code, err) == (0, "") and "Exported 1 patients" in out
    assert people.read_bytes().startswith(b"\xef\xbb\xbf") and "Иванов" in people.read_text(encoding="utf-8-sig")
    with open_app(db_env) as app:
        token = app.auth.login("admin", "Adm1n-passw0rd").token
        audited = app.audit.list(token, action="export")
    assert sorted(e.entity for e in audited) == ["appointments", "appointments", "patients"]
    assert {e.username for e in audited} == {f"cli:{getpass.getuser()}"}


def test_export_refusals_are_one_line_and_write_nothing(db_env, capsys, tmp_path):
    target = tmp_path / "out" / "x.csv"
    target.parent.mkdir()
    code, _, err = run(["export", "appointments", "--from", "2025-03-10", "--to", "2025-03-01",
                        "--output", str(target)], capsys)
    assert code == 1 and one_error_line(err) == "--to: The last day must not be before the first."
    code, _, err = run(["export", "appointments", "--from", "2025-03-01", "--to", "2025-03-10", "--doctor", "99",
                        "--output", str(target)], capsys)
    assert code == 1 and "no doctor with the number 99" in one_error_line(err)
    code, _, err = run(["export", "patients", "--output", str(tmp_path / "missing" / "p.csv")], capsys)
    assert code == 1 and "could not be written" in one_error_line(err)
    with pytest.raises(SystemExit) as wrong:
        cli.main(["export", "appointments", "--from", "March", "--to", "2025-03-10", "--output", str(target)])
    assert wrong.value.code == 2 and "not a date as YYYY-MM-DD" in capsys.readouterr().err
    assert list(target.parent.iterdir()) == []


# --- import patients ---------------------------------------------------------------------

def test_import_patients_stores_the_good_rows_and_lists_the_rest(db_env, tmp_path, capsys):
    source = tmp_path / "Пациенты.csv"
    source.write_bytes("ФИО;Д.р.;Телефон\r\nИванов Пётр Сергеевич;17.05.1980;8 916 123-45-67\r\n"
                       "Петрова Анна;31.02.1990;\r\nСидоров Илья;02.02.1992;12-ab\r\n".encode("cp1251"))
    code, out, err = run(["import", "patients", str(source)], capsys)
    assert code == 0, err
    assert "Пациенты.csv: 3 rows, cp1251, separated by semicolons." in out
    assert "  Full name    <- ФИО" in out and "  Birth date   <- Д.р." in out
    assert "row 3: Birth date: Enter the date as dd.mm.yyyy, for example 17.05.1980." in out
    assert "row 4: Phone: Enter a phone number" in out
    rejected = tmp_path / "Пациенты-rejected.csv"
    assert f"1 imported, 2 rejected; written to {rejected} (" in out
    assert rejected.read_text("cp1251").splitlines()[0] == "ФИО;Д.р.;Телефон;reason"
    with open_app(db_env) as app, app.ctx.uow() as uow:
        assert uow.patients.count() == 1
        imports = [e for e in uow.audit_log.list_recent() if e.action == "import"]
        assert imports[0].username.startswith("cli:") and imports[0].changes["imported"] == 1


def test_import_patients_all_or_nothing_and_an_explicit_mapping(db_env, tmp_path, capsys):
    source = tmp_path / "list.csv"
    source.write_text("Surname,Given,Born,Mobile\nSmith,John,1970-01-02,\nBrown,,1980-01-01,\n", encoding="utf-8")
    args = ["import", "patients", str(source), "--map", "last_name=Surname", "--map", "first_name=Given",
            "--map", "birth_date=Born", "--map", "phone=Mobile"]
    code, out, err = run([*args, "--all-or-nothing"], capsys)
    assert code == 1, err
    assert "row 3: First name: This field is required." in out
    assert "Nothing was imported, 1 rejected" in out and "Nothing was stored" in out
    code, out, err = run(args, capsys)
    assert code == 0 and "1 imported, 1 rejected" in out
    code, _, err = run(["import", "patients", str(source), "--map", "birth_date=Geboren"], capsys)
    assert code == 1 and "The file has no column 'Geboren'." in err
    with pytest.raises(SystemExit) as refused:
        cli.main(["import", "patients", str(source), "--map", "age=Born"])
    assert refused.value.code == 2 and "no patient field 'age'" in capsys.readouterr().err
