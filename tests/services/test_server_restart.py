"""The PostgreSQL server stops and starts under a running app: plain errors, then it carries on.

A private server (tests.private_postgres) is stopped the way a restart or a
shutdown does it (``pg_ctl -m fast`` ends every session).  The services must
say so in the desk's words (ConnectionLost), never with a driver error, and
work again once the server is back: the pool checks connections before lending
them, so no stale one is handed out.
"""

from __future__ import annotations

import threading

import pytest

from heartbeat_desktop.core.errors import ConnectionLost
from heartbeat_desktop.services import Heartbeat
from tests.helpers import first_admin, patient_data, settings_at

pytestmark = pytest.mark.postgresql


@pytest.fixture
def app(tmp_path, private_postgres):  # noqa: ANN001, ANN201
    with Heartbeat.open(settings_at(tmp_path, private_postgres.url)) as hb:
        yield hb


def test_calls_while_the_server_is_down_fail_plainly_and_work_again_after(app, private_postgres):
    auth = first_admin(app)
    app.patients.create(auth.token, patient_data(last_name="Довыключенная", phone=None))  # pool has connections
    private_postgres.stop()
    with pytest.raises(ConnectionLost, match="not answering"):
        app.ping()
    with pytest.raises(ConnectionLost):
        app.patients.create(auth.token, patient_data(last_name="Вовремясбоя", phone=None))
    with pytest.raises(ConnectionLost):
        app.patients.search(auth.token, "")
    private_postgres.start()
    app.ping()
    app.patients.create(auth.token, patient_data(last_name="Вовремясбоя", phone=None))  # saved again, once
    names = [p.last_name for p in app.patients.search(auth.token, "")]
    assert sorted(names) == ["Вовремясбоя", "Довыключенная"]


def test_the_change_feed_says_when_its_connection_drops_and_comes_back(app, private_postgres):
    events: list[bool] = []
    back = threading.Event()

    def on_connection(connected: bool) -> None:
        events.append(connected)
        if connected:
            back.set()

    watcher = app.watch_changes(lambda _change: None, on_connection)
    try:
        assert watcher.ready.wait(10)
        private_postgres.stop()
        private_postgres.start()
        assert back.wait(30), "the feed did not reconnect"
        assert events == [False, True]
        assert watcher.running
    finally:
        watcher.stop()
