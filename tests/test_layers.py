"""The layers hold: Qt stays in ``ui``; ``ui`` reaches the data only through services.

Like qutebrowser's check_pyqt_imports, this reads every module's imports (AST,
so an import inside a function counts too).
"""

from __future__ import annotations

import ast
from pathlib import Path

import heartbeat_desktop

PACKAGE = Path(heartbeat_desktop.__file__).parent
QT = ("PySide6", "PyQt5", "PyQt6", "shiboken6")
DATABASE = ("sqlalchemy", "alembic", "psycopg", "sqlite3",
            "heartbeat_desktop.models", "heartbeat_desktop.repositories",
            "heartbeat_desktop.core.database", "heartbeat_desktop.migrations")


def imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def offenders(files: list[Path], banned: tuple[str, ...]) -> list[str]:
    return sorted(
        f"{path.relative_to(PACKAGE.parent)}: {name}"
        for path in files
        for name in imports(path)
        if any(name == b or name.startswith(b + ".") for b in banned)
    )


def modules(inside_ui: bool) -> list[Path]:
    ui = PACKAGE / "ui"
    return [p for p in PACKAGE.rglob("*.py") if (ui in p.parents) == inside_ui]


def test_the_scan_sees_the_packages():
    assert len(modules(inside_ui=False)) > 20
    assert modules(inside_ui=True)


def test_nothing_outside_ui_imports_qt():
    assert offenders(modules(inside_ui=False), QT) == []


def test_ui_never_touches_the_database_directly():
    assert offenders(modules(inside_ui=True), DATABASE) == []


def test_the_check_would_catch_an_offender(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from sqlalchemy import select\n", encoding="utf-8")
    assert "sqlalchemy" in imports(bad)
