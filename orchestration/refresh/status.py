"""`planwatch status`: what is published, whether a refresh runs, how the last runs ended."""

from __future__ import annotations

import dagster as dg
import duckdb

from orchestration.refresh.lock import holder
from orchestration.refresh.runs import run_process_alive
from orchestration.refresh.summary import audit_lines
from orchestration.settings import paths
from orchestration.sql import in_local_time

JOBS = ("refresh_job", "reports_job")


def _print_published() -> None:
    where = paths()
    if not where.marts_db.exists():
        print(f"nothing published yet at {where.marts_db}")
        return
    with duckdb.connect(str(where.marts_db), read_only=True) as con:
        rows = (
            in_local_time(con)
            .execute("select refreshed_at, item, value from refresh_provenance order by item")
            .fetchall()
        )
    print(f"published: {where.marts_db}")
    for _, item, value in rows:
        print(f"  {item:<18} {value}")
    print(f"  {'refreshed_at':<18} {rows[0][0] if rows else 'unknown'}")


def _run_state(instance: dg.DagsterInstance, record: dg.RunRecord) -> str:
    status = record.dagster_run.status
    in_progress = status in (dg.DagsterRunStatus.STARTED, dg.DagsterRunStatus.CANCELING)
    if in_progress and not run_process_alive(instance, record):
        return "INTERRUPTED (its process is gone: killed or crashed)"
    return status.value


def _print_runs(instance: dg.DagsterInstance) -> None:
    """The latest run, the refresh running now if any, and the latest failure and why."""
    running = holder(paths().refresh_lock)
    if running:
        print(f"refresh running: {running.describe()}")
    latest = instance.get_run_records(dg.RunsFilter(job_name="refresh_job"), limit=1)
    if not latest:
        print("no refresh has run on this instance yet")
        return
    record = latest[0]
    state = _run_state(instance, record)
    print(f"last run:        {record.dagster_run.run_id} {state} at {record.create_timestamp}")
    failed = instance.get_run_records(
        dg.RunsFilter(job_name="refresh_job", statuses=[dg.DagsterRunStatus.FAILURE]), limit=1
    )
    if not failed:
        print("last failure:    none")
        return
    run_id = failed[0].dagster_run.run_id
    failures = instance.all_logs(run_id, of_type=dg.DagsterEventType.STEP_FAILURE)
    steps = sorted({entry.step_key or "?" for entry in failures})
    print(
        f"last failure:    {run_id} at {failed[0].create_timestamp}"
        f" (failed steps: {', '.join(steps) or 'none recorded: interrupted'})"
    )
    if not running:
        for line in audit_lines(run_id):
            print(f"  {line}")


def print_status() -> int:
    """Print what is published, when, from which submissions, and the last runs' outcome."""
    _print_published()
    with dg.DagsterInstance.get() as instance:
        _print_runs(instance)
    return 0
