"""The refresh job and its nightly schedule."""

from __future__ import annotations

import dagster as dg

from orchestration.settings import TIMEZONE

refresh_job = dg.define_asset_job(
    name="refresh_job",
    selection=dg.AssetSelection.all(),
    description="Load new submissions, rebuild, audit and publish the marts, write the reports.",
)

nightly_refresh = dg.ScheduleDefinition(
    name="nightly_refresh",
    job=refresh_job,
    cron_schedule="0 2 * * *",
    execution_timezone=TIMEZONE,
    description="The nightly refresh at 02:00 Asia/Shanghai.",
)
