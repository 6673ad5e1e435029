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


def latest_view(marts: Marts, region: dict[str, str]) -> RegionView | None:
    """The region as of the latest year in which a region under it has a value, or None when
    fewer than two regions under it have a plan with data (nothing to set side by side)."""
    regions = marts.frame(DESCENDANTS_SQL, [region["region_code"]])
    codes = list(regions["region_code"])
    found = marts.frame(
        "select max(latest_year) as year, count(distinct region_code) as regions "
        "from rpt_plan_scorecard_as_of "
        "where region_code in (select unnest(?)) and latest_value is not null",
        [codes],
    )
    year, with_data = found["year"].iloc[0], int(found["regions"].iloc[0])
    if pd.isna(year) or with_data < 2:
        return None
    return load(marts, region, regions, int(year))


def load(marts: Marts, region: dict[str, str], regions: pd.DataFrame, year: int) -> RegionView:
    """The region's descendant `regions`, their scorecards as of `year`, and its roll-ups."""
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
