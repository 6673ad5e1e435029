"""SYNTHETIC plans and counties end to end: reference rows and drop-folder files only, no code.

A copy of the dbt project gets the SYNTHETIC fixture rows (successor plan 220581-15,
prefecture 990100 of counties 990101–990103 with their own plans) and one SYNTHETIC
department of the prefecture; SYNTHETIC submissions go into raw/<region_code>/<department>/
and raw/<department>/; the real `planwatch refresh` runs in its own process with
PLANWATCH_DBT_PROJECT pointing at the copy. The published marts must carry each file's
region and plan, roll the counties up, apply the amendment, and log the files the plan
rules reject with their reasons while every other file is accepted.
"""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal
from typing import Any

import duckdb
import pytest

from orchestration.settings import Paths
from samples.workbooks import write_csv
from tests.fixtures.synthetic_plans import synthetic_dbt_project

LABEL = "合成数据 SYNTHETIC — test submission, not real data"
VALUES = ["指标代码", "行政区划代码", "年份", "数值", "备注"]
PROJECTS = [
    "项目编号",
    "报告期",
    "项目状态",
    "总投资（万元）",
    "累计完成投资（万元）",
    "本期完成投资（万元）",
]
SECTORS = ["产业", "年份", "产值（亿元）", "规上企业数（户）", "备注"]
PREFECTURE_DEPARTMENT = (
    "990100,stats,合成市统计局,SYNTHETIC Prefecture statistics bureau,true,SYNTHETIC.\n"
)

#: drop-folder path → (header, rows); every file is SYNTHETIC (its first line says so)
FILES: dict[str, tuple[list[str], list[list[object]]]] = {
    "990101/stats/合成一县_指标_2021.csv": (
        VALUES,
        [["I01", "990101", 2021, 100, ""], ["I02", "", 2021, 42000, ""],
         ["I17", "990101", 2021, 50, ""]],
    ),
    "990102/stats/合成二县_指标_2021.csv": (
        VALUES, [["I01", "", 2021, 200, ""], ["I17", "", 2021, 80, ""]],
    ),
    "990103/stats/合成三县_指标_2021.csv": (VALUES, [["I01", "990103", 2021, 120, ""]]),
    "stats/合成_梅河口_2025-2027.csv": (
        VALUES,
        [["I01", "", 2025, 610, ""], ["CM001", "", 2025, 90, "规划承诺"],
         ["I01", "", 2026, 640, ""], ["I90", "", 2026, 12, ""], ["I04", "220581", 2027, 33, ""]],
    ),
    "220581/hightech_zone/合成_项目_2024.csv": (
        PROJECTS, [["B01-P001", "2024-06", "在建", 50000, 20000, 5000]],
    ),
    # the same project and sector codes in another county's plan: counted per plan
    "990101/stats/合成一县_项目_2024.csv": (
        PROJECTS, [["B01-P001", "2024-06", "在建", 8000, 3000, 1000]],
    ),
    "990101/stats/合成一县_产值_2021.csv": (SECTORS, [["医药健康", 2021, 12, 3, ""]]),
    # rejected: a row of 990103 in the folder of 990102
    "990102/stats/合成_错放地区.csv": (VALUES, [["I01", "990103", 2022, 130, ""]]),
    # rejected: the prefecture has no plan of its own
    "990100/stats/合成市_指标_2021.csv": (VALUES, [["I01", "", 2021, 420, ""]]),
    # rejected: 990103's plan does not monitor I17
    "990103/stats/合成三县_用水_2021.csv": (VALUES, [["I17", "", 2021, 70, ""]]),
    # rejected: drc is not a department of 990101
    "990101/drc/合成_部门不符.csv": (VALUES, [["I01", "", 2022, 110, ""]]),
}  # fmt: skip
REJECTED = {
    "990102/stats/合成_错放地区.csv": ("region_mismatch", ["990103", "990102"]),
    "990100/stats/合成市_指标_2021.csv": ("no_plan_in_force", ["990100", "2021", "无"]),
    "990103/stats/合成三县_用水_2021.csv": ("indicator_not_in_plan", ["I17", "990103-14"]),
    "990101/drc/合成_部门不符.csv": ("unknown_department", ["drc", "990101"]),
}


