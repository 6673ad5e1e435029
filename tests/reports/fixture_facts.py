"""Synthetic fact-mart rows for the report tests, shaped like the published fact marts."""

from __future__ import annotations

import json
from datetime import date, datetime

import pandas as pd

from reports.planned import planned_path
from reports.status import STATUSES

REGION = "220581"
HYPERLINK = '=HYPERLINK("http://example.invalid","点击")'
SCRIPT = "<script>alert('x')</script>"
# Where each indicator's latest value sits, as a share of the planned change beyond the path.
DELTA = {
    "I01": 0.02,
    "I02": 0.12,
    "I03": -0.2,
    "I04": -0.03,
    "I07": 0.0,
    "I08": 0.1,
    "I09": -0.15,
    "I11": 0.01,
    "I16": -0.075,
    "I17": -0.04,
    "I20": 0.04,
    "I21": 0.05,
    "I22": -0.3,
}
FIXED = {
    "I05": [7.1, 6.9, 6.6, 6.2],
    "I06": [15.0, 19.0, 23.0, 25.5],
    "I12": [40.0, 70.0, 95.0, 100.0],
    "I13": [3.1, 2.8, 3.3, 3.0],
    "I15": [17.31] * 4,
    "I18": [36.8, 37.0, 37.2, 37.4],
    "I19": [88.0, 89.5, 90.1, 91.0],
}
NO_DATA = {"I10", "I14"}


def indicator_values(indicators: pd.DataFrame, latest_year: int) -> pd.DataFrame:
    """Accepted values for 2021..latest_year; I01 2023 is revised once."""
    rows = []
    for ind in indicators.itertuples():
        if ind.indicator_code in NO_DATA:
            continue
        path = dict(planned_path(ind.baseline_value, ind.target_value, ind.path_type))
        for i, year in enumerate(range(2021, latest_year + 1)):
            if ind.indicator_code in FIXED:
                value = FIXED[ind.indicator_code][min(i, 3)]
            else:
                change = ind.target_value - ind.baseline_value
                value = path[year] + DELTA[ind.indicator_code] * change * (i + 1) / 4
            rows.append(
                (ind.indicator_code, year, round(value, 2), f"S-{ind.department_code}-{year}")
            )
    frame = pd.DataFrame(rows, columns=["indicator_code", "year", "value", "submission_id"])
    frame["region_code"] = REGION
    frame["received_at"] = [datetime(y + 1, 1, 20, 9, 0) for y in frame["year"]]
    frame["revision_no"], frame["revision_count"], frame["is_current"] = 1, 1, True
    first = frame[(frame["indicator_code"] == "I01") & (frame["year"] == 2023)].copy()
    first["value"] -= 12.5
    first["submission_id"], first["received_at"] = "S-stats-2023-v1", datetime(2024, 1, 5, 9, 0)
    first["is_current"] = False
    frame = pd.concat([first, frame], ignore_index=True)
    revised = (frame["indicator_code"] == "I01") & (frame["year"] == 2023)
    frame.loc[revised, "revision_count"] = 2
    frame.loc[revised & frame["is_current"], "revision_no"] = 2
    frame["indicator_value_id"] = frame["submission_id"] + "|" + frame["indicator_code"]
    return frame


def assess(ind, year: int, actual: float | None, tolerance: float = 0.05) -> dict[str, object]:
    """The progress columns for one indicator-year, by the methodology's rules (simplified)."""
    path = dict(
        planned_path(ind.baseline_value, ind.target_value, ind.path_type, ind.target_annual_rate)
    )
    expected = path.get(year)
    base, target = ind.baseline_value, ind.target_value
    planned = None if pd.isna(base) or pd.isna(target) else target - base
    share = (actual - base) / planned if actual is not None and planned else None
    expected_share = (expected - base) / planned if expected is not None and planned else None
    decreasing = ind.direction == "decrease"
    if actual is None:
        status = "no_data"
    elif ind.path_type == "annual_rate":
        gap = None if pd.isna(ind.target_annual_rate) else actual - ind.target_annual_rate
        status = (
            "no_target"
            if gap is None
            else "ahead"
            if gap > 0.5
            else "on_track"
            if gap >= -0.5
            else "lagging"
        )
    elif ind.path_type in ("floor", "ceiling"):
        margin = expected - actual if ind.path_type == "ceiling" else actual - expected
        status = "constraint_met" if margin >= 0 else "constraint_violated"
    elif (actual <= target if decreasing else actual >= target) and year < 2025:
        status = "achieved_early"
    else:
        gap = share - expected_share
        status = "ahead" if gap > tolerance else "on_track" if gap >= -tolerance else "lagging"
    return {
        "expected_value": expected,
        "share_of_planned_change_achieved": share,
        "expected_share_of_planned_change": expected_share,
        "status_code": status,
        "status_zh": STATUSES[status].zh,
        "status_en": STATUSES[status].en,
    }


