"""Codes and names from the dbt seeds that submissions are resolved against."""

from __future__ import annotations

import csv
import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from orchestration.settings import SEEDS_DIR


def name_key(name: str) -> str:
    """Normalise a name for lookup: half-width, lower case, no spaces, quotes or trailing unit."""
    value = unicodedata.normalize("NFKC", name).lower()
    value = re.sub(r"\([^()]*\)\s*$", "", value.strip())
    return re.sub(r"[\s\"'“”‘’《》]", "", value)


@dataclass(frozen=True)
class Indicator:
    """One catalogue indicator: its code, names, catalogue unit, baseline/target, owner."""

    code: str
    name_zh: str
    unit: str
    baseline: Decimal | None
    target: Decimal | None
    department_code: str | None
    name_en: str = ""


@dataclass
class Reference:
    """All reference data intake needs, with name indexes for resolving submitted spellings."""

    indicators: dict[str, Indicator]
    departments: set[str]
    regions: set[str]
    projects: dict[str, str]
    project_departments: dict[str, str]
    sectors: dict[str, str]
    statuses: dict[str, str]
    names: dict[str, dict[str, set[str]]] = field(default_factory=dict)

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
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _decimal(value: str) -> Decimal | None:
    return Decimal(value) if value.strip() else None


def _index(rows: list[dict[str, str]], code: str, *names: str) -> dict[str, set[str]]:
    index: dict[str, set[str]] = {}
    for row in rows:
        for column in (code, *names):
            if row.get(column, "").strip():
                index.setdefault(name_key(row[column]), set()).add(row[code])
    return index


def load_reference(seeds_dir: Path = SEEDS_DIR) -> Reference:
    """Read the plan and reference seeds under seeds_dir (plan/*.csv, reference/*.csv)."""
    plan = seeds_dir / "plan"
    indicator_rows = _rows(plan / "indicators.csv")
    project_rows = _rows(plan / "projects.csv")
    sector_rows = _rows(plan / "sectors.csv")
    status_rows = _rows(seeds_dir / "reference" / "project_statuses.csv")
    boxes = plan / "project_boxes.csv"
    box_owner = {r["box_no"]: r["department_code"] for r in _rows(boxes)} if boxes.exists() else {}
    ref = Reference(
        indicators={
            r["indicator_code"]: Indicator(
                r["indicator_code"],
                r["name_zh"],
                r["unit"],
                _decimal(r["baseline_value"]),
                _decimal(r["target_value"]),
                r.get("department_code") or None,
                r.get("name_en", ""),
            )
            for r in indicator_rows
        },
        departments={r["department_code"] for r in _rows(plan / "departments.csv")},
        regions={r["region_code"] for r in _rows(plan / "regions.csv")},
        projects={r["project_code"]: r["name_zh"] for r in project_rows},
        project_departments={
            r["project_code"]: box_owner[r["box_no"]]
            for r in project_rows
            if r["box_no"] in box_owner
        },
        sectors={r["sector_code"]: r["name_zh"] for r in sector_rows},
        statuses={r["status_code"]: r["name_zh"] for r in status_rows},
    )
    ref.names = {
        "indicator": _index(
            indicator_rows, "indicator_code", "name_zh", "name_zh_published", "name_en"
        ),
        "project": _index(project_rows, "project_code", "name_zh", "name_en"),
        "sector": _index(sector_rows, "sector_code", "name_zh", "name_en"),
        "status": _index(status_rows, "status_code", "name_zh", "name_en"),
    }
    for row in status_rows:
        for spelling in filter(None, (s.strip() for s in row.get("aliases", "").split("|"))):
            ref.names["status"].setdefault(name_key(spelling), set()).add(row["status_code"])
    return ref
