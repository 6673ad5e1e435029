"""The progress, project, sector and submission marts, built by a real `dbt build` on DuckDB.

Each test writes a few accepted (and rejected) submissions into the raw tables exactly as
intake creates them, runs the whole dbt project against that warehouse, and reads the marts.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import duckdb
import pytest

from orchestration.intake import store
from orchestration.settings import TIMEZONE, Paths, paths
from orchestration.transform.project import dbt_resource

AS_OF = "2024-06-30"


def beijing(*parts: int) -> datetime:
    """A time in the marts: with its zone, the raw layer's wall-clock time in Asia/Shanghai."""
    return datetime(*parts, tzinfo=ZoneInfo(TIMEZONE))


def insert(con: duckdb.DuckDBPyConnection, table: str, rows: Iterable[dict[str, Any]]) -> None:
    """Append rows to raw.<table>; columns a row leaves out stay null."""
    for row in rows:
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        con.execute(f"insert into raw.{table} ({columns}) values ({marks})", list(row.values()))


def log(submission_id: str, department: str, dataset: str, received: str, status: str, rows: int):
    """A submission_log row: accepted files loaded all their rows, others none."""
    accepted = rows if status == "accepted" else 0
    return {
        "submission_id": submission_id,
        "file_path": f"raw/{department}/{submission_id}.xlsx",
        "file_name": f"{submission_id}.xlsx",
        "department_code": department,
        "dataset": dataset,
        "sha256": f"sha-{submission_id}",
        "size_bytes": 1024,
        "received_at": datetime.fromisoformat(received),
        "status": status,
        "rows_received": rows,
        "rows_accepted": accepted,
        "rows_quarantined": rows - accepted,
    }


def indicator(submission_id: str, received: str, code: str, year: int, value: str, row: int):
    return {
        "submission_id": submission_id,
        "department_code": "stats",
        "sheet": "指标数据",
        "excel_row": row,
        "indicator_code": code,
        "region_code": "220581",
        "year": year,
        "value": Decimal(value),
        "received_at": datetime.fromisoformat(received),
    }


def project(report: tuple[str, ...], received: str) -> dict[str, Any]:
    """A project_progress row from (submission, project, month, status, total, period,
    cumulative, start); money in 万元."""
    submission_id, code, month, status, total, period, cumulative, start = report
    return {
        "submission_id": submission_id,
        "department_code": "hightech_zone",
        "sheet": "重大项目进展",
        "excel_row": 3,
        "project_code": code,
        "report_month": date.fromisoformat(month),
        "status_code": status,
        "total_investment": Decimal(total),
        "period_investment": Decimal(period),
        "cumulative_investment": Decimal(cumulative),
        "start_date": date.fromisoformat(start),
        "received_at": datetime.fromisoformat(received),
    }


def sector(submission_id: str, received: str, code: str, year: int, output: str, firms: int):
    return {
        "submission_id": submission_id,
        "department_code": "industry",
        "sheet": "产业产值",
        "excel_row": 3,
        "sector_code": code,
        "region_code": "220581",
        "year": year,
        "output_value": Decimal(output),
        "enterprises": firms,
        "received_at": datetime.fromisoformat(received),
    }