def rows(con: duckdb.DuckDBPyConnection, sql: str, *params: Any) -> list[dict[str, Any]]:
    cursor = con.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


@pytest.fixture(scope="module")
def refreshed(tmp_path_factory: pytest.TempPathFactory) -> Paths:
    """GIVEN the SYNTHETIC plans as seed rows and SYNTHETIC files in the drop folder, WHEN
    the real refresh runs in its own process."""
    root = tmp_path_factory.mktemp("synthetic_refresh")
    project = synthetic_dbt_project(root / "dbt_project")
    with (project / "seeds" / "plan" / "departments.csv").open("a", encoding="utf-8") as seed:
        seed.write(PREFECTURE_DEPARTMENT)
    where = Paths(raw=root / "raw", warehouse=root / "warehouse")
    for relative, (header, data) in FILES.items():
        write_csv(where.raw / relative, header, data, comment=LABEL)
    env = {
        **os.environ,
        "PLANWATCH_HOME": str(where.warehouse),
        "PLANWATCH_RAW": str(where.raw),
        "PLANWATCH_DBT_PROJECT": str(project),
    }
    env.pop("DAGSTER_HOME", None)
    result = subprocess.run(
        [sys.executable, "-m", "orchestration.cli", "refresh"],
        env=env,
        capture_output=True,
        text=True,
        timeout=1500,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    return where


@pytest.fixture(scope="module")
def marts(refreshed: Paths) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(refreshed.marts_db), read_only=True)
    yield con
    con.close()


def test_each_file_is_logged_with_its_region_and_only_the_plan_rules_reject(marts):
    logged = {
        r["file_path"]: r
        for r in rows(marts, "select file_path, region_code, status, reasons "
                             "from marts.submission_log")
    }  # fmt: skip
    assert set(logged) == set(FILES)
    for path, entry in logged.items():
        if path in REJECTED:
            rule, named = REJECTED[path]
            assert entry["status"] == "rejected" and f"[{rule}]" in entry["reasons"], path
            assert all(value in entry["reasons"] for value in named), entry["reasons"]
        else:
            assert entry["status"] == "accepted", (path, entry["reasons"])
    assert logged["990101/stats/合成一县_指标_2021.csv"]["region_code"] == "990101"
    assert logged["stats/合成_梅河口_2025-2027.csv"]["region_code"] == "220581"
    assert logged["220581/hightech_zone/合成_项目_2024.csv"]["region_code"] == "220581"
    quarantined = rows(
        marts,
        "select q.rule, q.column_name, q.excel_row from marts.quarantine as q "
        "join marts.submission_log as s using (submission_id) where s.file_path = ?",
        "990102/stats/合成_错放地区.csv",
    )
    assert quarantined == [{"rule": "region_mismatch", "column_name": "行政区划代码",
                            "excel_row": 3}]  # fmt: skip


def test_facts_carry_the_region_and_plan_of_each_row(marts):
    values = {
        (r["indicator_code"], r["region_code"], r["year"]): r["plan_id"]
        for r in rows(marts, "select indicator_code, region_code, year, plan_id "
                             "from marts.fct_indicator_value where is_current")
    }  # fmt: skip
    assert values[("I02", "990101", 2021)] == "990101-14", "a blank region cell: the folder's"
    assert values[("I01", "990102", 2021)] == "990102-14"
    assert values[("I01", "220581", 2025)] == "220581-14"
    assert values[("I01", "220581", 2026)] == "220581-15"
    assert ("I01", "990103", 2022) not in values, "the misfiled row counts for no region"
    projects = rows(
        marts,
        "select region_code, plan_id, project_code, total_investment "
        "from marts.fct_project_progress order by region_code",
    )
    assert [(p["region_code"], p["plan_id"], p["project_code"]) for p in projects] == [
        ("220581", "220581-14", "B01-P001"),
        ("990101", "990101-14", "B01-P001"),
    ], "one project code in two plans is two projects"


