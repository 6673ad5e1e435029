"""The refresh job, its nightly schedule, and the job that re-writes stale reports."""

from __future__ import annotations

import dagster as dg

from orchestration.settings import TIMEZONE

REPORT_KEYS = [dg.AssetKey("monitoring_reports"), dg.AssetKey("dbt_docs_site")]

refresh_job = dg.define_asset_job(
    name="refresh_job",
    selection=dg.AssetSelection.all(),
    description="Load new submissions, rebuild, audit and publish the marts, write the reports.",
)

reports_job = dg.define_asset_job(
    name="reports_job",
    selection=dg.AssetSelection.assets(*REPORT_KEYS),
    description="Re-write the reports and dbt docs from the published marts (no rebuild).",
)

nightly_refresh = dg.ScheduleDefinition(
    name="nightly_refresh",
    job=refresh_job,
    cron_schedule="0 2 * * *",
    execution_timezone=TIMEZONE,
    description="The nightly refresh at 02:00 Asia/Shanghai.",
    default_status=dg.DefaultScheduleStatus.RUNNING,
)
