"""The planned path of an indicator over the plan period, drawn behind its actual values.

The formulas are those of docs/methodology.md (and of the progress mart's expected_value):
compound B·(T/B)^((y−2020)/5) for levels, linear B+(T−B)·(y−2020)/5 otherwise, flat for a
floor or ceiling without a baseline, the target rate every year for annual-rate targets.
"""

from __future__ import annotations

from orchestration.settings import BASELINE_YEAR, PLAN_END_YEAR, PLAN_START_YEAR
from reports.html import is_missing

Point = tuple[int, float]


def planned_path(
    baseline: object, target: object, path_type: object, target_rate: object = None
) -> list[Point]:
    """Expected values for each year from the baseline year to the plan's end year."""
    span = PLAN_END_YEAR - BASELINE_YEAR
    if path_type == "annual_rate":
        if is_missing(target_rate):
            return []
        return [(y, float(target_rate)) for y in range(PLAN_START_YEAR, PLAN_END_YEAR + 1)]
    if is_missing(target):
        return []
    t = float(target)
    if is_missing(baseline):
        if path_type in ("floor", "ceiling"):
            return [(y, t) for y in range(PLAN_START_YEAR, PLAN_END_YEAR + 1)]
        return []
    b = float(baseline)
    years = range(BASELINE_YEAR, PLAN_END_YEAR + 1)
    if path_type == "compound" and b > 0 and t > 0:
        return [(y, b * (t / b) ** ((y - BASELINE_YEAR) / span)) for y in years]
    return [(y, b + (t - b) * (y - BASELINE_YEAR) / span) for y in years]