def indicator_progress(
    indicators: pd.DataFrame, values: pd.DataFrame, latest_year: int
) -> pd.DataFrame:
    """One row per indicator and plan year up to latest_year, current values only."""
    current = values[values["is_current"]].set_index(["indicator_code", "year"])["value"]
    rows = []
    for ind in indicators.itertuples():
        for year in range(2021, latest_year + 1):
            actual = current.get((ind.indicator_code, year))
            base, target = ind.baseline_value, ind.target_value
            cagr = None
            if not pd.isna(base) and base > 0 and not pd.isna(target) and target > 0:
                cagr = ((target / base) ** (1 / 5) - 1) * 100
            rows.append(
                {
                    "indicator_code": ind.indicator_code,
                    "region_code": REGION,
                    "year": year,
                    "actual_value": None if actual is None else float(actual),
                    "baseline_value": base,
                    "target_value": target,
                    "target_status": ind.target_status,
                    "unit": ind.unit,
                    "direction": ind.direction,
                    "path_type": ind.path_type,
                    "is_binding": ind.is_binding,
                    "required_cagr_pct": cagr,
                    "on_track_tolerance_share": 0.05,
                    **assess(ind, year, None if actual is None else float(actual)),
                }
            )
    return pd.DataFrame(rows)


PROJECT_CYCLE = [
    "planning",
    "not_started",
    "under_construction",
    "under_construction",
    "under_construction",
    "completed",
    "suspended",
]


def project_progress(projects: pd.DataFrame, latest_year: int) -> pd.DataFrame:
    """Half-yearly reports for nine in ten projects; statuses cycle, investment grows."""
    rows = []
    for i, project in enumerate(projects.sort_values("project_code").itertuples()):
        if i % 10 == 0:
            continue
        total = 5000.0 + (i * 7919) % 50000
        status = PROJECT_CYCLE[i % len(PROJECT_CYCLE)]
        for year in range(2021, latest_year + 1):
            for month in (6, 12):
                elapsed = (year - 2021) * 2 + month // 6
                done = {"planning": 0, "not_started": 0, "completed": 1.0}.get(
                    status, min(0.1 * elapsed, 0.9)
                )
                rows.append(
                    {
                        "project_code": project.project_code,
                        "region_code": REGION,
                        "report_month": date(year, month, 1),
                        "status_code": status,
                        "total_investment": total,
                        "cumulative_investment": round(total * done, 2),
                        "completion_share": done,
                        "is_stalled": status == "suspended",
                        "is_over_budget": False,
                    }
                )
    return pd.DataFrame(rows)


def sector_output(sectors: pd.DataFrame, latest_year: int) -> pd.DataFrame:
    """Output from 2020 for sectors with a 2025 target and for tourism."""
    rows = []
    start = {
        "medicine_health": 80.0,
        "food_processing": 90.0,
        "equipment_and_construction": 60.0,
        "tourism": 30.0,
    }
    growth = {
        "medicine_health": 1.32,
        "food_processing": 1.12,
        "equipment_and_construction": 1.25,
        "tourism": 1.1,
    }
    for sector in sectors[sectors["sector_code"].isin(start)].itertuples():
        base, target = start[sector.sector_code], sector.output_target_2025
        for year in range(2020, latest_year + 1):
            output = round(base * growth[sector.sector_code] ** (year - 2020), 2)
            expected = None if pd.isna(target) else base * (target / base) ** ((year - 2020) / 5)
            share = None if pd.isna(target) else (output - base) / (target - base)
            exp_share = None if expected is None else (expected - base) / (target - base)
            status = (
                "no_target"
                if expected is None
                else (
                    "ahead"
                    if share - exp_share > 0.05
                    else "on_track"
                    if share - exp_share >= -0.05
                    else "lagging"
                )
            )
            rows.append(
                {
                    "sector_code": sector.sector_code,
                    "region_code": REGION,
                    "year": year,
                    "output_value": output,
                    "enterprises": 10 + year - 2020,
                    "baseline_value": base,
                    "target_value": target,
                    "expected_value": expected,
                    "share_of_planned_change_achieved": share,
                    "status_code": status,
                }
            )
    return pd.DataFrame(rows)


