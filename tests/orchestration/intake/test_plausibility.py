"""Values are judged after unit conversion against the plan's own figures (the region's GDP,
an indicator's baseline and target, read from the reference data), so a wrong-scale unit is
rejected with a reason that names the likely unit."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from intake_support import PROJECT_HEADER, SECTOR_HEADER, TITLE, Drop

from orchestration.intake import plausibility
from orchestration.intake.reference import load_reference

MONTH = dt.date(2023, 5, 1)
HEADER_YI = [*PROJECT_HEADER[:4], "总投资（亿元）", *PROJECT_HEADER[5:]]


def project(total: object) -> list[object]:
    return ["B08-P001", None, MONTH, "在建", total, 1200, 8000, None, None, None]


def test_investment_in_wan_under_a_yi_header_is_rejected_naming_the_unit(drop: Drop) -> None:
    """GIVEN 35000 (万元 meant) under 总投资（亿元） WHEN intake runs THEN the file is rejected:
    3.5 万亿元 is 58 times the GDP the plan's reference data gives, the header should say 万元."""
    drop.xlsx("commerce/p.xlsx", ("s", [TITLE, HEADER_YI, project(35000)]))

    drop.run()

    log = drop.log()
    assert (log["status"], log["reason_codes"]) == ("rejected", "implausible_scale")
    assert (
        "数值按亿元计为 3.5 万亿元，约为地区生产总值（2025 年目标值 600 亿元）的 58.3 倍，不合理；"
        "表头单位是否应为万元？" in log["reasons"]
    )
    assert "should the header's unit be 万元?" in log["reasons"]
    assert [(q["excel_row"], q["column_name"]) for q in drop.table("quarantine")] == [
        (3, "总投资（亿元）")
    ]
    assert drop.table("project_progress") == []


def test_the_ceiling_is_the_reference_datas_gdp_not_a_constant(drop: Drop, tmp_path: Path) -> None:
    """The same 3,001 亿元 project is implausible for a GDP of 600 亿元 and fine for 6,000."""
    drop.xlsx("commerce/p.xlsx", ("s", [HEADER_YI, project(3001)]))
    drop.run()
    assert drop.log()["reason_codes"] == "implausible_scale"

    larger = tmp_path / "larger_seeds"
    shutil.copytree(drop.seeds, larger)
    indicators = larger / "plan" / "indicators.csv"
    with indicators.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        if row["indicator_code"] == "I01":
            row["target_value"] = "6000"
    with indicators.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    drop.seeds = larger
    drop.xlsx("commerce/q.xlsx", ("s", [TITLE, HEADER_YI, project(3001)]))
    drop.run()

    assert drop.log("commerce/q.xlsx")["status"] == "accepted"


def test_a_months_investment_above_a_years_gdp_is_implausible(drop: Drop) -> None:
    row = ["B08-P001", None, MONTH, "在建", 50000, "700亿元", "800亿元", None, None, None]
    drop.xlsx("commerce/p.xlsx", ("s", [PROJECT_HEADER, row]))

    drop.run()

    log = drop.log()
    assert log["reason_codes"] == "implausible_scale"
    assert "“本期完成投资（万元）”列：数值按亿元计为 700 亿元" in log["reasons"]
    assert "数值后写的单位是否应为万元？" in log["reasons"]