def write_submissions(build_db: Path) -> None:
    """GIVEN indicator values with a revision, a rejected and a duplicate file, project
    reports with a revision, a stall and an overrun, and sector output with a 2020 base and
    two consecutive years."""
    indicator_rows = [
        indicator("S1", "2022-02-15 09:00", "I01", 2021, "340", 3),
        indicator("S1", "2022-02-15 09:00", "I17", 2021, "90", 4),
        indicator("S1", "2022-02-15 09:00", "I05", 2021, "7.2", 5),
        indicator("S2", "2024-02-20 09:00", "I01", 2023, "440", 3),
        indicator("S2", "2024-02-20 09:00", "I17", 2023, "80", 4),
        indicator("S2", "2024-02-20 09:00", "I15", 2023, "17.3", 5),
        indicator("S3", "2024-03-10 09:00", "I01", 2023, "452", 3),
        # a backfill received late whose file states it was submitted on time, and a late file
        indicator("S6", "2024-03-15 09:00", "I02", 2022, "60000", 3),
        indicator("S7", "2024-05-01 07:00", "I03", 2023, "100", 3),
    ]
    p1, p2 = "2024-04-10 09:00", "2024-07-05 09:00"
    received = {"P1": p1, "P2": p2}
    building = "under_construction"
    reports = [
        ("P1", "B01-P001", "2024-01-01", building, "10000", "500", "2000", "2023-05-01"),
        ("P1", "B01-P001", "2024-02-01", building, "10000", "0", "2000", "2023-05-01"),
        ("P1", "B01-P001", "2024-03-01", building, "10000", "0", "2000", "2023-05-01"),
        ("P1", "B01-P002", "2024-03-01", building, "5000", "1000", "4000", "2022-03-01"),
        ("P2", "B01-P001", "2024-06-01", building, "10000", "0", "2000", "2023-05-01"),
        ("P2", "B01-P002", "2024-03-01", building, "5000", "1200", "4200", "2022-03-01"),
        ("P2", "B01-P002", "2024-06-01", "completed", "5000", "1100", "5300", "2022-03-01"),
        ("P2", "B22-P001", "2024-06-01", building, "8000", "500", "2000", "2023-01-01"),
    ]
    project_rows = [project(report, received[report[0]]) for report in reports]
    sector_rows = [
        sector("O1", "2024-03-05 09:00", "medicine_health", 2020, "100", 20),
        sector("O1", "2024-03-05 09:00", "medicine_health", 2023, "180", 30),
        sector("O1", "2024-03-05 09:00", "food_processing", 2022, "75", 10),
        sector("O1", "2024-03-05 09:00", "food_processing", 2023, "90", 12),
    ]
    submissions = [
        log("S1", "stats", "indicator_values", "2022-02-15 09:00", "accepted", 3),
        log("S2", "stats", "indicator_values", "2024-02-20 09:00", "accepted", 3),
        log("S3", "stats", "indicator_values", "2024-03-10 09:00", "accepted", 1),
        log("S4", "stats", "indicator_values", "2024-03-12 09:00", "rejected", 2),
        {
            **log("S5", "stats", "indicator_values", "2024-03-13 09:00", "duplicate", 1),
            "duplicate_of": "S3",
        },
        {
            **log("S6", "stats", "indicator_values", "2024-03-15 09:00", "accepted", 1),
            "submitted_on": date(2023, 3, 20),
        },
        log("S7", "stats", "indicator_values", "2024-05-01 07:00", "accepted", 1),
        # rejected in March 2024 (2023 due next), but its rows are for 2021 and 2022
        log("S8", "stats", "indicator_values", "2024-03-20 09:00", "rejected", 2),
        log("P1", "hightech_zone", "project_progress", p1, "accepted", 4),
        log("P2", "hightech_zone", "project_progress", p2, "accepted", 4),
        log("O1", "industry", "sector_output", "2024-03-05 09:00", "accepted", 4),
    ]
    quarantined = [
        {
            "submission_id": "S4",
            "sheet": "指标数据",
            "excel_row": row,
            "column_name": "单位",
            "rule": "unit_convertible",
            "reason_zh": "单位无法换算为目录单位",
            "reason_en": "the unit cannot be converted to the catalogue unit",
            "raw_record": json.dumps({"指标代码": "I01", "单位": "公斤"}, ensure_ascii=False),
        }
        for row in (3, 4)
    ]
    con = store.connect(build_db)
    try:
        insert(con, "submission_log", submissions)
        insert(con, "quarantine", quarantined)
        insert(
            con,
            "submission_period",
            [
                {"submission_id": "S8", "region_code": "220581", "period_date": date(year, 1, 1)}
                for year in (2021, 2022)
            ],
        )
        insert(con, "indicator_values", indicator_rows)
        insert(con, "project_progress", project_rows)
        insert(con, "sector_output", sector_rows)
    finally:
        con.close()


