"""The bare DuckDB baseline over a tiny raw layer that intake wrote: its facts hold the current
revisions only, with every plan indicator and sector of the years reported."""

from __future__ import annotations

import json

import duckdb
import pytest

from benchmarks import bare_duckdb
from orchestration.intake.run import run_intake
from orchestration.settings import SEEDS_DIR, Paths
from orchestration.steward.commands import withdraw_submission
from samples.seeds import seed_rows

PLAN = "220581-14"
PROJECTS = (
    "项目编号,报告期,项目状态,总投资（万元）,本期完成投资（万元）,累计完成投资（万元）,开工日期\n"
)
SECTORS = "产业,年份,产值（亿元）,规上企业数（户）\n"
FIRST = [
    ("stats/gdp.csv", "指标代码,年份,数值,单位\nI01,2021,330,亿元\nI01,2022,352,亿元\n"),
    ("industry/sectors.csv", SECTORS + "medicine_health,2021,120.5,30\n"),
    (
        "energy/projects.csv",
        PROJECTS + "B05-P003,2022年三季度,在建,380000,12000,33000,2021-05-01\n"
        "B05-P003,2022年四季度,在建,380000,12000,45000,2021-05-01\n",
    ),
]
REVISIONS = [
    ("stats/gdp_2021_revised.csv", "指标代码,年份,数值,单位\nI01,2021,331,亿元\n"),
    ("stats/gdp_2022_wrong.csv", "指标代码,年份,数值,单位\nI01,2022,360,亿元\n"),
    (
        "energy/projects_revised.csv",
        PROJECTS + "B05-P003,2022年四季度,在建,380000,13000,46000,2021-05-01\n",
    ),
]


def of_plan(name: str) -> int:
    return sum(1 for r in seed_rows(SEEDS_DIR, f"plan/{name}.csv") if r["plan_id"] == PLAN)


def test_the_bare_script_keeps_the_current_revision_of_each_key_and_no_withdrawn_row(
    warehouse: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    # GIVEN a raw layer of revisions, one of them withdrawn, written by intake itself
    for submissions in (FIRST, REVISIONS):
        for relative, text in submissions:
            (warehouse.raw / relative).parent.mkdir(parents=True, exist_ok=True)
            (warehouse.raw / relative).write_text(text, "utf-8")
        run_intake(seeds_dir=SEEDS_DIR)
    with duckdb.connect(str(warehouse.build_db), read_only=True) as con:
        (wrong,) = con.execute(
            "select submission_id from raw.submission_log where file_name = 'gdp_2022_wrong.csv'"
        ).fetchone()
    assert withdraw_submission(wrong, "figures wrong", SEEDS_DIR) == 0
    capsys.readouterr()

    # WHEN the bare script runs as the benchmark's stage runs it
    assert bare_duckdb.main([str(warehouse.build_db), str(SEEDS_DIR)]) == 0

    # THEN one row per current key, and the plan's indicators and sectors for the years reported
    counts = json.loads(capsys.readouterr().out)
    assert counts["fct_project_progress"] == 2
    assert counts["fct_indicator_progress"] == of_plan("indicators") * 2  # 2021 and 2022
    assert counts["fct_sector_output"] == of_plan("sectors")  # 2021 only
    assert counts["rpt_project_box_summary"] == of_plan("project_boxes")
    assert counts["rpt_plan_scorecard"] == of_plan("indicators")
    with duckdb.connect(str(warehouse.build_db), read_only=True) as con:
        gdp = con.execute(
            "select year, actual_value, revision_count, status_code"
            " from bare.fct_indicator_progress where indicator_code = 'I01' order by year"
        ).fetchall()
        project = con.execute(
            "select cumulative_investment, previous_cumulative_investment, revision_count, plan_id"
            " from bare.fct_project_progress order by report_month"
        ).fetchall()
    assert [(y, float(v), n) for y, v, n, _ in gdp] == [(2021, 331.0, 2), (2022, 352.0, 1)]
    assert all(status not in (None, "no_data") for *_, status in gdp)
    assert [(float(c), n, p) for c, _, n, p in project] == [(33000.0, 1, PLAN), (46000.0, 2, PLAN)]
    assert float(project[1][1]) == 33000.0
