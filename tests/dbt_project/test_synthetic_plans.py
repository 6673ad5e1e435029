"""SYNTHETIC plans and regions added as reference data only, built by a real `dbt build`.

A copy of the dbt project gets the rows of tests/fixtures/synthetic_plans appended to its
seeds (a successor plan 220581-15 and a prefecture 990100 of three counties, each with its
own plan); PLANWATCH_DBT_PROJECT points dbt at it. Accepted rows are written into the raw
tables exactly as intake creates them. No model changes: the marts must follow the plans.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import duckdb
import pytest
from test_progress_marts import insert, rows

from orchestration.intake import store
from orchestration.settings import paths
from orchestration.transform.project import dbt_resource
from tests.fixtures.synthetic_plans import synthetic_dbt_project

AS_OF = "2028-06-30"

#: (submission, folder region or None for raw/<department>/, received, [(code, year, value)])
SUBMISSIONS: list[tuple[str, str | None, str, list[tuple[str, int, str]]]] = [
    ("M25", None, "2026-02-10 09:00",
     [("I01", 2025, "610"), ("I17", 2025, "80"), ("CM001", 2025, "90")]),
    ("M26", None, "2027-02-10 09:00",
     [("I01", 2026, "640"), ("I03", 2026, "110"), ("I04", 2026, "30"), ("I05", 2026, "6.2"),
      ("I90", 2026, "12")]),
    ("M27", None, "2028-02-10 09:00",
     [("I01", 2027, "700"), ("I04", 2027, "33"), ("I05", 2027, "4.8"), ("I90", 2027, "14")]),
    ("A21", "990101", "2022-02-10 09:00",
     [("I01", 2021, "100"), ("I02", 2021, "42000"), ("I17", 2021, "50")]),
    ("B21", "990102", "2022-02-11 09:00", [("I01", 2021, "200"), ("I17", 2021, "80")]),
    ("C22", "990103", "2023-02-10 09:00", [("I01", 2022, "130")]),
    ("A25", "990101", "2026-02-10 09:00", [("I01", 2025, "160")]),
    ("B25", "990102", "2026-02-11 09:00", [("I01", 2025, "250")]),
]  # fmt: skip


def write_submissions(build_db) -> None:
    """GIVEN accepted indicator-value files of Meihekou (both plans) and of the three counties."""
    log, values = [], []
    for submission_id, region, received, items in SUBMISSIONS:
        folder = f"{region}/stats" if region else "stats"
        log.append(
            {
                "submission_id": submission_id,
                "file_path": f"{folder}/{submission_id}.xlsx",
                "file_name": f"{submission_id}.xlsx",
                "department_code": "stats",
                "dataset": "indicator_values",
                "sha256": f"sha-{submission_id}",
                "size_bytes": 1024,
                "received_at": datetime.fromisoformat(received),
                "status": "accepted",
                "rows_received": len(items),
                "rows_accepted": len(items),
                "rows_quarantined": 0,
            }
        )
        values += [
            {
                "submission_id": submission_id,
                "department_code": "stats",
                "sheet": "指标数据",
                "excel_row": row,
                "indicator_code": code,
                "region_code": region or "220581",
                "year": year,
                "value": Decimal(value),
                "received_at": datetime.fromisoformat(received),
            }
            for row, (code, year, value) in enumerate(items, start=3)
        ]
    con = store.connect(build_db)
    try:
        insert(con, "submission_log", log)
        insert(con, "indicator_values", values)
    finally:
        con.close()


@pytest.fixture(scope="module")
def marts(tmp_path_factory: pytest.TempPathFactory) -> Iterator[duckdb.DuckDBPyConnection]:
    """WHEN the copied project with the synthetic seeds is built over those submissions."""
    root = tmp_path_factory.mktemp("synthetic_plans")
    project = synthetic_dbt_project(root / "dbt_project")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("PLANWATCH_HOME", str(root / "warehouse"))
        env.setenv("PLANWATCH_RAW", str(root / "raw"))
        env.setenv("PLANWATCH_DBT_PROJECT", str(project))
        (root / "raw").mkdir()
        where = paths()
        where.warehouse.mkdir(parents=True)
        env.setenv("PLANWATCH_BUILD_DB", str(where.build_db))
        write_submissions(where.build_db)
        build = ["build", "--vars", json.dumps({"as_of_date": AS_OF})]
        dbt_resource().cli(build, target_path=where.dbt_target, raise_on_error=True).wait()
        con = duckdb.connect(str(where.build_db), read_only=True)
        try:
            yield con
        finally:
            con.close()


def one(con: duckdb.DuckDBPyConnection, sql: str, *params: Any) -> dict[str, Any]:
    [row] = rows(con, sql, *params)
    return row


def progress(con, code: str, region: str, year: int) -> dict[str, Any]:
    return one(
        con,
        "select * from marts.fct_indicator_progress "
        "where indicator_code = ? and region_code = ? and year = ?",
        code,
        region,
        year,
    )


def test_the_fixture_copies_the_project_and_leaves_the_real_seeds_alone(tmp_path):
    from orchestration.settings import SEEDS_DIR

    copy = synthetic_dbt_project(tmp_path / "copy")
    real = (SEEDS_DIR / "plan" / "plans.csv").read_text(encoding="utf-8")
    copied = (copy / "seeds" / "plan" / "plans.csv").read_text(encoding="utf-8")
    assert copied.startswith(real)
    assert "220581-15" in copied and "220581-15" not in real
    assert "SYNTHETIC" not in real and "#" not in copied
    assert not (copy / "target").exists()


def test_plans_carry_their_own_years_and_the_successor_is_current(marts):
    plans = {
        r["plan_id"]: r
        for r in rows(
            marts,
            "select plan_id, baseline_year, midterm_year, final_year, plan_span, is_current "
            "from marts.dim_plan",
        )
    }
    assert set(plans) == {"220581-14", "220581-15", "990101-14", "990102-14", "990103-14"}
    assert plans["220581-14"] == {"plan_id": "220581-14", "baseline_year": 2020,
                                  "midterm_year": 2023, "final_year": 2025, "plan_span": 5,
                                  "is_current": False}  # fmt: skip
    assert (plans["220581-15"]["midterm_year"], plans["220581-15"]["final_year"]) == (2028, 2030)
    assert plans["220581-15"]["is_current"], f"in force on {AS_OF}"


def test_a_year_belongs_to_the_plan_covering_it_and_is_the_next_plans_baseline(marts):
    final_14 = progress(marts, "I01", "220581", 2025)
    first_15 = progress(marts, "I01", "220581", 2026)
    assert (final_14["plan_id"], final_14["actual_value"]) == ("220581-14", Decimal("610"))
    assert (first_15["plan_id"], first_15["baseline_year"], first_15["target_year"]) == (
        "220581-15",
        2025,
        2030,
    )
    assert first_15["target_value"] == Decimal("900")
    [value_2025] = rows(
        marts,
        "select plan_id from marts.fct_indicator_value where indicator_code = 'I01' "
        "and region_code = '220581' and year = 2025",
    )
    assert value_2025["plan_id"] == "220581-14", "2025 is a year of the 14th plan"
    new = progress(marts, "I90", "220581", 2027)
    assert (new["plan_id"], new["path_formula"]) == ("220581-15", "linear")
    assert new["expected_value"] == Decimal("14"), "10 + (20 − 10)·2/5"
    assert new["status_code"] == "on_track"
    before = rows(
        marts,
        "select count(*) as n from marts.fct_indicator_progress "
        "where indicator_code = 'I90' and year < 2026",
    )
    assert before == [{"n": 0}], "a new indicator has no rows in the plan before it"


def test_a_target_assigned_by_amendment_is_in_force_from_its_date(marts):
    pending = progress(marts, "I04", "220581", 2026)
    assigned = progress(marts, "I04", "220581", 2027)
    assert (pending["target_value"], pending["target_amendment_no"]) == (None, None)
    assert pending["status_code"] == "no_target"
    assert (assigned["target_value"], assigned["target_amendment_no"]) == (Decimal("36"), 1)
    assert assigned["original_target_value"] is None, "the plan printed 待省下达"
    assert assigned["status_code"] != "no_target"
    amendment = one(marts, "select * from marts.dim_target_amendment where plan_id = '220581-15'")
    assert (amendment["indicator_code"], amendment["amendment_no"]) == ("I04", 1)
    assert (amendment["effective_on"], amendment["first_year_in_force"]) == (
        date(2027, 6, 30),
        2027,
    )
    assert (amendment["original_target_text"], amendment["target_value"]) == (
        "待省下达",
        Decimal("36"),
    )
    assert amendment["document_no"] == "合成发〔2027〕1号"


def test_annual_targets_set_each_years_rate(marts):
    years = {y: progress(marts, "I05", "220581", y) for y in (2026, 2027)}
    assert years[2026]["target_annual_rate"] == Decimal("6")
    assert years[2027]["target_annual_rate"] == Decimal("5.5")
    # Against the plan's 5% for the period (±0.5 pp), 6.2% would be ahead and 4.8% on track.
    assert years[2026]["status_code"] == "on_track", "6.2% against the year's 6%: within 0.5 pp"
    assert years[2027]["status_code"] == "lagging", "4.8% against the year's 5.5%"


def test_a_qualitative_target_is_listed_with_its_text_never_a_number(marts):
    retail = progress(marts, "I03", "220581", 2026)
    assert (retail["status_code"], retail["status_zh"]) == ("qualitative", "定性")
    assert retail["target_value"] is None and retail["expected_value"] is None
    assert (retail["target_kind"], retail["target_text"]) == ("qualitative", "保持在合理区间")


def test_rollups_sum_and_weight_the_counties_and_count_them(marts):
    rollup = {
        (r["indicator_code"], r["region_code"], r["year"]): r
        for r in rows(marts, "select * from marts.fct_indicator_rollup")
    }
    gdp = rollup[("I01", "990100", 2021)]
    assert (gdp["aggregation"], gdp["value"]) == ("sum", Decimal("300"))
    counts = ("child_regions_reporting", "child_regions_expected", "child_regions_total")
    assert tuple(gdp[c] for c in counts) == (2, 3, 3)
    water = rollup[("I17", "990100", 2021)]
    assert (water["aggregation"], water["value"]) == ("weighted_mean", Decimal("70"))
    assert tuple(water[c] for c in counts) == (2, 2, 3), "990103's plan does not monitor I17"
    assert tuple(rollup[("I01", "990000", 2021)][c] for c in counts) == (2, 3, 3)
    later = rollup[("I01", "990100", 2022)]
    assert (later["value"], later["child_regions_reporting"]) == (Decimal("130"), 1)
    assert not any(code == "I02" for code, _, _ in rollup), "per-capita GDP is never summed"


def test_final_evaluation_judges_each_plan_completed_or_not_with_the_margin(marts):
    judged = {
        (r["plan_id"], r["indicator_code"]): r
        for r in rows(marts, "select * from marts.rpt_plan_final_evaluation")
    }
    cases = {
        ("990101-14", "I01"): ("completed", "已完成", Decimal("10")),
        ("990102-14", "I01"): ("not_completed", "未完成", Decimal("-50")),
        ("220581-14", "I01"): ("completed", "已完成", Decimal("10")),
        ("220581-14", "I17"): ("not_completed", "未完成", Decimal("-6.66")),
        ("990103-14", "I01"): ("no_data", "无数据", None),
    }
    for key, want in cases.items():
        got = judged[key]
        assert (got["completion_code"], got["completion_zh"], got["margin"]) == want, key
    assert judged[("220581-15", "I03")]["completion_code"] == "qualitative"
    assert judged[("220581-14", "I13")]["completion_code"] in {"no_target", "no_data"}


def test_commitments_are_separated_from_indicator_values(marts):
    commitment = one(
        marts,
        "select * from marts.fct_commitment_progress where commitment_code = 'CM001' "
        "and year = 2025",
    )
    assert (commitment["plan_id"], commitment["actual_value"]) == ("220581-14", Decimal("90"))
    stray = rows(marts, "select * from marts.fct_indicator_progress where indicator_code = 'CM001'")
    assert stray == []


def test_completeness_is_counted_per_region_from_each_plans_calendar(marts):
    def items(region: str, label: str) -> tuple[int, int, bool]:
        r = one(
            marts,
            "select expected_items, accepted_items, is_overdue "
            "from marts.rpt_submission_completeness where region_code = ? and "
            "department_code = 'stats' and dataset = 'indicator_values' and period_label = ?",
            region,
            label,
        )
        return r["expected_items"], r["accepted_items"], r["is_overdue"]

    assert items("990101", "2021") == (3, 3, False)
    assert items("990102", "2021") == (3, 2, True)
    assert items("990103", "2021") == (2, 0, True)
    assert items("220581", "2026") == (4, 4, False), "the 15th plan's indicators of stats"
    labels = {
        r["period_label"]
        for r in rows(
            marts,
            "select distinct period_label from marts.rpt_submission_completeness "
            "where region_code = '990101' and dataset = 'indicator_values'",
        )
    }
    assert labels == {"2021", "2022", "2023", "2024", "2025"}, "the county's plan years only"


def test_yoy_growth_continues_across_plans_by_the_catalogue_code(marts):
    first_15 = progress(marts, "I01", "220581", 2026)
    assert first_15["previous_year_value"] == Decimal("610"), (
        "the 2025 value submitted under the 14th plan, not the 15th plan's printed 600"
    )
    assert first_15["yoy_growth_pct"] == Decimal("4.918033")  # 640/610 − 1
    assert progress(marts, "I01", "220581", 2027)["yoy_growth_pct"] == Decimal("9.375")
    retail = progress(marts, "I03", "220581", 2026)
    assert (retail["previous_year_value"], retail["yoy_growth_pct"]) == (
        Decimal("105"),
        Decimal("4.761905"),
    ), "no 2025 value submitted: the 15th plan's baseline, 110/105 − 1"
    assert progress(marts, "I05", "220581", 2027)["yoy_growth_pct"] is None, "a rate in %"
    county = progress(marts, "I01", "990101", 2021)
    assert county["yoy_growth_pct"] == Decimal("11.111111"), "the county's own base: 100/90 − 1"
    card = one(
        marts,
        "select latest_year, yoy_growth_pct from marts.rpt_plan_scorecard "
        "where plan_id = '220581-15' and indicator_code = 'I01'",
    )
    assert card == {"latest_year": 2027, "yoy_growth_pct": Decimal("9.375")}
