"""The Dagster wrappers: the intake multi-asset materialises in-process; the sensor watches raw/."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
import duckdb

from orchestration.refresh.assets import intake_assets
from orchestration.refresh.resources import REFRESH_LOCK, RefreshLock
from orchestration.refresh.sensors import raw_files_sensor
from orchestration.settings import Paths

KEYS = {
    "steward_action",
    "submission_log",
    "quarantine",
    "submission_warning",
    "submission_period",
    "indicator_values",
    "project_progress",
    "sector_output",
}


def _csv(where: Paths, relative: str, text: str) -> Path:
    path = where.raw / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_intake_asset_declares_the_raw_tables() -> None:
    (intake,) = intake_assets
    assert {key.path[1] for key in intake.keys} == KEYS
    assert {key.path[0] for key in intake.keys} == {"raw"}
    assert all(intake.specs_by_key[key].description for key in intake.keys)
    assert set(intake.group_names_by_key.values()) == {"intake"}


def test_materialize_loads_the_drop_folder(warehouse: Paths) -> None:
    """Real seeds, real DuckDB, real Dagster in-process: one good and one bad file."""
    _csv(warehouse, "stats/good.csv", "指标代码,年份,数值\nI01,2021,330\n")
    _csv(warehouse, "stats/bad.csv", "指标代码,年份,数值\nI01,2031,330\n")

    result = dg.materialize(
        intake_assets,
        instance=dg.DagsterInstance.ephemeral(),
        resources={REFRESH_LOCK: RefreshLock()},
    )

    assert result.success
    events = {
        e.asset_key.path[1]: e
        for e in result.get_asset_materialization_events()
        for e in [e.event_specific_data.materialization]
    }
    assert set(events) == KEYS
    log_meta = events["submission_log"].metadata
    assert (log_meta["files_accepted"].value, log_meta["files_rejected"].value) == (1, 1)
    assert events["indicator_values"].metadata["rows_added"].value == 1
    with duckdb.connect(str(warehouse.build_db), read_only=True) as con:
        statuses = con.execute("select status from raw.submission_log order by file_path")
        assert [row[0] for row in statuses.fetchall()] == ["rejected", "accepted"]


def test_sensor_requests_a_refresh_only_when_the_listing_changes(warehouse: Paths) -> None:
    assert raw_files_sensor.job_name == "refresh_job"
    assert raw_files_sensor.minimum_interval_seconds == 60
    empty = raw_files_sensor(dg.build_sensor_context())
    assert isinstance(empty, dg.SkipReason)

    _csv(warehouse, "stats/a.csv", "指标代码,年份,数值\nI01,2021,330\n")
    first = raw_files_sensor(dg.build_sensor_context())
    assert isinstance(first, dg.SensorResult) and len(first.run_requests) == 1
    same = raw_files_sensor(dg.build_sensor_context(cursor=first.cursor))
    assert isinstance(same, dg.SkipReason)

    _csv(warehouse, "stats/b.csv", "指标代码,年份,数值\nI02,2021,52000\n")
    second = raw_files_sensor(dg.build_sensor_context(cursor=first.cursor))
    assert isinstance(second, dg.SensorResult)
    assert second.run_requests[0].run_key != first.run_requests[0].run_key
