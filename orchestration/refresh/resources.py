"""The refresh lock as a Dagster resource, so every run holds it however it was started."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

import dagster as dg

from orchestration.refresh.lock import holder, refresh_lock
from orchestration.refresh.runs import close_interrupted_runs
from orchestration.settings import paths

REFRESH_LOCK = "refresh_lock"
# A scheduled or sensor run that finds a refresh running waits for it rather than fail.
WAIT_SECONDS = 3 * 3600.0


class RefreshLock(dg.ConfigurableResource):
    """Holds warehouse/refresh.lock from the first step of a run to its end.

    Every asset and check of the code location requires it and runs execute in one process
    (the in-process executor), so the lock is taken once per run and released when the run
    ends. The run that takes it also records runs whose process is gone as failed.
    """

    wait_seconds: float = WAIT_SECONDS

    @contextmanager
    def yield_for_execution(self, context: dg.InitResourceContext) -> Iterator[RefreshLock]:
        lock = paths().refresh_lock
        running = holder(lock)
        if running and running.pid != os.getpid():
            context.log.info(f"waiting for the refresh that is running ({running.describe()})")
        with refresh_lock(lock, wait=self.wait_seconds, run_id=context.run_id):
            for run_id in close_interrupted_runs(context.instance):
                context.log.warning(f"run {run_id} was interrupted; recorded as failed")
            yield self
