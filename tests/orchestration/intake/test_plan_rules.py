"""Intake judges each row by the region and plan it belongs to (SYNTHETIC plans and counties).

The reference data is the real seeds with the SYNTHETIC fixture rows appended (successor
plan 220581-15; counties 990101–990103 of prefecture 990100, each with a plan 99010N-14)
and one SYNTHETIC department of the prefecture, which has no plan of its own.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from intake_support import Drop

from tests.fixtures.synthetic_plans import synthetic_dbt_project

HEADER = "指标代码,行政区划代码,年份,数值,备注\n"
PROJECTS = "项目编号,报告期,项目状态,总投资（万元）,本期完成投资（万元）,累计完成投资（万元）\n"
LABEL = "# 合成数据 SYNTHETIC — test submission\n"


@pytest.fixture(scope="module")
def plan_seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds of a copy of the dbt project with the SYNTHETIC plans appended."""
    project = synthetic_dbt_project(tmp_path_factory.mktemp("plans") / "dbt_project")
    with (project / "seeds" / "plan" / "departments.csv").open("a", encoding="utf-8") as seed:
        seed.write("990100,stats,合成市统计局,SYNTHETIC Prefecture statistics,true,SYNTHETIC.\n")
    return project / "seeds"


@pytest.fixture
def plans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, plan_seeds: Path) -> Drop:
    found = Drop(tmp_path, plan_seeds)
    monkeypatch.setenv("PLANWATCH_RAW", str(found.raw))
    monkeypatch.setenv("PLANWATCH_HOME", str(found.home))
    return found


def values(drop: Drop, rel: str, *rows: str) -> None:
    drop.csv(rel, LABEL + HEADER + "".join(f"{r}\n" for r in rows))


def test_a_row_takes_its_region_from_its_cell_else_its_folder(plans: Drop) -> None:
    values(plans, "990101/stats/a.csv", "I01,990101,2021,100,", "I02,,2021,42000,")
    values(plans, "stats/b.csv", "I01,,2026,640,")

    plans.run()

    assert plans.log("990101/stats/a.csv")["status"] == "accepted"
    assert plans.log("990101/stats/a.csv")["region_code"] == "990101"
    assert plans.log("stats/b.csv")["region_code"] == "220581", "raw/<department>/: the default"
    stored = {
        (r["indicator_code"], r["region_code"], r["year"]) for r in plans.table("indicator_values")
    }
    assert stored == {("I01", "990101", 2021), ("I02", "990101", 2021), ("I01", "220581", 2026)}


def test_a_row_of_another_region_than_its_folder_is_a_region_mismatch(plans: Drop) -> None:
    values(plans, "990102/stats/a.csv", "I01,990103,2022,130,")

    plans.run()

    log = plans.log()
    assert (log["status"], log["reason_codes"]) == ("rejected", "region_mismatch")
    assert (
        "第 3 行 “行政区划代码”列：本行地区代码“990103”与文件所在地区文件夹 990102（合成二县）"
        in (log["reasons"])
    )
    assert "raw/990103/<department_code>/" in log["reasons"]


def test_a_region_without_a_plan_takes_no_values(plans: Drop) -> None:
    values(plans, "990100/stats/a.csv", "I01,,2021,420,")

    plans.run()

    log = plans.log()
    assert (log["status"], log["reason_codes"]) == ("rejected", "no_plan_in_force")
    assert "地区 990100（合成市）没有覆盖 2021 年的规划（该地区的规划：无）" in log["reasons"]


def test_the_years_accepted_are_the_regions_own_plans(plans: Drop) -> None:
    values(plans, "990101/stats/late.csv", "I01,,2027,160,")
    values(plans, "stats/later.csv", "I01,,2027,700,")

    plans.run()

    late = plans.log("990101/stats/late.csv")
    assert (late["status"], late["reason_codes"]) == ("rejected", "year_out_of_range")
    assert "年份 2027 不在 2020–2025 之间" in late["reasons"], "the county's plan ends in 2025"
    assert plans.log("stats/later.csv")["status"] == "accepted", "220581-15 runs to 2030"


def test_an_indicator_or_commitment_must_be_in_the_plan_in_force(plans: Drop) -> None:
    values(plans, "990103/stats/water.csv", "I17,,2021,70,")
    values(plans, "stats/new_early.csv", "I90,,2025,11,")
    values(plans, "stats/new.csv", "I90,,2026,12,", "CM001,,2025,90,承诺")
    values(plans, "stats/promise_late.csv", "CM001,,2026,95,")

    plans.run()

    water = plans.log("990103/stats/water.csv")
    assert water["reason_codes"] == "indicator_not_in_plan"
    assert "I17 不是地区 990103 2021 年所属规划 990103-14 的指标或规划承诺" in water["reasons"]
    assert "该规划的指标：I01、I02" in water["reasons"]
    assert plans.log("stats/new_early.csv")["reason_codes"] == "indicator_not_in_plan"
    assert plans.log("stats/new.csv")["status"] == "accepted"
    assert "220581-15" in plans.log("stats/promise_late.csv")["reasons"]


def test_a_department_must_be_one_of_its_regions(plans: Drop) -> None:
    values(plans, "990101/drc/a.csv", "I01,,2021,100,")

    plans.run()

    log = plans.log()
    assert log["reason_codes"] == "unknown_department"
    assert "地区 990101（合成一县）的部门：stats" in log["reasons"]


def test_a_project_is_resolved_against_the_plan_in_force_for_its_month(plans: Drop) -> None:
    plans.csv(
        "220581/hightech_zone/a.csv", LABEL + PROJECTS + "B01-P001,2024-06,在建,50000,5000,20000\n"
    )
    plans.csv("hightech_zone/b.csv", LABEL + PROJECTS + "B01-P001,2026-06,在建,50000,5000,25000\n")

    plans.run()

    assert plans.log("220581/hightech_zone/a.csv")["status"] == "accepted"
    [row] = plans.table("project_progress")
    assert (row["project_code"], row["region_code"]) == ("B01-P001", "220581")
    later = plans.log("hightech_zone/b.csv")
    assert later["reason_codes"] == "unknown_project"
    assert "规划 220581-15 的项目清单中没有" in later["reasons"]


def test_plausibility_is_judged_against_the_plan_the_row_belongs_to(plans: Drop) -> None:
    values(plans, "990101/stats/big.csv", "I01,,2021,5000,")
    values(plans, "stats/big.csv", "I01,,2021,5000,梅河口")

    plans.run()

    county = plans.log("990101/stats/big.csv")
    assert county["reason_codes"] == "implausible_scale"
    assert "该指标的 2025 年目标值（150 亿元）" in county["reasons"], "the county plan's target"
    assert plans.log("stats/big.csv")["status"] == "accepted", "within 10 × 600 亿元"
