"""Synthetic fact-mart rows for the report tests, with the columns of the published fact marts."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd

from reports.planned import planned_path
from reports.status import STATUSES

REGION = "220581"
# Where each indicator's values sit against its path, as a share of the planned change.
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


def grade(gap: float, tolerance: float) -> str:
    """ahead, on_track or lagging for a gap to the path (positive is better)."""
    return "ahead" if gap > tolerance else "on_track" if gap >= -tolerance else "lagging"


def labelled(status: str) -> dict[str, object]:
    """The status columns of a progress row."""
    return {
        "status_code": status,
        "status_zh": STATUSES[status].zh,
        "status_en": STATUSES[status].en,
    }


def indicator_values(indicators: pd.DataFrame, latest_year: int) -> pd.DataFrame:
    """Accepted values for 2021..latest_year; I01 2023 is revised once (+12.5)."""
    rows = []
    for ind in indicators[~indicators["indicator_code"].isin(NO_DATA)].itertuples():
        path = dict(planned_path(ind.baseline_value, ind.target_value, ind.path_type))
        for i, year in enumerate(range(2021, latest_year + 1)):
            if ind.indicator_code in FIXED:
                value = FIXED[ind.indicator_code][min(i, 3)]
            else:
                change = ind.target_value - ind.baseline_value
                value = path[year] + DELTA[ind.indicator_code] * change * (i + 1) / 4
            rows.append(
                {
                    "indicator_code": ind.indicator_code,
                    "indicator_name_zh": ind.name_zh,
                    "indicator_name_en": ind.name_en,
                    "region_code": REGION,
                    "year": year,
                    "value": round(value, 2),
                    "unit": ind.unit,
                    "submission_id": f"S-{year}",
                    "department_code": ind.department_code,
                    "received_at": datetime(year + 1, 1, 20, 9),
                    "revision_no": 1,
                    "revision_count": 1,
                    "is_current": True,
                    "previous_revision_value": None,
                }
            )
    frame = pd.DataFrame(rows)
    revised = (frame["indicator_code"] == "I01") & (frame["year"] == 2023)
    first = frame[revised].assign(
        value=frame.loc[revised, "value"] - 12.5,
        submission_id="S-2023-v1",
        received_at=datetime(2024, 1, 5, 9),
        is_current=False,
        revision_count=2,
    )
    frame.loc[revised, ["revision_no", "revision_count"]] = [2, 2]
    frame.loc[revised, "previous_revision_value"] = float(first["value"].iloc[0])
    frame = pd.concat([first, frame], ignore_index=True)
    frame["indicator_value_id"] = frame["submission_id"] + "|" + frame["indicator_code"]
    return frame


def assess(ind, year: int, actual: float | None) -> dict[str, object]:
    """The progress columns of one indicator-year, by the methodology's rules (simplified)."""
    rate = ind.target_annual_rate
    expected = dict(planned_path(ind.baseline_value, ind.target_value, ind.path_type, rate)).get(
        year
    )
    base, target = ind.baseline_value, ind.target_value
    planned = None if pd.isna(base) or pd.isna(target) else target - base
    share = (actual - base) / planned if actual is not None and planned else None
    expected_share = (expected - base) / planned if expected is not None and planned else None
    if actual is None:
        status = "no_data"
    elif ind.path_type == "annual_rate":
        status = "no_target" if pd.isna(rate) else grade(actual - rate, 0.5)
    elif ind.path_type in ("floor", "ceiling"):
        margin = expected - actual if ind.path_type == "ceiling" else actual - expected
        status = "constraint_met" if margin >= 0 else "constraint_violated"
    elif actual >= target:
        status = "achieved_early"
    else:
        status = grade(share - expected_share, 0.05)
    return {
        "expected_value": expected,
        "share_of_planned_change_achieved": share,
        "expected_share_of_planned_change": expected_share,
        **labelled(status),
    }


def cagr(base: float, actual: float | None, years: int) -> float | None:
    """Compound annual growth in percent from base to actual over `years`."""
    if actual is None or pd.isna(base) or base <= 0 or actual <= 0:
        return None
    return ((actual / base) ** (1 / years) - 1) * 100


