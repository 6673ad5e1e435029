"""The versioned mart suites are well formed and each one audits a mart dbt builds."""

import json
from pathlib import Path

import pytest

from orchestration.audit.checks import audit_checks
from orchestration.audit.suites import SUITES_DIR, MartSuite, load_suite, mart_suites
from orchestration.audit.validate import gx_expectation_suite
from orchestration.transform.assets import MART_KEYS

pytestmark = pytest.mark.xdist_group("audit")

SUITES = mart_suites()


def _referenced(value: object) -> set[str]:
    if isinstance(value, dict):
        if set(value) == {"$PARAMETER"}:
            return {value["$PARAMETER"]}
        return set().union(*map(_referenced, value.values())) if value else set()
    if isinstance(value, list):
        return set().union(*map(_referenced, value)) if value else set()
    return set()


def test_there_is_a_suite_for_every_mart_the_issue_names() -> None:
    models = {suite.model for suite in SUITES}
    assert {
        "dim_indicator",
        "dim_project",
        "dim_project_box",
        "fct_indicator_value",
        "fct_indicator_progress",
        "fct_project_progress",
        "fct_sector_output",
        "rpt_plan_scorecard",
        "submission_log",
    } <= models


@pytest.mark.parametrize("suite", SUITES, ids=lambda s: s.name)
def test_suite_is_valid_gx_with_its_parameters_declared(suite) -> None:
    gx_suite = gx_expectation_suite(suite)

    assert gx_suite.expectations, "a suite without expectations cannot fail"
    assert len(gx_suite.expectations) == len(suite.definition["expectations"])
    used = _referenced([e["kwargs"] for e in suite.definition["expectations"]])
    assert used == set(suite.parameters)


def test_every_suite_is_a_blocking_check_on_a_dbt_mart() -> None:
    specs = {spec.name: spec for check in audit_checks for spec in check.check_specs}

    assert sorted(specs) == sorted(suite.check_name for suite in SUITES)
    assert all(spec.blocking for spec in specs.values())
    assert {spec.asset_key for spec in specs.values()} <= set(MART_KEYS)
    assert specs["gx_marts_dim_indicator"].asset_key.path[-1] == "dim_indicator"


def test_suite_named_unlike_its_file_is_rejected(tmp_path: Path) -> None:
    definition = json.loads((SUITES_DIR / "marts.dim_region.json").read_text(encoding="utf-8"))
    wrong = tmp_path / "marts.dim_sector.json"
    wrong.write_text(json.dumps(definition), encoding="utf-8")

    with pytest.raises(ValueError, match="must be marts"):
        load_suite(wrong)


def test_expectation_gx_cannot_build_is_an_error_not_a_silent_drop() -> None:
    unknown = {"type": "expect_column_values_to_be_sideways", "kwargs": {"column": "x"}}
    count = {"type": "expect_table_row_count_to_equal", "kwargs": {"value": 1}}
    definition = {"name": "marts.fct_demo", "expectations": [count, unknown]}
    suite = MartSuite("marts.fct_demo", "fct_demo", "demo", "", {}, definition)

    with pytest.raises(ValueError, match="expect_column_values_to_be_sideways"):
        gx_expectation_suite(suite)