def test_indicator_values_are_judged_against_their_baseline_and_target(drop: Drop) -> None:
    """Per-capita GDP (元): 52000 with unit 万元 is too large, a bare 5.2 too small, 5.2 万元
    right; a zero is not a unit slip."""
    header = ["指标代码", "年份", "数值", "单位"]
    rows = [["I02", 2021, 52000, "万元"], ["I02", 2022, 5.2, None], ["I02", 2023, 5.6, "万元"]]
    drop.xlsx("stats/i.xlsx", ("s", [header, *rows]))
    drop.xlsx("stats/ok.xlsx", ("s", [header, ["I02", 2023, 5.6, "万元"], ["I16", 2023, 0, "亩"]]))

    drop.run()

    log = drop.log("stats/i.xlsx")
    assert log["status"] == "rejected"
    found = {(q["excel_row"], q["rule"]) for q in drop.table("quarantine")}
    assert found == {(2, "implausible_scale"), (3, "implausible_scale"), (4, "file_rejected")}
    too_large = "约为该指标的 2025 年目标值（67450 元）的 7709 倍，不合理；单位列是否应为元？"
    assert too_large in log["reasons"]
    assert "仅为该指标的 2020 年基期值（50009 元）的 1/9617，不合理；" in log["reasons"]
    assert "未注明单位，按元计；单位是否应为万元？" in log["reasons"]
    assert drop.log("stats/ok.xlsx")["status"] == "accepted"


def test_sector_output_in_wan_under_a_yi_header_is_rejected(drop: Drop) -> None:
    drop.xlsx("industry/s.xlsx", ("s", [SECTOR_HEADER, ["tourism", 2021, 200000, 5, None]]))

    drop.run()

    log = drop.log()
    assert log["reason_codes"] == "implausible_scale"
    read = "数值按亿元计为 20 万亿元，约为地区生产总值（2025 年目标值 600 亿元）的 333 倍"
    assert read in log["reasons"]
    assert "表头单位是否应为万元？" in log["reasons"]


def test_a_row_of_a_region_without_a_plan_is_rejected_not_judged_by_another_plan(
    drop: Drop,
) -> None:
    """The province's GDP is far above the county plan's; the province has no plan of its own,
    so the row belongs to no plan (and stats is not one of the province's departments)."""
    header = ["指标代码", "年份", "数值", "地区代码"]
    drop.xlsx("stats/i.xlsx", ("s", [header, ["I01", 2021, 13236, "220000"]]))

    drop.run()

    log = drop.log()
    assert log["reason_codes"] == "no_plan_in_force,unknown_department"
    assert "地区 220000（吉林省）没有覆盖 2021 年的规划（该地区的规划：无）" in log["reasons"]
    assert "implausible_scale" not in log["reasons"]


def test_the_plans_economy_is_its_largest_money_indicator(seeds: Path) -> None:
    plan = load_reference(seeds).plan_for("220581", 2023)
    assert plan is not None and plan.plan_id == "220581-14"
    economy = plausibility.economy(plan)
    assert economy is not None and economy.code == "I01"
    bound = plausibility.multiple_of_economy(plan, 5, "万元")
    assert bound.high == Decimal(600) * 5 * 10_000
    assert "2025 年目标值" in bound.high_basis.zh, "named by the plan's own end year"
    assert plausibility.multiple_of_economy(None, 5, "万元").high is None, "no plan: open"


@pytest.mark.parametrize(
    ("value", "unit", "spoken"),
    [
        (Decimal(35000), "亿元", "3.5 万亿元"),
        (Decimal("58.333"), "亿元", "58.3 亿元"),
        (Decimal(50000), "万元", "5 亿元"),
        (Decimal(1200), "万元", "1200 万元"),
        (Decimal("173000"), "万亩", "173000 万亩"),
    ],
)
def test_amounts_are_spoken_as_a_clerk_would(value: Decimal, unit: str, spoken: str) -> None:
    assert plausibility.readable(value, unit) == spoken


def test_the_likely_unit_is_a_wan_step_from_the_written_one() -> None:
    """200000 written in 亿元 fits as 万元 (20 亿) and as 百万元 (2000 亿); 万元 is the slip."""
    bound = plausibility.Bound("亿元", high=Decimal(3000))
    assert plausibility.likely_unit(Decimal(200000), bound, Decimal(600), "亿元") == "万元"
    assert plausibility.likely_unit(Decimal(10) ** 20, bound, Decimal(600), "亿元") is None
