"""The benchmark code runs at tiny sizes and reports the numbers it claims (no timing asserted)."""

from __future__ import annotations

import json

import duckdb

from benchmarks import intake, raw_data, report, submissions, transform
from benchmarks.publish import analyst_queries
from benchmarks.sizes import TINY
from orchestration.settings import Paths


def test_intake_benchmark_loads_every_synthetic_row_it_wrote(warehouse: Paths) -> None:
    result = intake.scenario(
        "many_files", lambda raw: submissions.many_files(raw, TINY.files), TINY.row_limit
    )

    assert result["files"] == {"seen": TINY.files, "accepted": TINY.files}
    assert result["rows_written"]["project_progress"] == result["rows_in_files"] > 0
    assert result["files_per_s"] > 0 and result["rows_per_s"] > 0
    assert result["peak_rss_mb"] > 0


def test_a_file_over_the_row_limit_is_rejected_without_loading_rows(warehouse: Paths) -> None:
    over = 2 * TINY.row_limit
    result = intake.scenario("over", lambda raw: intake.write_large(raw, over), TINY.row_limit)

    assert result["files"] == {"seen": 1, "rejected": 1}
    assert result["rows_in_files"] == over
    assert "project_progress" not in result["rows_written"]


def test_hostile_workbooks_are_measured_against_a_plain_one(warehouse: Paths) -> None:
    names = ("plain_small_workbook", "value_in_last_cell")
    results = intake.run_hostile(TINY.hostile_scale, TINY.row_limit, names)

    decided = {r["scenario"]: r["reasons"] for r in results}
    assert decided == {
        "hostile:plain_small_workbook": {"accepted": 1},
        "hostile:value_in_last_cell": {"too_many_columns": 1},
    }
    assert all(r["peak_rss_mb"] > 0 and r["file_kb"] > 0 for r in results)
    assert "value_in_last_cell" in report.hostile_table(results)


def test_scaled_raw_data_matches_its_counts_and_submission_log(warehouse: Paths) -> None:
    counts = raw_data.write_raw(warehouse.build_db, 2500)

    with duckdb.connect(str(warehouse.build_db), read_only=True) as con:
        rows = {
            t: con.execute(f"select count(*) from raw.{t}").fetchone()[0]
            for t in ("project_progress", "indicator_values", "sector_output", "submission_log")
        }
        logged = con.execute("select sum(rows_accepted) from raw.submission_log").fetchone()[0]
        regions = con.execute(
            "select count(distinct region_code) from raw.indicator_values"
        ).fetchone()[0]
    assert rows["project_progress"] == counts.project_progress == 2500
    assert rows["indicator_values"] == counts.indicator_values
    assert rows["sector_output"] == counts.sector_output
    assert rows["submission_log"] == counts.submissions
    assert logged == 2500 + counts.indicator_values + counts.sector_output
    assert regions == counts.regions == 3


def test_warehouse_benchmark_builds_publishes_and_reports_what_it_measured(
    warehouse: Paths,
) -> None:
    (result,) = transform.run(TINY.project_rows)
    results = {
        "data": "synthetic",
        "sizes": TINY.__dict__,
        "machine": {"cpus": 2, "memory_gib": 1, "load_average_1m": 0, "git_commit": "test"},
        "load_average_1m_after": 0,
        "intake": [],
        "warehouse": [result],
    }

    assert result["project_progress"] == TINY.project_rows[0]
    assert result["mart_rows"]["fct_project_progress"] == TINY.project_rows[0]
    assert result["mart_rows"]["fct_indicator_value"] == result["indicator_values"]
    assert set(result["query_median_ms"]) == set(analyst_queries())
    assert result["during_publish"]["errors"] == 0 and result["during_publish"]["reads"] >= 1
    assert result["marts_mb"] > 0 and 0 < result["dbt_elapsed_s"] <= result["dbt_build_s"]
    assert "dbt build s" in report.render(results)
    written = report.write_json(results)
    assert written.parent == warehouse.warehouse / "bench"
    assert (
        json.loads(written.read_text("utf-8"))["warehouse"][0]["publish_s"] == result["publish_s"]
    )
