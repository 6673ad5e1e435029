"""The frames of one monitoring report, read from the published marts as of an evaluation year."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from orchestration.settings import DEFAULT_REGION, TIMEZONE
from reports.data import Marts
from reports.planned import planned_path

SCORECARD_COLUMNS = [
    "indicator_code",
    "indicator_seq",
    "category_zh",
    "category_en",
    "name_zh",
    "name_en",
    "unit",
    "attribute_zh",
    "attribute_en",
    "is_binding",
    "direction",
    "path_type",
    "target_annual_rate",
    "baseline_value",
    "target_value",
    "target_status",
    "latest_year",
    "latest_value",
    "expected_value",
    "share_achieved",
    "expected_share",
    "required_cagr_pct",
    "actual_cagr_pct",
    "constraint_margin",
    "on_track_tolerance_share",
    "status_code",
    "status_zh",
    "status_en",
]


@dataclass
class MonitoringData:
    """Everything one edition of the monitoring report shows."""

    year: int
    region: dict[str, str]
    scorecard: pd.DataFrame
    series: dict[str, dict[str, list[tuple[int, float]]]]
    boxes: pd.DataFrame
    sectors: pd.DataFrame
    provenance: dict[str, str] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)


def default_region(marts: Marts) -> dict[str, str]:
    """The plan's region (dim_region.is_default), falling back to the configured code."""
    if marts.has("dim_region"):
        frame = marts.frame("select region_code, name_zh, name_en from dim_region where is_default")
        if not frame.empty:
            return {k: str(v) for k, v in frame.iloc[0].items()}
    return {"region_code": DEFAULT_REGION, "name_zh": DEFAULT_REGION, "name_en": DEFAULT_REGION}


def years_with_data(marts: Marts, region_code: str) -> list[int]:
    """Plan years for which some indicator of the region has an actual value."""
    if not marts.has("fct_indicator_progress"):
        return []
    rows = marts.frame(
        "select distinct year from fct_indicator_progress "
        "where region_code = ? and actual_value is not null order by year",
        [region_code],
    )
    return [int(y) for y in rows["year"]]


def latest_rows(frame: pd.DataFrame, key: str, value: str) -> pd.DataFrame:
    """Per key, the row of the latest year with a non-null `value`."""
    if frame.empty:
        return frame
    known = frame[frame[value].notna()].sort_values([key, "year"])
    return known.groupby(key, as_index=False).tail(1)


def scorecard(marts: Marts, region_code: str, year: int) -> pd.DataFrame:
    """One row per indicator: the latest value up to `year` with its expected value and status."""
    indicators = marts.table("dim_indicator", order_by="indicator_seq")
    progress = marts.frame(
        "select * from fct_indicator_progress where region_code = ? and year <= ?",
        [region_code, year],
    )
    latest = latest_rows(progress, "indicator_code", "actual_value").rename(
        columns={
            "year": "latest_year",
            "actual_value": "latest_value",
            "share_of_planned_change_achieved": "share_achieved",
            "expected_share_of_planned_change": "expected_share",
        }
    )
    keep = [c for c in SCORECARD_COLUMNS if c in latest.columns and c not in indicators.columns]
    card = indicators.merge(latest[["indicator_code", *keep]], on="indicator_code", how="left")
    if "baseline_value" in latest.columns:
        submitted = card["indicator_code"].map(latest.set_index("indicator_code")["baseline_value"])
        card["baseline_value"] = card["baseline_value"].combine_first(submitted)
    for column in SCORECARD_COLUMNS:
        if column not in card.columns:
            card[column] = None
    card["status_code"] = card["status_code"].fillna("no_data")
    return card[SCORECARD_COLUMNS]


def indicator_series(
    marts: Marts, region_code: str, year: int, card: pd.DataFrame
) -> dict[str, dict[str, list[tuple[int, float]]]]:
    """Per indicator, actual points up to `year` and the planned path over the plan period."""
    progress = marts.frame(
        "select indicator_code, year, actual_value from fct_indicator_progress "
        "where region_code = ? and year <= ? and actual_value is not null order by year",
        [region_code, year],
    )
    series: dict[str, dict[str, list[tuple[int, float]]]] = {}
    for row in card.itertuples():
        points = progress[progress["indicator_code"] == row.indicator_code]
        actual = [
            (int(y), float(v)) for y, v in zip(points["year"], points["actual_value"], strict=True)
        ]
        planned = planned_path(
            row.baseline_value, row.target_value, row.path_type, row.target_annual_rate
        )
        if (
            planned
            and row.path_type != "annual_rate"
            and (not actual or actual[0][0] > planned[0][0])
        ):
            actual.insert(0, planned[0])
        series[row.indicator_code] = {"actual": actual, "planned": planned}
    return series


def local_time(moment: pd.Timestamp) -> str:
    """A refresh time in the plan's time zone, e.g. 2025-03-01 02:00 (UTC+08:00)."""
    stamp = pd.Timestamp(moment)
    stamp = stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp
    local = stamp.tz_convert(TIMEZONE)
    offset = local.strftime("%z")
    return f"{local:%Y-%m-%d %H:%M} (UTC{offset[:3]}:{offset[3:]})"


def provenance(marts: Marts) -> dict[str, str]:
    """The refresh_provenance items of the published file, with its refresh time."""
    if not marts.has("refresh_provenance"):
        return {}
    frame = marts.frame("select refreshed_at, item, value from refresh_provenance")
    items = dict(zip(frame["item"], frame["value"].astype(str), strict=True))
    if not frame.empty:
        items["refreshed_at"] = local_time(frame["refreshed_at"].max())
    return items


def tolerance(card: pd.DataFrame) -> float | None:
    """The on-track tolerance (share of the planned change) the statuses were decided with."""
    values = card["on_track_tolerance_share"].dropna()
    return None if values.empty else float(values.iloc[0])
