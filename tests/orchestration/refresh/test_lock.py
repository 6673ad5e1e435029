"""One refresh at a time: the lock is an OS lock, held across processes and released on exit."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import dagster as dg
import pytest

from orchestration.refresh.lock import RefreshBusy, holder, refresh_lock
from orchestration.refresh.resources import REFRESH_LOCK, RefreshLock
from orchestration.settings import Paths

HOLD = """
import sys, time
from pathlib import Path
from orchestration.refresh.lock import refresh_lock
with refresh_lock(Path(sys.argv[1]), run_id="other-run"):
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
    released = time.time()
print(released, flush=True)
"""
RAN_AT: list[float] = []


def _hold_in_another_process(lock: Path, seconds: float) -> subprocess.Popen[str]:
    """GIVEN another process that holds the lock for `seconds`, then says when it let go."""
    other = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(lock), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert other.stdout is not None and other.stdout.readline().strip() == "held"
    return other


@dg.asset(required_resource_keys={REFRESH_LOCK})
def locked_step() -> None:
    """A step that, like every refresh step, runs under the refresh lock."""
    RAN_AT.append(time.time())


def test_the_lock_says_who_holds_it_and_is_free_when_they_end(warehouse: Paths) -> None:
    lock = warehouse.refresh_lock
    assert holder(lock) is None

    other = _hold_in_another_process(lock, 30)
    found = holder(lock)
    busy = pytest.raises(RefreshBusy, match="Another refresh of this warehouse is running")
    with busy, refresh_lock(lock, wait=0):
        pass
    other.kill()
    other.wait()

    assert found is not None and (found.pid, found.run_id) == (other.pid, "other-run")
    assert holder(lock) is None
    with refresh_lock(lock, wait=0):
        assert holder(lock) is not None


def test_the_lock_is_reentrant_within_one_process_and_records_the_run(warehouse: Paths) -> None:
    lock = warehouse.refresh_lock
    with refresh_lock(lock, wait=0):
        with refresh_lock(lock, wait=0, run_id="run-7"):
            inner = holder(lock)
        after = holder(lock)

    assert inner is not None and inner.run_id == "run-7"
    assert after is not None
    assert holder(lock) is None


def test_a_scheduled_run_waits_for_the_running_refresh_then_runs(warehouse: Paths) -> None:
    other = _hold_in_another_process(warehouse.refresh_lock, 3)
    RAN_AT.clear()

    result = dg.materialize(
        [locked_step],
        resources={REFRESH_LOCK: RefreshLock(wait_seconds=120)},
        instance=dg.DagsterInstance.ephemeral(),
    )
    released = float(other.communicate()[0])

    assert result.success
    assert RAN_AT and RAN_AT[0] >= released


def test_a_run_that_waited_too_long_fails_saying_why(warehouse: Paths) -> None:
    other = _hold_in_another_process(warehouse.refresh_lock, 60)
    RAN_AT.clear()

    result = dg.materialize(
        [locked_step],
        resources={REFRESH_LOCK: RefreshLock(wait_seconds=1)},
        instance=dg.DagsterInstance.ephemeral(),
        raise_on_error=False,
    )
    other.kill()
    other.wait()

    assert not result.success
    assert RAN_AT == []
    [failure] = [e for e in result.all_events if e.event_type == dg.DagsterEventType.RUN_FAILURE]
    assert (
        "Another refresh of this warehouse is running"
        in failure.event_specific_data.error.to_string()
    )
