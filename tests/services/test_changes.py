"""The change feed: what one desk commits, another desk's watcher hears (and nothing uncommitted)."""

from __future__ import annotations

import queue
import time

import pytest

from heartbeat_desktop.core.errors import ValidationFailed
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.services.changes import Change, ChangeWatcher, payload
from tests.helpers import patient_data


@pytest.fixture
def heard(hb):
    """A watcher on hb's database (as another desk keeps one); yields its queue of changes."""
    got: queue.Queue[Change] = queue.Queue()
    watcher = ChangeWatcher(hb.ctx.db.engine.url, got.put).start()
    assert watcher.ready.wait(10)  # listening (the first connection announces nothing)
    yield got
    watcher.stop()
    assert not watcher.running


def wait_for(got, wanted, seconds: float = 2.0) -> Change:
    deadline = time.monotonic() + seconds
    while True:
        change = got.get(timeout=max(0.01, deadline - time.monotonic()))
        if wanted(change):
            return change


def test_another_desks_new_patient_is_heard_within_two_seconds(hb, admin_token, heard):
    with Heartbeat.open(hb.ctx.settings) as other_desk:  # its own engine and connections
        created = other_desk.patients.create(admin_token, patient_data())
    if hb.ctx.db.dialect == "postgresql":  # what and which, and by whom
        change = wait_for(heard, lambda c: c.entity == "patient")
        assert (change.id, change.origin) == (created.id, other_desk.ctx.desk.origin)
    else:  # SQLite: that something changed
        assert wait_for(heard, lambda c: True) == Change(None)


def test_a_refused_change_is_not_announced(hb, admin_token, heard):
    if hb.ctx.db.dialect != "postgresql":
        pytest.skip("SQLite's data_version does not move for a rolled-back write either; nothing to tell apart")
    with pytest.raises(ValidationFailed):
        hb.patients.create(admin_token, {**patient_data(), "last_name": ""})
    created = hb.patients.create(admin_token, patient_data(last_name="Слышимов", phone=None))
    assert wait_for(heard, lambda c: c.entity == "patient").id == created.id  # the first patient heard


def test_payloads_name_what_a_window_shows():
    assert payload("patient", 7, "d1") == "patient:7:d1"
    assert payload("database", None) is None and payload("session", 3) is None
    assert Change.parse("appointment:12:d2") == Change("appointment", 12, "d2")
    assert Change.parse("") == Change(None)


def test_a_desk_does_not_hear_its_own_changes_but_hears_the_others(hb, admin_token):
    got: queue.Queue[Change] = queue.Queue()
    watcher = hb.watch_changes(got.put)
    try:
        assert watcher.ready.wait(10)
        hb.patients.create(admin_token, patient_data(last_name="Свойский", phone=None))
        with pytest.raises(queue.Empty):
            got.get(timeout=1.5)  # three polls: nothing from its own save
        with Heartbeat.open(hb.ctx.settings) as other_desk:
            created = other_desk.patients.create(admin_token, patient_data(last_name="Чужой", phone=None))
        heard = got.get(timeout=2)
        if hb.ctx.db.dialect == "postgresql":
            assert (heard.entity, heard.id, heard.origin) == ("patient", created.id, other_desk.ctx.desk.origin)
        else:
            assert heard == Change(None)
    finally:
        watcher.stop()


def test_a_watcher_on_an_unreachable_server_keeps_retrying_and_stops(hb):
    from sqlalchemy.engine import make_url

    got: queue.Queue[Change] = queue.Queue()
    watcher = ChangeWatcher(make_url("postgresql+psycopg://nobody@127.0.0.1:1/none"), got.put).start()
    assert watcher.running
    watcher.stop()
    assert not watcher.running and got.empty()