@pytest.fixture(scope="module")
def marts(tmp_path_factory: pytest.TempPathFactory) -> Iterator[duckdb.DuckDBPyConnection]:
    """WHEN the submissions are in the raw tables and `dbt build` runs (tests included).

    The same isolation as the `warehouse` and `run_dbt` fixtures, at module scope: the tests
    below only read the marts, so one build serves them all.
    """
    root = tmp_path_factory.mktemp("progress_marts")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("PLANWATCH_HOME", str(root / "warehouse"))
        env.setenv("PLANWATCH_RAW", str(root / "raw"))
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


def rows(con: duckdb.DuckDBPyConnection, sql: str, *params: Any) -> list[dict[str, Any]]:
    cursor = con.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]


def test_indicator_revisions_are_all_kept_and_the_latest_is_current(marts):
    revisions = rows(
        marts,
        "select submission_id, value, revision_no, is_current, superseded_by_submission_id "
        "from marts.fct_indicator_value where indicator_code = 'I01' and year = 2023 "
        "order by revision_no",
    )
    assert revisions == [
        {"submission_id": "S2", "value": Decimal("440"), "revision_no": 1, "is_current": False,
         "superseded_by_submission_id": "S3"},
        {"submission_id": "S3", "value": Decimal("452"), "revision_no": 2, "is_current": True,
         "superseded_by_submission_id": None},
    ]  # fmt: skip
    total = marts.execute("select count(*) from marts.fct_indicator_value").fetchone()[0]
    assert total == 9, "every accepted row once; the rejected and duplicate files add nothing"


def test_gdp_progress_follows_the_compound_path_with_every_input_kept(marts):
    [gdp] = rows(
        marts,
        "select * from marts.fct_indicator_progress where indicator_code = 'I01' and year = 2023",
    )
    assert gdp["actual_value"] == Decimal("452"), "the current revision, not the first"
    assert (gdp["baseline_value"], gdp["target_value"]) == (Decimal("295"), Decimal("600"))
    assert gdp["path_formula"] == "compound"
    assert gdp["expected_value"] == Decimal("451.668243")  # 295·(600/295)^(3/5)
    assert gdp["required_cagr_pct"] == Decimal("15.256611")
    assert gdp["actual_cagr_pct"] == Decimal("15.284824")
    assert gdp["on_track_tolerance_share"] == Decimal("0.05")
    assert abs(gdp["progress_gap_share"]) <= gdp["on_track_tolerance_share"]
    assert (gdp["status_code"], gdp["status_zh"]) == ("on_track", "基本符合预期")
    [early] = rows(
        marts,
        "select expected_value from marts.fct_indicator_progress "
        "where indicator_code = 'I01' and year = 2021",
    )
    assert early["expected_value"] == Decimal("340.007004")


def test_falling_water_use_meets_its_binding_ceiling(marts):
    [water] = rows(
        marts,
        "select direction, path_type, expected_value, constraint_margin, status_code "
        "from marts.fct_indicator_progress where indicator_code = 'I17' and year = 2023",
    )
    assert water == {
        "direction": "decrease",
        "path_type": "ceiling",
        "expected_value": Decimal("83.120000"),  # 97.79 + (73.34 − 97.79)·3/5
        "constraint_margin": Decimal("3.120000"),
        "status_code": "constraint_met",
    }


def test_years_without_data_are_no_data_and_the_scorecard_lists_every_indicator(marts):
    years = rows(
        marts,
        "select year, has_data, status_code from marts.fct_indicator_progress "
        "where indicator_code = 'I01' and region_code = '220581' order by year",
    )
    assert [(y["year"], y["status_code"]) for y in years] == [
        (2021, "on_track"),
        (2022, "no_data"),
        (2023, "on_track"),
    ], "plan years up to the latest year reported, a gap is a finding"
    scorecard = {
        r["indicator_code"]: r
        for r in rows(marts, "select * from marts.rpt_plan_scorecard order by indicator_seq")
    }
    assert len(scorecard) == 22
    assert (scorecard["I01"]["latest_year"], scorecard["I01"]["status_code"]) == (2023, "on_track")
    assert scorecard["I01"]["previous_status_code"] == "on_track"
    assert scorecard["I05"]["status_code"] == "ahead", "7.2% against more than 6.5% a year"
    assert (scorecard["I13"]["status_code"], scorecard["I13"]["status_zh"]) == ("no_data", "无数据")


