"""What the self-check's walks share: their failure, and a throw-away database with an administrator."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from heartbeat_desktop.core.settings import load_settings


class CheckFailed(AssertionError):
    """A check ran but found something wrong (the Qt checks raise their own
    AssertionError subclass; both print as their message alone)."""


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


@contextmanager
def scratch_app(folder: Path) -> Iterator[tuple[Any, str]]:
    """The services on a new SQLite database in ``folder`` (data, config and logs inside it), and the
    session token of its first administrator, whose random password is used once and forgotten."""
    from heartbeat_desktop.services import Heartbeat  # noqa: PLC0415 - the whole service layer, when asked

    settings = load_settings(env={"HEARTBEAT_DATA_DIR": str(folder / "data"),
                                  "HEARTBEAT_CONFIG_DIR": str(folder / "config"),
                                  "HEARTBEAT_LOG_DIR": str(folder / "log")})
    password = secrets.token_urlsafe(12) + "-Aa1"
    with Heartbeat.open(settings) as hb:
        hb.auth.create_first_admin({"username": "check", "password": password})
        yield hb, hb.auth.login("check", password).token