def submissions() -> dict[str, pd.DataFrame]:
    """submission_log, quarantine, submission_warning and rpt_submission_completeness."""
    log = pd.DataFrame(
        [
            (
                "S-stats-2024",
                "stats",
                "indicators-2024.xlsx",
                "indicator_values",
                datetime(2025, 1, 20, 9),
                "accepted",
                14,
                14,
                0,
                None,
                None,
            ),
            (
                "S-finance-2024",
                "finance",
                "finance-2024.csv",
                "indicator_values",
                datetime(2025, 1, 22, 9),
                "accepted",
                1,
                1,
                0,
                None,
                "extra column 备注2 ignored",
            ),
            (
                "S-bad-1",
                "industry",
                "@SUM(1+1).xlsx",
                "sector_output",
                datetime(2025, 1, 23, 10),
                "rejected",
                4,
                0,
                2,
                HYPERLINK + "\n" + SCRIPT,
                None,
            ),
            (
                "S-bad-2",
                "water",
                "water-2024.xlsx",
                "indicator_values",
                datetime(2025, 2, 3, 11),
                "rejected",
                1,
                0,
                1,
                "表头无法识别 · header not recognised",
                None,
            ),
            (
                "S-dup-1",
                "stats",
                "indicators-2024 (1).xlsx",
                "indicator_values",
                datetime(2025, 1, 21, 9),
                "duplicate",
                14,
                0,
                0,
                "same sha256 as S-stats-2024",
                None,
            ),
        ],
        columns=[
            "submission_id",
            "department_code",
            "file_name",
            "dataset",
            "received_at",
            "status",
            "rows_received",
            "rows_accepted",
            "rows_quarantined",
            "reasons",
            "warnings",
        ],
    )
    log["file_path"] = log["department_code"] + "/" + log["file_name"]
    quarantine = pd.DataFrame(
        [
            (
                "S-bad-1",
                "Sheet1",
                5,
                "产值（亿元）",
                "not_a_number",
                HYPERLINK,
                "value is not a number",
                json.dumps({"产值（亿元）": "=1+1"}, ensure_ascii=False),
            ),
            (
                "S-bad-1",
                "Sheet1",
                6,
                "产业",
                "unknown_sector",
                "未知产业：新能源车",
                SCRIPT,
                '{"产业": "新能源车"}',
            ),
            (
                "S-bad-2",
                "指标",
                3,
                None,
                "header_not_recognised",
                "表头无法识别",
                "header not recognised",
                "-1",
            ),
        ],
        columns=[
            "submission_id",
            "sheet",
            "excel_row",
            "column_name",
            "rule",
            "reason_zh",
            "reason_en",
            "raw_record",
        ],
    )
    warnings = pd.DataFrame(
        [
            (
                "S-finance-2024",
                "Sheet1",
                1,
                "备注2",
                "extra_column",
                "多余的列已忽略：备注2",
                "extra column ignored: 备注2",
            ),
            (
                "S-stats-2024",
                "指标",
                9,
                "数值",
                "unit_converted",
                "+单位由万元换算为亿元",
                "unit converted from 万元 to 亿元",
            ),
        ],
        columns=[
            "submission_id",
            "sheet",
            "excel_row",
            "column_name",
            "rule",
            "reason_zh",
            "reason_en",
        ],
    )
    completeness = pd.DataFrame(
        [
            ("stats", "indicator_values", "2024", 1, 1, 1, False),
            ("industry", "sector_output", "2024", 1, 1, 0, True),
            ("water", "indicator_values", "2024", 1, 1, 0, True),
            ("health", "indicator_values", "2024", 1, 0, 0, True),
        ],
        columns=[
            "department_code",
            "dataset",
            "period",
            "expected",
            "received",
            "accepted",
            "is_overdue",
        ],
    )
    return {
        "submission_log": log,
        "quarantine": quarantine,
        "submission_warning": warnings,
        "rpt_submission_completeness": completeness,
    }


def validation_results() -> pd.DataFrame:
    """Two audit runs; the latest has one failing expectation."""
    rows = []
    for run, at, fail in (
        ("run-1", datetime(2025, 2, 1, 2), False),
        ("run-2", datetime(2025, 3, 1, 2), True),
    ):
        rows += [
            {
                "run_id": run,
                "validated_at": at,
                "suite": "marts.fct_indicator_progress",
                "mart": "fct_indicator_progress",
                "expectation_type": "expect_column_values_to_not_be_null",
                "column_name": "status_code",
                "description": "every row has a status",
                "expectation_kwargs": "{}",
                "success": True,
                "observed_value": None,
                "unexpected_count": 0,
                "failing_sample": None,
                "exception": None,
            },
            {
                "run_id": run,
                "validated_at": at,
                "suite": "marts.fct_project_progress",
                "mart": "fct_project_progress",
                "expectation_type": "expect_column_values_to_be_between",
                "column_name": "completion_share",
                "description": "completion share between 0 and 1",
                "expectation_kwargs": "{}",
                "success": not fail,
                "observed_value": '{"unexpected_count": 1}',
                "unexpected_count": int(fail),
                "failing_sample": '[{"completion_share": 1.2}]' if fail else None,
                "exception": None,
            },
        ]
    return pd.DataFrame(rows)