def test_project_reports_reconcile_and_flag_stalls_and_overruns(marts):
    per_submission = dict(
        marts.execute(
            "select submission_id, sum(cumulative_investment) from marts.fct_project_progress "
            "group by submission_id"
        ).fetchall()
    )
    assert per_submission == {"P1": Decimal("6000.00"), "P2": Decimal("13500.00")}, (
        "P1's report of B01-P002 for March was revised by P2, so only P2's counts"
    )
    flags = rows(
        marts,
        "select project_code, report_month, months_without_investment, is_stalled, "
        "is_over_budget, completion_share from marts.fct_project_progress "
        "where report_month = '2024-06-01' and box_no = 1 order by project_code",
    )
    assert flags == [
        {"project_code": "B01-P001", "report_month": date(2024, 6, 1),
         "months_without_investment": 5, "is_stalled": True, "is_over_budget": False,
         "completion_share": Decimal("0.200000")},
        {"project_code": "B01-P002", "report_month": date(2024, 6, 1),
         "months_without_investment": 0, "is_stalled": False, "is_over_budget": True,
         "completion_share": Decimal("1.060000")},
    ]  # fmt: skip
    [box] = rows(marts, "select * from marts.rpt_project_box_summary where box_no = 1")
    assert box["projects_reporting"] == 2
    assert (box["projects_under_construction"], box["projects_completed"]) == (1, 1)
    assert (box["projects_stalled"], box["projects_over_budget"]) == (1, 1)
    assert (box["total_investment"], box["cumulative_investment"]) == (
        Decimal("15000.00"),
        Decimal("7300.00"),
    )
    assert (box["projects_listed"], box["projects_with_total"]) == (8, 2)
    assert box["investment_completion_share"] is None, (
        "over all 8 listed projects, and 6 have no known total: not 7,300 / 15,000 of the two"
    )
    [whole] = rows(marts, "select * from marts.rpt_project_box_summary where box_no = 22")
    assert (whole["projects_listed"], whole["projects_reporting"]) == (1, 1)
    assert whole["investment_completion_share"] == Decimal("0.250000"), "2,000 of 8,000 万元"


def test_months_since_last_report_and_overdue_follow_the_quarterly_rule(marts):
    def as_of(month: str) -> dict[str, dict[str, Any]]:
        found = rows(
            marts,
            "select project_code, last_report_month, months_since_last_report, "
            "due_period_label, is_overdue from marts.rpt_project_reporting_as_of "
            "where as_of_month = ? and project_code in ('B01-P001', 'B01-P002', 'B01-P003')",
            date.fromisoformat(month),
        )
        return {r.pop("project_code"): r for r in found}

    march_2021, april_2021 = as_of("2021-03-01"), as_of("2021-04-01")
    assert not any(r["is_overdue"] for r in march_2021.values()), "2020-Q4 is the baseline year"
    never = {"last_report_month": None, "months_since_last_report": None}
    assert april_2021["B01-P003"] == {**never, "due_period_label": "2021-Q1", "is_overdue": True}
    may_2024 = as_of("2024-05-01")
    assert may_2024["B01-P001"] == {"last_report_month": date(2024, 3, 1),
                                    "months_since_last_report": 2, "due_period_label": "2024-Q1",
                                    "is_overdue": False}  # fmt: skip
    june_2024 = as_of("2024-06-01")
    assert june_2024["B01-P001"]["months_since_last_report"] == 0
    assert june_2024["B01-P002"]["is_overdue"] is False, "completed: no report owed"
    assert june_2024["B01-P003"]["is_overdue"] is True
    months = marts.execute(
        "select min(as_of_month), max(as_of_month), count(distinct as_of_month), "
        "count(*) / count(distinct as_of_month) from marts.rpt_project_reporting_as_of"
    ).fetchone()
    projects = marts.execute("select count(*) from marts.dim_project").fetchone()[0]
    assert months == (date(2021, 1, 1), date(2024, 6, 1), 42, projects), (
        "every project in every plan month up to the latest report month"
    )


