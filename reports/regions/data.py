"""The frames of a region view, selected from the published marts."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from reports.data import Marts

NEEDED = ["dim_region", "rpt_plan_scorecard_as_of", "fct_indicator_rollup", "dim_progress_status"]
DESCENDANTS_SQL = """
with recursive tree as (
    select region_code, parent_region_code, 1 as generation
    from dim_region
    where parent_region_code = ?
    union all
    select child.region_code, child.parent_region_code, tree.generation + 1
    from dim_region as child
    inner join tree on child.parent_region_code = tree.region_code
)

select region.region_code, region.name_zh, region.name_en, region.region_level
from tree
inner join dim_region as region using (region_code)
order by region.region_code
"""
PARENTS_SQL = """
select distinct region.region_code, region.name_zh, region.name_en, region.region_level
from fct_indicator_rollup as rollup
inner join dim_region as region using (region_code)
where rollup.child_regions_reporting > 0
order by region.region_code
"""


@dataclass
class RegionView:
    """One parent region as of one year: its regions' scorecards and its roll-ups."""

    region: dict[str, str]
    year: int
    regions: pd.DataFrame
    scorecards: pd.DataFrame
    rollups: pd.DataFrame


def parents(marts: Marts) -> list[dict[str, str]]:
    """Regions with a roll-up built from at least one child region's data."""
    if not marts.has(*NEEDED):
        return []
    return marts.frame(PARENTS_SQL).to_dict("records")


def latest_year(marts: Marts, region_code: str) -> int | None:
    """The latest year in which some region under `region_code` has a scorecard with data."""
    codes = list(marts.frame(DESCENDANTS_SQL, [region_code])["region_code"])
    if not codes:
        return None
    found = marts.frame(
        "select max(as_of_year) as year from rpt_plan_scorecard_as_of "
        "where region_code in (select unnest(?)) and latest_value is not null",
        [codes],
    )
    year = found["year"].iloc[0]
    return None if pd.isna(year) else int(year)


def load(marts: Marts, region: dict[str, str], year: int) -> RegionView:
    """The region's descendant regions, their scorecards as of `year`, and its roll-ups."""
    regions = marts.frame(DESCENDANTS_SQL, [region["region_code"]])
    codes = list(regions["region_code"])
    scorecards = marts.frame(
        "select * from rpt_plan_scorecard_as_of where region_code in (select unnest(?)) "
        "and as_of_year = ? order by indicator_code, region_code",
        [codes, year],
    )
    rollups = marts.frame(
        "select * from fct_indicator_rollup where region_code = ? and year = ? "
        "order by indicator_code",
        [region["region_code"], year],
    )
    return RegionView(
        region,
        year,
        regions[regions["region_code"].isin(scorecards["region_code"])],
        scorecards,
        rollups,
    )
