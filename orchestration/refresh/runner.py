"""Run the refresh job in-process and describe the outcome for a person at a terminal."""

from __future__ import annotations

from dataclasses import dataclass, field

import dagster as dg
import duckdb

from orchestration.settings import paths

QUIET_LOGS = {"loggers": {"console": {"config": {"log_level": "INFO"}}}}


@dataclass
class RefreshResult:
    """Outcome of one refresh run."""

    success: bool
    run_id: str
    failed_steps: list[str] = field(default_factory=list)
    skipped_steps: list[str] = field(default_factory=list)


def run_refresh(*, force: bool = False) -> RefreshResult:
    """Execute `refresh_job` in this process; `force` rebuilds even when nothing is new."""
    from orchestration.definitions import defs

    job = defs.resolve_job_def("refresh_job")
    with dg.DagsterInstance.get() as instance:
        result = job.execute_in_process(
            instance=instance,
            raise_on_error=False,
            run_config={**QUIET_LOGS, "ops": {"intake": {"config": {"force_rebuild": force}}}},
        )
    events = result.all_events
    return RefreshResult(
        success=result.success,
        run_id=result.run_id,
        failed_steps=[e.step_key for e in events if e.is_step_failure],
        skipped_steps=[e.step_key for e in events if e.is_step_skipped],
    )


def published_tables() -> list[tuple[str, int]]:
    """(table, rows) of every table in the published marts file."""
    with duckdb.connect(str(paths().marts_db), read_only=True) as con:
        names = [
            row[0]
            for row in con.execute(
                "select table_name from duckdb_tables() order by table_name"
            ).fetchall()
        ]
        return [(n, con.execute(f'select count(*) from "{n}"').fetchone()[0]) for n in names]


def print_summary(result: RefreshResult) -> None:
    """A short report of what was built and where it is."""
    where = paths()
    print()
    print(f"planwatch refresh {'succeeded' if result.success else 'FAILED'} (run {result.run_id})")
    if result.failed_steps:
        print("failed steps: " + ", ".join(result.failed_steps))
        print("the previously published marts (if any) are unchanged")
    if "planwatch_dbt" in result.skipped_steps:
        print("nothing new since the published version: rebuild skipped, marts unchanged")
    if where.marts_db.exists():
        print(f"published marts: {where.marts_db}")
        for name, rows in published_tables():
            print(f"  {name:<36} {rows:>8} rows")
    print(f"reports:         {where.reports}")
    print('query:           .venv/bin/planwatch query "select * from dim_indicator"')


def print_status() -> int:
    """Print what is published, when, from which submissions, and the last run's outcome."""
    where = paths()
    if not where.marts_db.exists():
        print(f"nothing published yet at {where.marts_db}")
    else:
        with duckdb.connect(str(where.marts_db), read_only=True) as con:
            rows = con.execute(
                "select refreshed_at, item, value from refresh_provenance order by item"
            ).fetchall()
        print(f"published: {where.marts_db}")
        for _, item, value in rows:
            print(f"  {item:<18} {value}")
        print(f"  {'refreshed_at':<18} {rows[0][0] if rows else 'unknown'}")
    with dg.DagsterInstance.get() as instance:
        _print_last_runs(instance)
    return 0


def _print_last_runs(instance: dg.DagsterInstance) -> None:
    """The latest refresh run, and the latest failed one with the steps that failed."""
    latest = instance.get_run_records(dg.RunsFilter(job_name="refresh_job"), limit=1)
    if not latest:
        print("no refresh has run on this instance yet")
        return
    run = latest[0].dagster_run
    print(f"last run:        {run.run_id} {run.status.value} at {latest[0].create_timestamp}")
    failed = instance.get_run_records(
        dg.RunsFilter(job_name="refresh_job", statuses=[dg.DagsterRunStatus.FAILURE]), limit=1
    )
    if not failed:
        print("last failure:    none")
        return
    failures = instance.all_logs(
        failed[0].dagster_run.run_id, of_type=dg.DagsterEventType.STEP_FAILURE
    )
    steps = sorted({entry.step_key or "?" for entry in failures})
    print(
        f"last failure:    {failed[0].dagster_run.run_id} at {failed[0].create_timestamp}"
        f" (failed steps: {', '.join(steps) or 'none recorded'})"
    )