def test_sector_output_is_judged_on_the_path_from_its_submitted_2020_output(marts):
    sectors = rows(
        marts,
        "select sector_code, output_value, enterprises, baseline_value, expected_value, "
        "status_code from marts.fct_sector_output where year = 2023 and has_data "
        "order by sector_code",
    )
    assert sectors == [
        {"sector_code": "food_processing", "output_value": Decimal("90.0000"), "enterprises": 12,
         "baseline_value": None, "expected_value": None, "status_code": "no_baseline"},
        {"sector_code": "medicine_health", "output_value": Decimal("180.0000"), "enterprises": 30,
         "baseline_value": Decimal("100.000000"), "expected_value": Decimal("193.318204"),
         "status_code": "lagging"},
    ]  # fmt: skip


def test_yoy_growth_divides_by_the_year_before_or_the_baseline_and_skips_rates(marts):
    yoy = {
        (r["indicator_code"], r["year"]): (r["previous_year_value"], r["yoy_growth_pct"])
        for r in rows(
            marts,
            "select indicator_code, year, previous_year_value, yoy_growth_pct "
            "from marts.fct_indicator_progress where indicator_code in ('I01', 'I05', 'I17')",
        )
    }
    assert yoy[("I01", 2021)] == (Decimal("295"), Decimal("15.254237")), "340/295 − 1: 2020 base"
    assert yoy[("I01", 2022)] == (Decimal("340"), None), "no value in 2022"
    assert yoy[("I01", 2023)] == (None, None), "nothing submitted for 2022"
    assert yoy[("I17", 2021)] == (Decimal("97.79"), Decimal("-7.966050")), "90/97.79 − 1"
    assert yoy[("I05", 2021)][1] is None, "a growth rate in % has no 同比 of itself"
    [card] = rows(
        marts,
        "select latest_year, yoy_growth_pct from marts.rpt_plan_scorecard "
        "where indicator_code = 'I17'",
    )
    assert card == {"latest_year": 2023, "yoy_growth_pct": None}, "2022 unreported"
    sectors = {
        (r["sector_code"], r["year"]): (r["previous_year_value"], r["yoy_growth_pct"])
        for r in rows(
            marts,
            "select sector_code, year, previous_year_value, yoy_growth_pct "
            "from marts.fct_sector_output where region_code = '220581'",
        )
    }
    assert sectors[("food_processing", 2023)] == (Decimal("75"), Decimal("20")), "90/75 − 1"
    assert sectors[("food_processing", 2022)] == (None, None), "no 2021 output, no baseline"
    assert sectors[("medicine_health", 2021)] == (Decimal("100"), None), "2021 unreported"
    [column] = marts.execute(
        "select data_type from information_schema.columns "
        "where table_name = 'fct_sector_output' and column_name = 'yoy_growth_pct'"
    ).fetchall()
    assert column == ("DECIMAL(20,6)",), "the measure type, as actual_cagr_pct"


