"""Auditing real plan marts built by dbt: clean marts pass, broken ones fail and say why."""

import json
from pathlib import Path

import duckdb
import pytest

from orchestration.audit.audit import AuditRun, audit_marts
from orchestration.audit.store import results_summary
from orchestration.audit.suites import mart_suites
from orchestration.settings import EXPECTATIONS_DIR, Paths

pytestmark = pytest.mark.xdist_group("audit")

PLAN_SUITES = [s for s in mart_suites() if s.model.startswith("dim_")]


def _audit(where: Paths, run_id: str = "run-1") -> AuditRun:
    return audit_marts(where.build_db, where.gx, PLAN_SUITES, run_id)


def _outcome(run: AuditRun, suite: str):
    return next(outcome for outcome in run.outcomes if outcome.suite.name == suite)


def _execute(where: Paths, sql: str) -> None:
    with duckdb.connect(str(where.build_db)) as con:
        con.execute(sql)


def test_clean_plan_marts_pass_every_suite(built: Paths) -> None:
    run = _audit(built)

    assert [o.suite.name for o in run.outcomes if not o.passed] == []
    assert len(run.outcomes) == len(PLAN_SUITES)


def test_missing_indicator_fails_the_count_against_the_reference(built: Paths) -> None:
    _execute(built, "delete from marts.dim_indicator where indicator_code = 'I05'")

    run = _audit(built)

    failures = _outcome(run, "marts.dim_indicator").failures
    counts = [f for f in failures if f["expectation_type"] == "expect_table_row_count_to_equal"]
    assert [
        (json.loads(f["observed_value"]), json.loads(f["expectation_kwargs"])) for f in counts
    ] == [(21, {"value": 22})], "against the reference count (no literal count: plans are data)"
    assert _outcome(run, "marts.dim_project").passed


def test_orphan_project_is_stored_with_the_failing_row(built: Paths) -> None:
    _execute(built, "update marts.dim_project set box_no = 99 where project_code = 'B05-P003'")

    _audit(built, run_id="run-orphan")

    with duckdb.connect(str(built.build_db), read_only=True) as con:
        stored = con.execute(
            "select column_name, unexpected_count, failing_sample from audit.validation_result "
            "where run_id = 'run-orphan' and suite = 'marts.dim_project' and not success"
        ).fetchall()
    [(column, count, sample)] = stored
    assert (column, count) == ("box_no", 1)
    assert [(r["project_code"], r["box_no"]) for r in json.loads(sample)] == [("B05-P003", 99)]


def test_summary_counts_one_runs_failures_for_the_provenance(built: Paths) -> None:
    _audit(built, run_id="run-clean")
    _execute(built, "delete from marts.dim_indicator where indicator_code = 'I05'")
    run = _audit(built, run_id="run-broken")

    summary = results_summary(built.build_db, "run-broken")

    expectations = sum(len(outcome.rows) for outcome in run.outcomes)
    assert summary == {
        "suites": len(PLAN_SUITES),
        "expectations": expectations,
        "failed": 1,
        "warnings": 0,
    }
    assert results_summary(built.build_db, "run-clean")["failed"] == 0


def test_suite_whose_mart_is_missing_fails_and_the_others_still_run(built: Paths) -> None:
    _execute(built, "drop table marts.dim_region")

    run = _audit(built)

    region = _outcome(run, "marts.dim_region")
    assert not region.passed
    assert region.rows[0]["expectation_type"] == "suite_not_run"
    assert "dim_region" in region.error
    assert _outcome(run, "marts.dim_indicator").passed


def _tree(directory: Path) -> dict[Path, int]:
    return {path: path.stat().st_mtime_ns for path in directory.rglob("*")}


def test_results_are_appended_per_run_and_docs_built_under_the_warehouse(built: Paths) -> None:
    repository_suites = _tree(EXPECTATIONS_DIR)

    first = _audit(built, run_id="run-1")
    _audit(built, run_id="run-2")

    with duckdb.connect(str(built.build_db), read_only=True) as con:
        runs = con.execute(
            "select run_id, count(*) from audit.validation_result group by run_id order by run_id"
        ).fetchall()
    per_run = sum(len(outcome.rows) for outcome in first.outcomes)
    assert runs == [("run-1", per_run), ("run-2", per_run)]
    assert first.docs_index == str(built.gx / "data_docs" / "index.html")
    assert all(o.docs_page and o.docs_page.startswith(str(built.gx)) for o in first.outcomes)
    assert _tree(EXPECTATIONS_DIR) == repository_suites