def test_boxes_and_sectors_of_several_plans_are_summarised_and_audited_per_plan(marts):
    """The audit passed (the marts are published) with boxes, projects and sectors in two
    plans sharing codes; each plan's box summary and sector scorecard stand on their own."""
    boxes = rows(
        marts,
        "select plan_id, projects_listed, projects_reporting from marts.rpt_project_box_summary "
        "where box_no = 1 order by plan_id",
    )
    assert [(b["plan_id"], b["projects_reporting"]) for b in boxes] == [
        ("220581-14", 1),
        ("990101-14", 1),
    ]
    assert boxes[1]["projects_listed"] == 1
    sectors = rows(
        marts,
        "select region_code, as_of_year, output_value from marts.rpt_sector_scorecard_as_of "
        "where plan_id = '990101-14' order by as_of_year",
    )
    assert [s["region_code"] for s in sectors] == ["990101"] * 5
    assert [s["as_of_year"] for s in sectors] == [2021, 2022, 2023, 2024, 2025]
    assert sectors[0]["output_value"] == Decimal("12")


def test_progress_per_county_and_the_prefecture_rolls_up(marts):
    progress = {
        r["region_code"]: r
        for r in rows(marts, "select region_code, plan_id, actual_value, target_value "
                             "from marts.fct_indicator_progress "
                             "where indicator_code = 'I01' and year = 2021")
    }  # fmt: skip
    assert {r: (p["plan_id"], p["actual_value"], p["target_value"]) for r, p in progress.items()
            if r.startswith("99")} == {
        "990101": ("990101-14", Decimal("100"), Decimal("150")),
        "990102": ("990102-14", Decimal("200"), Decimal("300")),
        "990103": ("990103-14", Decimal("120"), Decimal("200")),
    }  # fmt: skip
    rollup = {
        r["indicator_code"]: r
        for r in rows(marts, "select * from marts.fct_indicator_rollup "
                             "where region_code = '990100' and year = 2021")
    }  # fmt: skip
    counts = ("child_regions_reporting", "child_regions_expected", "child_regions_total")
    assert (rollup["I01"]["aggregation"], rollup["I01"]["value"]) == ("sum", Decimal("420"))
    assert tuple(rollup["I01"][c] for c in counts) == (3, 3, 3)
    water = rollup["I17"]
    assert (water["aggregation"], water["value"]) == ("weighted_mean", Decimal("70"))
    assert tuple(water[c] for c in counts) == (2, 2, 3), "(50·100 + 80·200) / 300 of two counties"
    assert "I02" not in rollup, "per-capita GDP is never summed"


def test_the_successor_plans_amended_target_is_in_force_and_commitments_are_reported(marts):
    [revenue] = rows(
        marts,
        "select plan_id, target_value, target_amendment_no, original_target_value "
        "from marts.fct_indicator_progress "
        "where indicator_code = 'I04' and region_code = '220581' and year = 2027",
    )
    assert revenue == {"plan_id": "220581-15", "target_value": Decimal("36"),
                       "target_amendment_no": 1, "original_target_value": None}  # fmt: skip
    [commitment] = rows(
        marts,
        "select plan_id, actual_value from marts.fct_commitment_progress "
        "where commitment_code = 'CM001' and year = 2025",
    )
    assert commitment == {"plan_id": "220581-14", "actual_value": Decimal("90")}


def test_regions_over_several_counties_get_a_region_view_and_over_a_lone_county_none(
    refreshed: Paths, marts
):
    pages = sorted(p.name for p in refreshed.reports.glob("region-*.html"))
    assert pages == ["region-990000-2021.html", "region-990100-2021.html"], (
        "the SYNTHETIC province and prefecture hold three counties; 220500 and 220000 only 220581"
    )
    html = (refreshed.reports / "region-990100-2021.html").read_text(encoding="utf-8")
    names = [r["name_zh"] for r in rows(marts, "select name_zh from marts.dim_region "
                                               "where parent_region_code = '990100'")]  # fmt: skip
    assert len(names) == 3 and all(name in html for name in names)
    assert "合计 <b>420</b> 亿元：由 3 / 3 个地区数据汇总" in html
    assert '<div class="synthetic" role="note">' in html
    index = (refreshed.reports / "index.html").read_text(encoding="utf-8")
    assert 'href="region-990100-2021.html"' in index
