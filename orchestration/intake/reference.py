"""Codes and names from the dbt seeds that submissions are resolved against: the catalogue,
the regions (a hierarchy) with their departments, and each plan with its own indicators,
projects, sectors and commitments."""

from __future__ import annotations

import csv
import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from orchestration.settings import dbt_project_dir


def name_key(name: str) -> str:
    """Normalise a name for lookup: half-width, lower case, no spaces, quotes or trailing unit."""
    value = unicodedata.normalize("NFKC", name).lower()
    value = re.sub(r"\([^()]*\)\s*$", "", value.strip())
    return re.sub(r"[\s\"'“”‘’《》]", "", value)


@dataclass(frozen=True)
class Indicator:
    """An indicator: its code, names, catalogue unit, owner and, in a plan, its baseline and
    target (None in the catalogue, or when the plan sets none)."""

    code: str
    name_zh: str
    unit: str
    baseline: Decimal | None
    target: Decimal | None
    department_code: str | None
    name_en: str = ""


@dataclass(frozen=True)
class Region:
    """A region of the hierarchy (province → prefecture → county)."""

    code: str
    name_zh: str
    name_en: str
    level: str
    parent_code: str | None
    is_default: bool


@dataclass(frozen=True)
class Plan:
    """One plan of a region: its years and everything it monitors, keyed by code."""

    plan_id: str
    region_code: str
    name_zh: str
    start_year: int
    end_year: int
    baseline_year: int
    indicators: dict[str, Indicator] = field(default_factory=dict)
    projects: dict[str, str] = field(default_factory=dict)
    project_departments: dict[str, str] = field(default_factory=dict)
    sectors: dict[str, str] = field(default_factory=dict)
    commitments: dict[str, Indicator] = field(default_factory=dict)

    def covers(self, year: int) -> bool:
        return self.start_year <= year <= self.end_year

    @property
    def described(self) -> str:
        """The plan as a reason names it: 220581-14（2021–2025，基期 2020）."""
        return f"{self.plan_id}（{self.start_year}–{self.end_year}，基期 {self.baseline_year}）"

    @property
    def described_en(self) -> str:
        return f"{self.plan_id} ({self.start_year}–{self.end_year}, baseline {self.baseline_year})"


@dataclass
class Reference:
    """All reference data intake needs, with name indexes for resolving submitted spellings.

    indicators is the catalogue (every plan's indicators and commitments resolve through it);
    projects and sectors hold every plan's codes; departments are per region."""

    indicators: dict[str, Indicator]
    regions: dict[str, Region]
    departments: dict[str, set[str]]
    plans: dict[str, Plan]
    projects: dict[str, str]
    sectors: dict[str, str]
    statuses: dict[str, str]
    commitments: dict[str, Indicator] = field(default_factory=dict)
    names: dict[str, dict[str, set[str]]] = field(default_factory=dict)
    department_names: dict[tuple[str, str], str] = field(default_factory=dict)

    @property
    def default_region(self) -> str:
        """The region of the single-region layout raw/<department>/ (is_default in regions)."""
        return next(r.code for r in self.regions.values() if r.is_default)

    def plans_of(self, region: str) -> list[Plan]:
        """The region's plans, oldest first."""
        return sorted(
            (p for p in self.plans.values() if p.region_code == region),
            key=lambda p: p.start_year,
        )

    def plan_for(self, region: str, year: int) -> Plan | None:
        """The plan a region's year belongs to: the one covering it, else the one whose
        baseline year it is."""
        plans = self.plans_of(region)
        covering = next((p for p in plans if p.covers(year)), None)
        return covering or next((p for p in plans if p.baseline_year == year), None)

    def year_bounds(self, regions: set[str]) -> tuple[int, int]:
        """Earliest baseline year and latest end year of these regions' plans (of every plan
        when none of them has one)."""
        plans = [p for r in regions for p in self.plans_of(r)] or list(self.plans.values())
        return min(p.baseline_year for p in plans), max(p.end_year for p in plans)

    def known(self, kind: str) -> set[str]:
        """The codes a dataset's suite accepts: indicators (the catalogue and every plan's
        commitment codes), projects, sectors or regions, of any plan."""
        if kind == "indicators":
            return set(self.indicators) | set(self.commitments)
        return set(getattr(self, kind))

    def department_name(self, region: str, department: str) -> str | None:
        return self.department_names.get((region, department))

    def resolve(self, kind: str, spelling: str) -> set[str]:
        """Codes whose code or any name matches the spelling (empty if none, >1 if ambiguous)."""
        key = name_key(spelling)
        return self.names.get(kind, {}).get(key, set())

    def suggest(self, kind: str, spelling: str) -> list[str]:
        """Up to three close spellings for an unknown name, to help the clerk."""
        index = self.names.get(kind, {})
        close = difflib.get_close_matches(name_key(spelling), list(index), n=3, cutoff=0.6)
        return [sorted(index[c])[0] for c in close]