def indicator_progress(indicators: pd.DataFrame, values: pd.DataFrame, year: int) -> pd.DataFrame:
    """One row per indicator and plan year up to `year`, from the current values."""
    current = values[values["is_current"]].set_index(["indicator_code", "year"])["value"]
    rows = []
    for ind in indicators.itertuples():
        base, target = ind.baseline_value, ind.target_value
        levels = not pd.isna(base) and base > 0 and not pd.isna(target)
        for plan_year in range(2021, year + 1):
            actual = current.get((ind.indicator_code, plan_year))
            actual = None if actual is None else float(actual)
            rows.append(
                {
                    "indicator_code": ind.indicator_code,
                    "indicator_seq": ind.indicator_seq,
                    "indicator_name_zh": ind.name_zh,
                    "indicator_name_en": ind.name_en,
                    "region_code": REGION,
                    "year": plan_year,
                    "has_data": actual is not None,
                    "actual_value": actual,
                    "baseline_value": base,
                    "target_value": target,
                    "target_status": ind.target_status,
                    "unit": ind.unit,
                    "direction": ind.direction,
                    "path_type": ind.path_type,
                    "is_binding": ind.is_binding,
                    "required_cagr_pct": ((target / base) ** 0.2 - 1) * 100 if levels else None,
                    "actual_cagr_pct": cagr(base, actual, plan_year - 2020),
                    "on_track_tolerance_share": 0.05,
                    **assess(ind, plan_year, actual),
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
                fixed = {"planning": 0.0, "not_started": 0.0, "completed": 1.0}
                done = fixed.get(status, min(0.1 * elapsed, 0.9))
                rows.append(
                    {
                        "project_code": project.project_code,
                        "box_no": project.box_no,
                        "region_code": REGION,
                        "report_month": date(year, month, 1),
                        "project_status_code": status,
                        "total_investment": total,
                        "cumulative_investment": round(total * done, 2),
                        "completion_share": done,
                        "is_stalled": status == "suspended",
                        "is_over_budget": False,
                    }
                )
    return pd.DataFrame(rows)


SECTOR_START = {
    "medicine_health": 80.0,
    "food_processing": 90.0,
    "equipment_and_construction": 60.0,
    "tourism": 30.0,
}
SECTOR_GROWTH = {
    "medicine_health": 1.32,
    "food_processing": 1.12,
    "equipment_and_construction": 1.25,
    "tourism": 1.1,
}


def sector_output(sectors: pd.DataFrame, latest_year: int) -> pd.DataFrame:
    """Output for 2021..latest_year of three targeted sectors and tourism (no target)."""
    rows = []
    for sector in sectors[sectors["sector_code"].isin(SECTOR_START)].itertuples():
        base, target = SECTOR_START[sector.sector_code], sector.output_target_2025
        for year in range(2021, latest_year + 1):
            output = round(base * SECTOR_GROWTH[sector.sector_code] ** (year - 2020), 2)
            expected = None if pd.isna(target) else base * (target / base) ** ((year - 2020) / 5)
            share = None if pd.isna(target) else (output - base) / (target - base)
            exp_share = None if expected is None else (expected - base) / (target - base)
            status = "no_target" if expected is None else grade(share - exp_share, 0.05)
            rows.append(
                {
                    "sector_code": sector.sector_code,
                    "sector_name_zh": sector.name_zh,
                    "region_code": REGION,
                    "year": year,
                    "has_data": True,
                    "output_value": output,
                    "enterprises": 10 + year - 2020,
                    "baseline_value": base,
                    "target_value": target,
                    "expected_value": expected,
                    "share_of_planned_change_achieved": share,
                    **labelled(status),
                }
            )
    return pd.DataFrame(rows)


def plan_scorecard(progress: pd.DataFrame, indicators: pd.DataFrame) -> pd.DataFrame:
    """rpt_plan_scorecard: per indicator, its row of the latest year with data."""
    known = progress[progress["has_data"]].sort_values("year").groupby("indicator_code").tail(1)
    card = indicators[["indicator_code", "category_zh", "category_en", "attribute_zh"]].merge(
        known.rename(columns={"year": "latest_year", "actual_value": "latest_value"}),
        on="indicator_code",
        how="left",
    )
    card["status_code"] = card["status_code"].fillna("no_data")
    card["status_zh"] = card["status_code"].map(lambda code: STATUSES[code].zh)
    card["status_en"] = card["status_code"].map(lambda code: STATUSES[code].en)
    card["status_sort_order"] = card["status_code"].map(list(STATUSES).index) + 1
    dropped = ("region_code", "has_data", "target_status", "on_track_tolerance_share")
    keep = [c for c in card.columns if c not in dropped]
    return card[keep]


def box_summary(boxes: pd.DataFrame, reports: pd.DataFrame) -> pd.DataFrame:
    """rpt_project_box_summary: per box, from each project's latest report."""
    latest = reports.sort_values("report_month").groupby("project_code").tail(1)
    sums = latest.groupby("box_no").agg(
        projects_reporting=("project_code", "count"),
        projects_stalled=("is_stalled", "sum"),
        total_investment=("total_investment", "sum"),
        cumulative_investment=("cumulative_investment", "sum"),
    )
    summary = boxes.rename(columns={"project_count": "projects_listed"}).merge(
        sums, left_on="box_no", right_index=True, how="left"
    )
    summary["investment_completion_share"] = (
        summary["cumulative_investment"] / summary["total_investment"]
    )
    return summary[
        [
            "box_no",
            "box_title_zh",
            "box_title_en",
            "projects_listed",
            "projects_reporting",
            "projects_stalled",
            "total_investment",
            "cumulative_investment",
            "investment_completion_share",
        ]
    ]
