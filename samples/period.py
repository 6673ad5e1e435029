"""The years the bundled samples cover: those of the default region's first plan, read from
the seeds, so that no plan year is written into the sample code."""

from __future__ import annotations

from pathlib import Path

from orchestration.settings import SEEDS_DIR
from samples.seeds import seed_rows


def first_plan(seeds_dir: Path = SEEDS_DIR) -> dict[str, str]:
    """The default region's first plan (plans.csv row)."""
    regions = seed_rows(seeds_dir, "plan/regions.csv")
    region = next(r["region_code"] for r in regions if r["is_default"] == "true")
    plans = [p for p in seed_rows(seeds_dir, "plan/plans.csv") if p["region_code"] == region]
    return min(plans, key=lambda p: int(p["start_year"]))


PLAN = first_plan()
REGION: str = PLAN["region_code"]
BASELINE: int = int(PLAN["baseline_year"])
START: int = int(PLAN["start_year"])
END: int = int(PLAN["end_year"])
