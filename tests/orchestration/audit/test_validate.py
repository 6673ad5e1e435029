"""One suite on one DataFrame: GX results become validation_result rows with failing rows."""

import json
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pytest

from orchestration.audit.results import result_rows
from orchestration.audit.suites import MartSuite
from orchestration.audit.validate import build_docs, gx_context, validate_frame

pytestmark = pytest.mark.xdist_group("audit")

CURRENT = {
    "column": {"name": "is_current"},
    "operator": "==",
    "parameter": True,
    "type": "comparison",
}


def _suite(*expectations: dict) -> MartSuite:
    definition = {"name": "marts.fct_demo", "expectations": list(expectations)}
    return MartSuite("marts.fct_demo", "fct_demo", "demo", "", {}, definition)


def _validate(tmp_path: Path, suite: MartSuite, frame: pd.DataFrame, **parameters) -> list[dict]:
    when = datetime.now(UTC)
    context = gx_context(tmp_path / "gx")
    result, _ = validate_frame(context, suite, frame, parameters, "run-a", when)
    return result_rows("run-a", when, suite, result, frame)


def test_two_current_revisions_of_one_key_fail_with_both_rows_as_sample(tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "indicator_code": ["I01", "I01", "I01", "I02"],
            "year": [2021, 2021, 2021, 2021],
            "revision": [1, 2, 3, 1],
            "is_current": [False, True, True, True],
        }
    )
    unique_current = {
        "type": "expect_compound_columns_to_be_unique",
        "kwargs": {"column_list": ["indicator_code", "year"], "row_condition": CURRENT},
    }

    [row] = _validate(tmp_path, _suite(unique_current), frame)

    assert row["success"] is False
    assert row["column_name"] == "indicator_code, year"
    assert row["unexpected_count"] == 2
    assert [r["revision"] for r in json.loads(row["failing_sample"])] == [2, 3]


def test_parameters_bind_expected_values_at_run_time(tmp_path: Path) -> None:
    frame = pd.DataFrame({"code": ["a", "b", "z"]})
    in_dim = {
        "type": "expect_column_values_to_be_in_set",
        "kwargs": {"column": "code", "value_set": {"$PARAMETER": "codes"}},
    }
    count = {"type": "expect_table_row_count_to_equal", "kwargs": {"value": {"$PARAMETER": "n"}}}

    orphan, rows = _validate(tmp_path, _suite(in_dim, count), frame, codes=["a", "b"], n=3)

    assert json.loads(orphan["failing_sample"]) == [{"code": "z"}]
    assert rows["success"] is True
    assert json.loads(rows["observed_value"]) == 3


def test_missing_column_is_a_failure_not_a_pass(tmp_path: Path) -> None:
    frame = pd.DataFrame({"code": ["a"]})
    status = {
        "type": "expect_column_values_to_be_in_set",
        "kwargs": {"column": "status", "value_set": ["on_track"]},
    }

    [row] = _validate(tmp_path, _suite(status), frame)

    assert row["success"] is False
    assert "status" in row["exception"]


def test_data_docs_render_the_validation_under_the_given_root(tmp_path: Path) -> None:
    frame = pd.DataFrame({"code": ["a"]})
    count = {"type": "expect_table_row_count_to_equal", "kwargs": {"value": 1}}
    context = gx_context(tmp_path / "gx")
    suite = _suite(count)
    _, identifier = validate_frame(context, suite, frame, {}, "run-a", datetime.now(UTC))

    pages = build_docs(context, [identifier])

    assert Path(pages["index"]) == tmp_path / "gx" / "data_docs" / "index.html"
    assert Path(pages["marts.fct_demo"]).is_file()
    assert "run-a" in pages["marts.fct_demo"]