def test_completeness_counts_files_and_items_per_department_and_period(marts):
    [stats_2023] = rows(
        marts,
        "select * from marts.rpt_submission_completeness where department_code = 'stats' "
        "and dataset = 'indicator_values' and period_label = '2023'",
    )
    assert stats_2023["as_of_date"] == date.fromisoformat(AS_OF)
    assert (stats_2023["files_received"], stats_2023["files_accepted"]) == (5, 3)
    assert (stats_2023["files_rejected"], stats_2023["files_duplicate"]) == (1, 1)
    assert stats_2023["is_due"] and stats_2023["is_overdue"]
    assert stats_2023["days_overdue"] == (date.fromisoformat(AS_OF) - date(2024, 3, 31)).days
    totals = dict(
        marts.execute(
            "select period_label, sum(accepted_items) from marts.rpt_submission_completeness "
            "where dataset = 'indicator_values' group by period_label"
        ).fetchall()
    )
    assert totals == {"2021": 3, "2022": 1, "2023": 4, "2024": 0}, "2025 has not started"
    rejected = dict(
        marts.execute(
            "select period_label, files_rejected from marts.rpt_submission_completeness "
            "where department_code = 'stats' and dataset = 'indicator_values'"
        ).fetchall()
    )
    # S8 counts for the years its rows are for; S4, whose rows state none, for the period
    # due next when it came (2023, due 2024-03-31)
    assert rejected == {"2021": 1, "2022": 1, "2023": 1, "2024": 0}
    expected = marts.execute(
        "select sum(expected_items) from marts.rpt_submission_completeness "
        "where dataset = 'indicator_values' and period_label = '2023'"
    ).fetchone()[0]
    assert expected == 22
    not_due = marts.execute(
        "select bool_or(is_due) from marts.rpt_submission_completeness where period_label = '2024'"
    ).fetchone()[0]
    assert not_due is False


def test_each_item_is_late_by_when_it_was_submitted_not_when_intake_read_it(marts):
    """The 报送日期 a file states decides lateness; without one, when the file appeared."""
    items = {
        (r["item_code"], r["period_label"]): r
        for r in rows(
            marts,
            "select * from marts.rpt_submission_completeness_item "
            "where dataset = 'indicator_values' and department_code = 'stats'",
        )
    }
    backfill, late = items[("I02", "2022")], items[("I03", "2023")]
    assert backfill["due_date"] == date(2023, 3, 31)
    assert backfill["submitted_at"] == beijing(2023, 3, 20)
    types = dict(
        marts.execute(
            "select column_name, data_type from information_schema.columns "
            "where table_name = 'rpt_submission_completeness_item' and data_type like 'TIMESTAMP%'"
        ).fetchall()
    )
    assert types == {c: "TIMESTAMP WITH TIME ZONE" for c in ("submitted_at", "received_at")}
    assert backfill["received_at"] == beijing(2024, 3, 15, 9)
    assert (backfill["is_accepted"], backfill["is_late"], backfill["days_late"]) == (
        True,
        False,
        None,
    )
    # 07:00 on 1 May in Beijing is still 30 April in UTC: the day is Beijing's
    assert (late["submitted_at"], late["is_late"], late["days_late"]) == (
        beijing(2024, 5, 1, 7),
        True,
        (date(2024, 5, 1) - date(2024, 3, 31)).days,
    )
    on_time, missing = items[("I01", "2023")], items[("I05", "2023")]
    assert (on_time["submitted_at"], on_time["is_late"]) == (beijing(2024, 2, 20, 9), False)
    assert (missing["is_accepted"], missing["submitted_at"], missing["is_late"]) == (
        False,
        None,
        True,
    )
    assert missing["days_late"] == (date.fromisoformat(AS_OF) - date(2024, 3, 31)).days
    [period] = rows(
        marts,
        "select late_items, submitted_at, is_late, expected_items from "
        "marts.rpt_submission_completeness where department_code = 'stats' "
        "and dataset = 'indicator_values' and period_label = '2023'",
    )
    listed = [r for (_, label), r in items.items() if label == "2023"]
    assert period["expected_items"] == len(listed)
    assert period["late_items"] == sum(r["is_late"] and r["is_accepted"] for r in listed) == 1
    assert (period["submitted_at"], period["is_late"]) == (beijing(2024, 5, 1, 7), True)
    assert items[("I02", "2022")]["department_code"] == "stats"


