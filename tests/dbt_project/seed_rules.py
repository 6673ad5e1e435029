"""The rules every set of plan and region seeds keeps, as functions of a seeds folder.

The real seeds are checked against them in test_plan_seeds.py; a fixture that appends plans
and regions to a copy of the seeds (tests/fixtures/synthetic_plans) is checked the same way.
"""

from __future__ import annotations

import csv
import itertools
from pathlib import Path

PLAN_KEYED = [
    "indicators",
    "indicator_semantics",
    "plan_sections",
    "project_boxes",
    "projects",
    "sectors",
    "sector_targets",
    "plan_commitments",
    "target_amendments",
    "annual_targets",
]


def rows_of(seeds_dir: Path, name: str) -> list[dict[str, str]]:
    """Rows of one plan seed CSV under seeds_dir/plan/, as text."""
    with (seeds_dir / "plan" / f"{name}.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def plan_seed_problems(seeds_dir: Path) -> list[str]:
    """What breaks the rules every plan and region seed set keeps; empty when none."""
    plans = rows_of(seeds_dir, "plans")
    regions = {r["region_code"]: r for r in rows_of(seeds_dir, "regions")}
    catalogue = {r["indicator_code"]: r for r in rows_of(seeds_dir, "indicator_catalogue")}
    plan_ids = {p["plan_id"] for p in plans}
    problems = [
        f"plan {p['plan_id']}: region {p['region_code']} not in regions"
        for p in plans
        if p["region_code"] not in regions
    ]
    problems += _overlaps(plans)
    defaults = [code for code, r in regions.items() if r["is_default"] == "true"]
    if len(defaults) != 1:
        problems.append(f"default regions {defaults}: exactly one must be true")
    problems += [
        f"{r['plan_id']} {r['indicator_code']}: unit {r['unit']!r} != catalogue "
        f"{catalogue.get(r['indicator_code'], {}).get('unit')!r}"
        for r in rows_of(seeds_dir, "indicators")
        if catalogue.get(r["indicator_code"], {}).get("unit") != r["unit"]
    ]
    problems += [
        f"{name}: unknown plan {r['plan_id']}"
        for name in PLAN_KEYED
        for r in rows_of(seeds_dir, name)
        if r["plan_id"] not in plan_ids
    ]
    problems += _departments_of_the_plan_region(seeds_dir, plans)
    return problems


def _overlaps(plans: list[dict[str, str]]) -> list[str]:
    """Pairs of plans of one region whose years start_year..end_year share a year."""
    by_region: dict[str, list[tuple[int, int, str]]] = {}
    for p in plans:
        span = (int(p["start_year"]), int(p["end_year"]), p["plan_id"])
        by_region.setdefault(p["region_code"], []).append(span)
    problems = []
    for spans in by_region.values():
        ordered = sorted(spans)
        for (_, end, first), (start, _, second) in itertools.pairwise(ordered):
            if start <= end:
                problems.append(f"plans {first} and {second} of one region overlap")
    problems += [
        f"plan {p['plan_id']}: start_year after end_year or baseline_year not before start"
        for p in plans
        if not int(p["baseline_year"]) < int(p["start_year"]) <= int(p["end_year"])
    ]
    return problems


def _departments_of_the_plan_region(seeds_dir: Path, plans: list[dict[str, str]]) -> list[str]:
    region_of = {p["plan_id"]: p["region_code"] for p in plans}
    departments = {
        (r["region_code"], r["department_code"]) for r in rows_of(seeds_dir, "departments")
    }
    boxes = rows_of(seeds_dir, "project_boxes")
    return [
        f"{name} {r['plan_id']}: department {r['department_code']} is not of region "
        f"{region_of.get(r['plan_id'])}"
        for name, rows in (
            ("indicators", rows_of(seeds_dir, "indicators")),
            ("project_boxes", boxes),
            ("sectors", rows_of(seeds_dir, "sectors")),
            ("plan_commitments", rows_of(seeds_dir, "plan_commitments")),
        )
        for r in rows
        if (region_of.get(r["plan_id"]), r["department_code"]) not in departments
    ]
