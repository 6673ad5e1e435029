"""The frames of one monitoring report, selected from the published marts as of an evaluation year.

The marts decide every figure, status, label and colour; this module only selects the rows
of the region and as-of year the report is for.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from orchestration.settings import TIMEZONE
from reports.data import Marts, records
from reports.editions import Edition
from reports.plans import Plan
from reports.render.badges import Statuses, warning_levels

SCORECARD = "rpt_plan_scorecard_as_of"
PATH = "fct_indicator_expected_path"
PROGRESS = "fct_indicator_progress"
BOXES = "rpt_project_box_summary_as_of"
SECTORS = "rpt_sector_scorecard_as_of"
STATUSES = "dim_progress_status"
PROJECT_STATUSES = "dim_project_status"
WARNINGS = "dim_warning_level"
FINAL = "rpt_plan_final_evaluation"
PATH_TYPES = "dim_path_type"
SECTOR_GROUPS = "dim_sector_group"
TABLES = [
    SCORECARD,
    PATH,
    PROGRESS,
    BOXES,
    SECTORS,
    STATUSES,
    PROJECT_STATUSES,
    WARNINGS,
    FINAL,
    PATH_TYPES,
    SECTOR_GROUPS,
]


@dataclass
class MonitoringData:
    """Everything one edition of the monitoring report shows."""

    year: int
    plan: Plan
    region: dict[str, str]
    scorecard: pd.DataFrame
    actual: pd.DataFrame
    path: pd.DataFrame
    boxes: pd.DataFrame
    sectors: pd.DataFrame
    statuses: Statuses
    project_statuses: pd.DataFrame
    final: pd.DataFrame
    warnings: Statuses = field(default_factory=lambda: Statuses([]))
    labels: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)
    provenance: dict[str, str] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    synthetic_files: int = 0


def _select(marts: Marts, table: str, sql: str, params: list[object]) -> pd.DataFrame:
    """The rows of `sql` over a published table; an empty frame when it is not published."""
    return marts.frame(sql, params) if marts.has(table) else pd.DataFrame()


def scorecard(marts: Marts, plan: Plan, year: int) -> pd.DataFrame:
    """One row per indicator as of `year`; an error naming the as-of years if there is none."""
    card = _select(
        marts,
        SCORECARD,
        f"select card.*, paths.path_type_name_zh, paths.path_type_name_en from {SCORECARD} "
        f"as card left join {PATH_TYPES} as paths using (path_type) "
        "where plan_id = ? and region_code = ? and as_of_year = ? order by indicator_seq",
        [plan.plan_id, plan.region_code, year],
    )
    if card.empty and marts.has(SCORECARD):
        known = marts.frame(
            f"select distinct as_of_year from {SCORECARD} where plan_id = ? order by 1",
            [plan.plan_id],
        )
        years = ", ".join(str(y) for y in known["as_of_year"]) or "none"
        raise ValueError(
            f"{SCORECARD} 中没有规划 {plan.plan_id} {year} 年的评估 · no scorecard of plan "
            f"{plan.plan_id} as of {year} in {SCORECARD} (as-of years: {years})"
        )
    return card


def load(marts: Marts, edition: Edition) -> MonitoringData:
    """Every frame of one edition: its plan's region, as of its year."""
    plan, year = edition.plan, edition.year
    keys = [plan.plan_id, plan.region_code]
    statuses = _select(marts, STATUSES, f"select * from {STATUSES} order by status_sort_order", [])
    warnings = _select(marts, WARNINGS, f"select * from {WARNINGS} order by warning_sort_order", [])
    return MonitoringData(
        year=year,
        plan=plan,
        region={
            "region_code": plan.region_code,
            "name_zh": plan.region_name_zh,
            "name_en": plan.region_name_en,
        },
        scorecard=scorecard(marts, plan, year),
        actual=_select(
            marts,
            PROGRESS,
            f"select indicator_code, year, actual_value from {PROGRESS} "
            "where plan_id = ? and region_code = ? and year <= ? and has_data "
            "order by indicator_code, year",
            [*keys, year],
        ),
        path=_select(
            marts,
            PATH,
            f"select indicator_code, year, expected_value from {PATH} "
            "where plan_id = ? and region_code = ? and expected_value is not null "
            "order by indicator_code, year",
            keys,
        ),
        boxes=_select(
            marts,
            BOXES,
            f"select * from {BOXES} where plan_id = ? and as_of_year = ? order by box_no",
            [plan.plan_id, year],
        ),
        sectors=_select(
            marts,
            SECTORS,
            f"select sectors.*, groups.sector_group_name_zh, groups.sector_group_name_en "
            f"from {SECTORS} as sectors left join {SECTOR_GROUPS} as groups using (sector_group) "
            "where plan_id = ? and region_code = ? and as_of_year = ? "
            "order by output_target_value is null, groups.sector_group_sort_order, sector_code",
            [*keys, year],
        ),
        statuses=Statuses.from_records(records(statuses)),
        project_statuses=_select(
            marts,
            PROJECT_STATUSES,
            f"select * from {PROJECT_STATUSES} order by project_status_sort_order",
            [],
        ),
        final=_select(
            marts,
            FINAL,
            f"select * from {FINAL} where plan_id = ? and region_code = ? "
            "order by completion_sort_order, indicator_seq",
            keys,
        )
        if edition.kind == "final"
        else pd.DataFrame(),
        warnings=warning_levels(records(warnings)),
        labels={table: marts.labels(table) for table in TABLES if marts.has(table)},
        provenance=provenance(marts),
        missing=[table for table in TABLES if not marts.has(table)],
        synthetic_files=marts.synthetic_files,
    )


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
    if card.empty:
        return None
    values = card["on_track_tolerance_share"].dropna()
    return None if values.empty else float(values.iloc[0])
