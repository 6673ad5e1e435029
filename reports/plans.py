"""The plans the published marts hold (dim_plan) and the years each has data for."""

from __future__ import annotations

from dataclasses import dataclass

from reports.data import Marts, records


@dataclass(frozen=True)
class Plan:
    """One plan of one region, as dim_plan states it; its years decide the editions."""

    plan_id: str
    region_code: str
    region_name_zh: str
    region_name_en: str
    plan_name_zh: str
    plan_name_en: str
    short_name_zh: str
    short_name_en: str
    baseline_year: int
    start_year: int
    end_year: int
    midterm_year: int
    final_year: int
    is_synthetic: bool

    @property
    def years(self) -> list[int]:
        """Baseline year through end year, the x-axis of every chart."""
        return list(range(self.baseline_year, self.end_year + 1))

    @property
    def span(self) -> str:
        """The plan's years as printed, e.g. 2021–2025."""
        return f"{self.start_year}–{self.end_year}"


PLANS_SQL = """
select plan_id, region_code, region_name_zh, region_name_en, plan_name_zh, plan_name_en,
    plan_short_name_zh as short_name_zh, plan_short_name_en as short_name_en,
    baseline_year, start_year, end_year, midterm_year, final_year,
    coalesce(is_synthetic, false) as is_synthetic
from dim_plan
order by region_code, start_year
"""


def plans(marts: Marts) -> list[Plan]:
    """Every plan in dim_plan, by region and start year; [] when it is not published."""
    if not marts.has("dim_plan"):
        return []
    return [
        Plan(**{k: (int(v) if k.endswith("_year") else v) for k, v in row.items()})
        for row in records(marts.frame(PLANS_SQL))
    ]


def find_plan(marts: Marts, plan_id: str) -> Plan:
    """The plan of that id; an error naming the plans there are when there is none."""
    known = plans(marts)
    for plan in known:
        if plan.plan_id == plan_id:
            return plan
    ids = ", ".join(p.plan_id for p in known) or "none"
    raise ValueError(f"没有规划 {plan_id} · no plan {plan_id} in dim_plan (plans: {ids})")


def years_with_data(marts: Marts, plan: Plan) -> list[int]:
    """Years of the plan (baseline excluded) in which some indicator of its region has a value."""
    if not marts.has("fct_indicator_progress"):
        return []
    rows = marts.frame(
        "select distinct year from fct_indicator_progress where plan_id = ? and region_code = ? "
        "and actual_value is not null and year between ? and ? order by year",
        [plan.plan_id, plan.region_code, plan.start_year, plan.end_year],
    )
    return [int(y) for y in rows["year"]]
