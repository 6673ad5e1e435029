"""Runs whose process is gone: a refresh killed mid-way is interrupted, not STARTED.

Dagster marks a run STARTED when its process begins and finished when it ends normally; a
process that is killed never says so. Every run's start event carries the pid of the
process that ran it, so a STARTED run whose process no longer exists (or is a newer
process that reused the pid) was interrupted.
"""

from __future__ import annotations

import os
from pathlib import Path

import dagster as dg

IN_PROGRESS = [dg.DagsterRunStatus.STARTED, dg.DagsterRunStatus.CANCELING]
INTERRUPTED = "interrupted: its process ended before the run finished (killed or crashed)"


def _process_started_at(pid: int) -> float | None:
    """When the process `pid` started (Unix time), or None if there is no such process."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        pass
    stat = Path(f"/proc/{pid}/stat")
    try:
        fields = stat.read_text().rsplit(")", 1)[1].split()
        boot = next(
            float(line.split()[1])
            for line in Path("/proc/stat").read_text().splitlines()
            if line.startswith("btime")
        )
    except (OSError, StopIteration, IndexError):
        return 0.0
    return boot + int(fields[19]) / os.sysconf("SC_CLK_TCK")


def run_process_alive(instance: dg.DagsterInstance, record: dg.RunRecord) -> bool:
    """Whether the process that started this run still exists (and is that same process)."""
    starts = instance.all_logs(record.dagster_run.run_id, of_type=dg.DagsterEventType.RUN_START)
    pids = [entry.dagster_event.pid for entry in starts if entry.dagster_event]
    if not pids or pids[-1] is None:
        return True
    started = _process_started_at(pids[-1])
    return started is not None and started <= starts[-1].timestamp + 1


def interrupted_runs(instance: dg.DagsterInstance) -> list[dg.RunRecord]:
    """Runs recorded as in progress whose process is gone."""
    records = instance.get_run_records(dg.RunsFilter(statuses=IN_PROGRESS))
    return [record for record in records if not run_process_alive(instance, record)]


def close_interrupted_runs(instance: dg.DagsterInstance) -> list[str]:
    """Record every interrupted run as failed, saying why; returns their run ids."""
    closed = []
    for record in interrupted_runs(instance):
        instance.report_run_failed(record.dagster_run, message=INTERRUPTED)
        closed.append(record.dagster_run.run_id)
    return closed
