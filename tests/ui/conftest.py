"""Every GUI test runs with the application's look (its style sheet and icon),
so a style sheet rule that Qt cannot parse or draw fails the suite
(``qt_log_level_fail = WARNING``)."""

import pytest

from heartbeat_desktop.ui.look import apply_look


@pytest.fixture(scope="session", autouse=True)
def heartbeat_look(qapp):
    apply_look(qapp)
    return qapp
