"""Sensors: a refresh when raw/ changes; a report run when reports are older than the marts."""

import hashlib

import dagster as dg

from orchestration.intake.discover import scan
from orchestration.refresh.jobs import refresh_job, reports_job
from orchestration.refresh.outputs import stale
from orchestration.settings import paths


def fingerprint() -> str | None:
    """A digest of every candidate file's path, size and mtime (None when the folder is empty)."""
    entries = [f"{e.relative_path}\t{e.size}\t{e.mtime.isoformat()}" for e in scan(paths().raw)]
    if not entries:
        return None
    return hashlib.sha256("\n".join(entries).encode("utf-8")).hexdigest()


@dg.sensor(
    job_name="refresh_job",
    minimum_interval_seconds=60,
    default_status=dg.DefaultSensorStatus.RUNNING,
)
def raw_files_sensor(context: dg.SensorEvaluationContext) -> dg.SensorResult | dg.SkipReason:
    """Request refresh_job when the drop folder's listing (path, size, mtime) has changed."""
    current = fingerprint()
    if current is None or current == context.cursor:
        return dg.SkipReason("no new or changed files in the drop folder")
    return dg.SensorResult(run_requests=[dg.RunRequest(run_key=current[:32])], cursor=current)


@dg.run_status_sensor(
    run_status=dg.DagsterRunStatus.SUCCESS,
    monitored_jobs=[refresh_job],
    request_job=reports_job,
    default_status=dg.DefaultSensorStatus.RUNNING,
)
def stale_reports_sensor(context: dg.RunStatusSensorContext) -> dg.RunRequest | dg.SkipReason:
    """After a refresh that skipped the rebuild, re-write reports older than the marts."""
    behind = stale()
    if not behind:
        return dg.SkipReason("reports and docs are as new as the published marts")
    return dg.RunRequest(run_key=f"stale-after-{context.dagster_run.run_id}")
