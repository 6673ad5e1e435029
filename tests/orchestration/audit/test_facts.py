"""The fact and report suites: clean marts pass, and each kind of breakage is caught.

GIVEN marts built by dbt over accepted submissions (one value revised, one file
rejected); WHEN a mart is damaged the way a bug would damage it; THEN its suite fails
with the failing rows as the sample, blocking unless the expectation is a heuristic.
"""

import json
import shutil

import duckdb
import pytest

from orchestration.audit.audit import AuditRun, SuiteOutcome, audit_marts
from orchestration.audit.suites import mart_suites
from orchestration.settings import Paths

pytestmark = pytest.mark.xdist_group("audit")


def _audit(where: Paths) -> AuditRun:
    return audit_marts(where.build_db, where.gx, mart_suites(), "run-1")


def _damage(where: Paths, sql: str) -> AuditRun:
    with duckdb.connect(str(where.build_db)) as con:
        con.execute(sql)
    return _audit(where)


def _failed(run: AuditRun) -> dict[str, SuiteOutcome]:
    return {outcome.suite.name: outcome for outcome in run.outcomes if not outcome.passed}


def _types(outcome: SuiteOutcome) -> list[str]:
    return [row["expectation_type"] for row in outcome.failures]


def test_every_suite_passes_before_any_submission(
    warehouse: Paths, built_marts_before_submissions
) -> None:
    shutil.copyfile(built_marts_before_submissions, warehouse.build_db)

    assert _failed(_audit(warehouse)) == {}


def test_every_suite_passes_on_accepted_submissions_with_a_revision(built: Paths) -> None:
    run = _audit(built)

    assert _failed(run) == {}
    with duckdb.connect(str(built.build_db), read_only=True) as con:
        values = con.execute(
            "select count(*), count(*) filter (where is_current) from marts.fct_indicator_value"
        ).fetchone()
    assert values == (3, 2)


def test_two_current_revisions_fail_uniqueness_and_reconciliation_with_raw(built: Paths) -> None:
    run = _damage(built, "update marts.fct_indicator_value set is_current = true")

    outcome = _failed(run)["marts.fct_indicator_value"]
    assert outcome.blocking
    assert sorted(_types(outcome)) == [
        "expect_column_sum_to_be_between",
        "expect_compound_columns_to_be_unique",
    ]
    [duplicates] = [r for r in outcome.failures if r["failing_sample"]]
    assert {row["value"] for row in json.loads(duplicates["failing_sample"])} == {330.0, 335.0}


def test_fact_rows_beyond_the_accepted_submissions_fail_the_reconciliation(built: Paths) -> None:
    run = _damage(
        built, "insert into marts.fct_project_progress select * from marts.fct_project_progress"
    )

    outcome = _failed(run)["marts.fct_project_progress"]
    assert "expect_table_row_count_to_equal" in _types(outcome)
    assert "expect_compound_columns_to_be_unique" in _types(outcome)


def test_status_outside_the_vocabulary_blocks(built: Paths) -> None:
    run = _damage(
        built,
        "update marts.fct_indicator_progress set status_code = 'sideways' "
        "where indicator_code = 'I01' and year = 2021",
    )

    outcome = _failed(run)["marts.fct_indicator_progress"]
    assert outcome.blocking
    [row] = [r for r in outcome.failures if r["column_name"] == "status_code"]
    assert json.loads(row["failing_sample"])[0]["indicator_code"] == "I01"


def test_unbalanced_submission_log_fails_with_the_file_as_sample(built: Paths) -> None:
    run = _damage(
        built,
        "update marts.submission_log set rows_quarantined = 2 where submission_id = 's3'",
    )

    outcome = _failed(run)["marts.submission_log"]
    pair = next(
        r for r in outcome.failures if r["column_name"] == "rows_received, rows_accounted_for"
    )
    assert [row["submission_id"] for row in json.loads(pair["failing_sample"])] == ["s3"]


def test_share_far_beyond_the_planned_change_is_a_warning_only(built: Paths) -> None:
    run = _damage(
        built,
        "update marts.fct_indicator_progress set share_of_planned_change_achieved = 150 "
        "where indicator_code = 'I01' and year = 2021",
    )

    outcome = _failed(run)["marts.fct_indicator_progress"]
    assert not outcome.blocking
    assert [r["severity"] for r in outcome.failures] == ["warning"]