def _rows(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


def _decimal(value: str | None) -> Decimal | None:
    return Decimal(value) if value and value.strip() else None


def _index(rows: list[dict[str, str]], code: str, *names: str) -> dict[str, set[str]]:
    index: dict[str, set[str]] = {}
    for row in rows:
        for column in (code, *names):
            if row.get(column, "").strip():
                index.setdefault(name_key(row[column]), set()).add(row[code])
    return index


def _by_plan(rows: list[dict[str, str]]) -> dict[str, list[dict[str, str]]]:
    found: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        found.setdefault(row["plan_id"], []).append(row)
    return found


def _indicator(row: dict[str, str], unit: str | None = None) -> Indicator:
    return Indicator(
        row["indicator_code"],
        row["name_zh"],
        unit or row["unit"],
        _decimal(row.get("baseline_value")),
        _decimal(row.get("target_value")) if row.get("target_kind") != "qualitative" else None,
        row.get("department_code") or None,
        row.get("name_en", ""),
    )


def _commitment(row: dict[str, str]) -> Indicator:
    return Indicator(
        row["commitment_code"],
        row.get("subject_zh") or row["quote"],
        row.get("unit") or "",
        _decimal(row.get("baseline_value")),
        _decimal(row.get("target_value")),
        row.get("department_code") or None,
        row.get("subject_en", ""),
    )


def _plans(plan: Path) -> dict[str, Plan]:
    """Every plan with its indicators, projects (and their boxes' owners), sectors and
    commitments."""
    indicators = _by_plan(_rows(plan / "indicators.csv"))
    projects = _by_plan(_rows(plan / "projects.csv"))
    sectors = _by_plan(_rows(plan / "sectors.csv"))
    commitments = _by_plan(_rows(plan / "plan_commitments.csv"))
    boxes = _rows(plan / "project_boxes.csv")
    owners = {(r["plan_id"], r["box_no"]): r["department_code"] for r in boxes}
    found = {}
    for row in _rows(plan / "plans.csv"):
        plan_id = row["plan_id"]
        found[plan_id] = Plan(
            plan_id,
            row["region_code"],
            row["name_zh"],
            int(row["start_year"]),
            int(row["end_year"]),
            int(row["baseline_year"]),
            {r["indicator_code"]: _indicator(r) for r in indicators.get(plan_id, [])},
            {r["project_code"]: r["name_zh"] for r in projects.get(plan_id, [])},
            {
                r["project_code"]: owners[(plan_id, r["box_no"])]
                for r in projects.get(plan_id, [])
                if (plan_id, r["box_no"]) in owners
            },
            {r["sector_code"]: r["name_zh"] for r in sectors.get(plan_id, [])},
            {r["commitment_code"]: _commitment(r) for r in commitments.get(plan_id, [])},
        )
    return found


def load_reference(seeds_dir: Path | None = None) -> Reference:
    """Read the plan and reference seeds under seeds_dir (plan/*.csv, reference/*.csv); by
    default those of the dbt project dbt runs (PLANWATCH_DBT_PROJECT or dbt_project/)."""
    seeds = seeds_dir or dbt_project_dir() / "seeds"
    plan = seeds / "plan"
    catalogue_rows = _rows(plan / "indicator_catalogue.csv")
    indicator_rows = _rows(plan / "indicators.csv")
    project_rows = _rows(plan / "projects.csv")
    sector_rows = _rows(plan / "sectors.csv")
    commitment_rows = _rows(plan / "plan_commitments.csv")
    status_rows = _rows(seeds / "reference" / "project_statuses.csv")
    department_rows = _rows(plan / "departments.csv")
    plans = _plans(plan)
    owners = {r["indicator_code"]: r.get("department_code") or None for r in indicator_rows}
    departments: dict[str, set[str]] = {}
    for row in department_rows:
        departments.setdefault(row["region_code"], set()).add(row["department_code"])
    ref = Reference(
        indicators={
            r["indicator_code"]: Indicator(
                r["indicator_code"],
                r["name_zh"],
                r["unit"],
                None,
                None,
                owners.get(r["indicator_code"]),
                r.get("name_en", ""),
            )
            for r in catalogue_rows
        },
        regions={
            r["region_code"]: Region(
                r["region_code"],
                r["name_zh"],
                r.get("name_en", ""),
                r.get("level", ""),
                r.get("parent_code") or None,
                r.get("is_default", "").strip().lower() == "true",
            )
            for r in _rows(plan / "regions.csv")
        },
        departments=departments,
        plans=plans,
        projects={r["project_code"]: r["name_zh"] for r in project_rows},
        sectors={r["sector_code"]: r["name_zh"] for r in sector_rows},
        statuses={r["status_code"]: r["name_zh"] for r in status_rows},
        commitments={r["commitment_code"]: _commitment(r) for r in commitment_rows},
        department_names={
            (r["region_code"], r["department_code"]): r["name_zh"] for r in department_rows
        },
    )
    ref.names = {
        "indicator": _index(
            catalogue_rows + indicator_rows,
            "indicator_code",
            "name_zh",
            "name_zh_published",
            "name_en",
        ),
        "project": _index(project_rows, "project_code", "name_zh", "name_en"),
        "sector": _index(sector_rows, "sector_code", "name_zh", "name_en"),
        "status": _index(status_rows, "status_code", "name_zh", "name_en"),
    }
    for code in ref.commitments:
        ref.names["indicator"].setdefault(name_key(code), set()).add(code)
    for row in status_rows:
        for spelling in filter(None, (s.strip() for s in row.get("aliases", "").split("|"))):
            ref.names["status"].setdefault(name_key(spelling), set()).add(row["status_code"])
    return ref