def test_plan_consistency_flags_percentage_points_truncation_and_prose_conflicts(marts):
    findings = dict(
        marts.execute("select check_id, finding_code from marts.rpt_plan_consistency").fetchall()
    )
    assert findings["T-I01"] == "consistent"  # 600/295 − 1 = 103.39%
    assert findings["T-I12"] == "percentage_points"  # 100 − 15.14 = 84.86
    assert findings["T-I20"] == "percentage_points"  # 100 − 75 = 25
    assert findings["T-I21"] == "truncated"  # 17/16.1 − 1 = 5.59%, printed 5%
    assert findings["T-I13"] == "target_pending"
    assert findings["T-I18"] == "baseline_absent"
    assert findings["P01"] == "conflict", "the text's 2020 GDP of 300亿元 against the table's 295"
    assert findings["P04"] == "conflict", "the text's 2020 urbanisation of 60% against 61%"


def test_a_warehouse_without_submissions_builds(warehouse: Paths, run_dbt):
    """GIVEN no intake run yet (no raw schema) WHEN dbt build THEN empty facts, a full scorecard."""
    run_dbt("build")
    with duckdb.connect(str(warehouse.build_db), read_only=True) as con:
        assert con.execute("select count(*) from marts.fct_indicator_value").fetchone() == (0,)
        assert con.execute("select count(*) from marts.fct_indicator_progress").fetchone() == (0,)
        statuses = con.execute(
            "select status_code, count(*) from marts.rpt_plan_scorecard group by status_code"
        ).fetchall()
    assert statuses == [("no_data", 22)]


def test_gdp_outlook_gives_what_the_remaining_years_require_and_where_the_trend_leads(marts):
    [gdp] = rows(
        marts,
        "select * from marts.fct_indicator_progress where indicator_code = 'I01' and year = 2023",
    )
    assert gdp["remaining_years"] == 2, "2025, the end year of plan 220581-14, minus 2023"
    assert gdp["outlook_formula"] == "compound"
    assert gdp["required_cagr_remaining_pct"] == Decimal("15.214306")  # (600/452)^(1/2) − 1
    assert gdp["required_annual_change_remaining"] is None, "a compound path grows by a rate"
    assert gdp["actual_annual_change"] == Decimal("52.333333")  # (452 − 295)/3
    assert gdp["best_annual_growth_pct"] == Decimal("15.300120")  # 340 → 452 over two years
    assert gdp["projected_end_value"] == Decimal("600.734697")  # 452·1.15284824²
    assert gdp["projected_end_margin"] == Decimal("0.734697")
    assert gdp["outlook_cagr_tolerance_pp"] == Decimal("0.5")
    assert (gdp["warning_rule"], gdp["warning_level"], gdp["warning_zh"]) == (
        "on_course",
        "green",
        "正常",
    )
    [water] = rows(
        marts,
        "select outlook_formula, required_annual_change_remaining, actual_annual_change, "
        "projected_end_value, projected_end_margin, warning_level "
        "from marts.fct_indicator_progress where indicator_code = 'I17' and year = 2023",
    )
    assert water == {
        "outlook_formula": "linear",
        "required_annual_change_remaining": Decimal("-3.330000"),  # (73.34 − 80)/2
        "actual_annual_change": Decimal("-5.930000"),  # (80 − 97.79)/3
        "projected_end_value": Decimal("68.140000"),
        "projected_end_margin": Decimal("5.200000"),  # under the ceiling: 73.34 − 68.14
        "warning_level": "green",
    }
    [card] = rows(
        marts,
        "select latest_year, required_cagr_remaining_pct, warning_level "
        "from marts.rpt_plan_scorecard where indicator_code = 'I01'",
    )
    assert card == {
        "latest_year": 2023,
        "required_cagr_remaining_pct": Decimal("15.214306"),
        "warning_level": "green",
    }
    levels = rows(marts, "select * from marts.dim_warning_level order by warning_sort_order")
    assert [(r["warning_level"], r["warning_zh"]) for r in levels] == [
        ("red", "红色预警"),
        ("yellow", "黄色预警"),
        ("green", "正常"),
    ]
