import threading

import pytest

from heartbeat_desktop.core.errors import NotFound
from heartbeat_desktop.ui.operations import Operation


def test_result_arrives_on_the_gui_thread_from_a_worker(qtbot):
    seen = {}

    def work(a, b):
        seen["thread"] = threading.current_thread()
        return a + b

    op = Operation(work, 2, b=3)
    with qtbot.waitSignal(op.succeeded, timeout=5000) as blocker:
        op.start()
    assert blocker.args == [5]
    assert seen["thread"] is not threading.main_thread()


def test_error_is_delivered_not_raised(qtbot):
    def work():
        raise NotFound("gone")

    op = Operation(work)
    with qtbot.waitSignal(op.failed, timeout=5000) as blocker:
        op.start()
    assert isinstance(blocker.args[0], NotFound)
    assert str(blocker.args[0]) == "gone"


@pytest.mark.parametrize("ok", [True, False])
def test_finished_follows_either_outcome(qtbot, ok):
    def work():
        if not ok:
            raise ValueError("x")
        return 1

    op = Operation(work)
    with qtbot.waitSignal(op.finished, timeout=5000):
        op.start()
