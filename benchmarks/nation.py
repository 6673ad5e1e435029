"""A SYNTHETIC nation (合成数据) for the scale benchmark: counties, their plans and drop folders.

N county regions under prefectures and provinces with codes 85xxxx–98xxxx: GB/T 2260 uses
11–82 for provinces, so these cannot be real divisions (and stay clear of the 99xxxx of the
test fixtures). Every county gets a copy of the bundled plan (220581-14): the same
indicators, project boxes, projects and sectors, with levels and targets scaled by a factor
drawn from the seed. Reference rows are written as CSV files with a # SYNTHETIC title line
and appended to a copy of the dbt project; submissions go to raw/<region_code>/<department>/
as CSV files whose first line says SYNTHETIC. The same seed gives the same bytes.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
import shutil
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from orchestration.settings import DBT_PROJECT_DIR
from samples.period import BASELINE, END, PLAN, REGION, START
from samples.projects import HEADER as PROJECT_HEADER
from samples.schedule import plan_project, progress_rows
from samples.seeds import seed_rows
from samples.values import indicator_value, sector_output
from samples.workbooks import write_csv

LABEL = "合成数据 SYNTHETIC — scale benchmark, synthetic nation; codes 85xxxx–98xxxx are not real"
FIRST_PROVINCE = 85
LAST_PROVINCE = 98
PREFECTURES_PER_PROVINCE = 20
COUNTIES_PER_PREFECTURE = 10
INDICATOR_HEADER = ["指标代码", "行政区划代码", "年份", "数值", "备注"]
SECTOR_HEADER = ["产业", "年份", "产值（亿元）", "规上企业数（户）", "备注"]
REVISED_SHARE = 0.05
REJECTED_SHARE = 0.02
GENERATED = ("target", "logs", "dbt_packages", ".user.yml")
SOURCE_PLAN: str = PLAN["plan_id"]
#: the month held back from the first load: the incremental refresh adds it for every region
NEW_MONTH = dt.date(END, 12, 1)


@dataclass(frozen=True)
class Region:
    """One synthetic region: code, names, level and parent."""

    code: str
    name_zh: str
    name_en: str
    level: str
    division_type: str
    parent_code: str


@dataclass(frozen=True)
class Nation:
    """What was generated: the dbt project copy, the drop folder, and what is in them."""

    project: Path
    raw: Path
    regions: list[Region]
    files: dict[str, int]
    rows: dict[str, int]


def hierarchy(counties: int) -> list[Region]:
    """Provinces, prefectures and `counties` counties; parents listed before their children."""
    capacity = (LAST_PROVINCE - FIRST_PROVINCE + 1) * PREFECTURES_PER_PROVINCE
    capacity *= COUNTIES_PER_PREFECTURE
    if not 1 <= counties <= capacity:
        raise ValueError(f"县的数量须在 1 到 {capacity} 之间 — regions must be 1..{capacity}")
    regions: dict[str, Region] = {}
    per_province = PREFECTURES_PER_PROVINCE * COUNTIES_PER_PREFECTURE
    for number in range(counties):
        province = FIRST_PROVINCE + number // per_province
        prefecture = number % per_province // COUNTIES_PER_PREFECTURE + 1
        county = number % COUNTIES_PER_PREFECTURE + 1
        p_code, f_code = f"{province}0000", f"{province}{prefecture:02d}00"
        c_code = f"{province}{prefecture:02d}{county:02d}"
        p_name = f"合成{province}省"
        f_name = f"{p_name}{prefecture}市"
        regions.setdefault(
            p_code,
            Region(p_code, p_name, f"SYNTHETIC Province {province}", "province", "province", ""),
        )
        regions.setdefault(
            f_code,
            Region(
                f_code,
                f_name,
                f"SYNTHETIC Prefecture {province}-{prefecture}",
                "prefecture",
                "prefecture_level_city",
                p_code,
            ),
        )
        regions[c_code] = Region(
            c_code,
            f"{f_name}{county}县",
            f"SYNTHETIC County {province}-{prefecture}-{county}",
            "county",
            "county",
            f_code,
        )
    return list(regions.values())


def plan_id(region: Region) -> str:
    """The county's copy of the bundled plan: same plan number, its own region code."""
    return f"{region.code}-{PLAN['plan_no']}"


def _scale(text: str, factor: float) -> str:
    """A numeric seed cell scaled by `factor` (blank and non-numeric cells unchanged)."""
    try:
        value = float(text)
    except ValueError:
        return text
    return f"{value * factor:.4g}" if text else text


def _factor(seed: int, region: Region) -> float:
    return random.Random(f"{seed}:{region.code}:size").uniform(0.4, 1.8)


def reference_rows(
    regions: list[Region], seed: int, seeds_dir: Path
) -> dict[str, tuple[list[str], list[dict[str, str]]]]:
    """Seed path → (header, rows to append): the regions, and per county its plan's rows.

    Levels (the catalogue's additive indicators, sector outputs) are scaled by the county's
    factor, baseline and target alike, so every published change and path type still holds.
    """
    additive = {
        r["indicator_code"]
        for r in seed_rows(seeds_dir, "plan/indicator_catalogue.csv")
        if r["aggregation"] == "sum"
    }
    out: dict[str, tuple[list[str], list[dict[str, str]]]] = {}
    region_rows = [
        {
            "region_code": r.code,
            "name_zh": r.name_zh,
            "name_en": r.name_en,
            "level": r.level,
            "division_type": r.division_type,
            "parent_code": r.parent_code,
            "is_default": "false",
            "is_synthetic": "true",
            "note": "SYNTHETIC region of the scale benchmark.",
        }
        for r in regions
    ]
    out["plan/regions.csv"] = (list(region_rows[0]), region_rows)
    counties = [r for r in regions if r.level == "county"]
    for path in sorted((seeds_dir / "plan").glob("*.csv")):
        name = f"plan/{path.name}"
        header = next(csv.reader(path.open(encoding="utf-8")))
        source = seed_rows(seeds_dir, name)
        if "plan_id" in header:
            mine = [r for r in source if r["plan_id"] == SOURCE_PLAN]
        elif name == "plan/departments.csv":
            mine = [r for r in source if r["region_code"] == REGION]
        else:
            continue
        rows = []
        for county in counties:
            factor = _factor(seed, county)
            for row in mine:
                copy = {**row, "plan_id": plan_id(county)} if "plan_id" in row else dict(row)
                copy = _localised(name, copy, county, factor, additive)
                rows.append(copy)
        if rows:
            out[name] = (header, rows)
    return out


def _localised(
    name: str, row: dict[str, str], county: Region, factor: float, additive: set[str]
) -> dict[str, str]:
    """One seed row of the bundled plan rewritten for a synthetic county."""
    if name == "plan/plans.csv":
        return {
            **row,
            "region_code": county.code,
            "name_zh": f"{county.name_zh}第十四个五年规划（合成）",
            "name_en": f"SYNTHETIC {county.name_en} 14th Five-Year Plan",
            "short_name_zh": "十四五规划（合成）",
            "short_name_en": "14th Five-Year Plan (SYNTHETIC)",
            "source_path": "",
            "is_synthetic": "true",
            "note": "SYNTHETIC county plan of the scale benchmark: the structure of "
            f"{row['plan_id']}.",
        }
    if name == "plan/departments.csv":
        return {
            **row,
            "region_code": county.code,
            "name_zh": row["name_zh"].replace("梅河口市", county.name_zh),
            "name_en": f"SYNTHETIC {county.name_en} {row['department_code']}",
            "note": "SYNTHETIC.",
        }
    if name == "plan/indicators.csv" and row["indicator_code"] in additive:
        scaled = {k: _scale(row[k], factor) for k in ("baseline_value", "target_value")}
        if row["target_text"] == row["target_value"]:
            scaled["target_text"] = scaled["target_value"]
        return {**row, **scaled, "note": "SYNTHETIC: the bundled plan's level, scaled."}
    if name == "plan/sector_targets.csv" and row["metric"] == "output_value":
        return {**row, "target_value": _scale(row["target_value"], factor)}
    return row


def write_reference(
    rows: dict[str, tuple[list[str], list[dict[str, str]]]], folder: Path
) -> list[Path]:
    """The reference rows as CSV files, each with a # SYNTHETIC title line."""
    written = []
    for name, (header, data) in rows.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        buffer = io.StringIO()
        buffer.write(f"# {LABEL}\n")
        writer = csv.DictWriter(buffer, header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(data)
        path.write_text(buffer.getvalue(), encoding="utf-8")
        written.append(path)
    return written


def project_copy(reference: Path, destination: Path, project_dir: Path = DBT_PROJECT_DIR) -> Path:
    """Copy the dbt project to `destination` with the reference rows appended to its seeds."""
    shutil.copytree(project_dir, destination, ignore=shutil.ignore_patterns(*GENERATED))
    for fixture in sorted(reference.rglob("*.csv")):
        seed = destination / "seeds" / fixture.relative_to(reference)
        lines = fixture.read_text(encoding="utf-8").splitlines(keepends=True)
        body = [line for line in lines if not line.startswith("#")]
        with seed.open(encoding="utf-8", newline="") as handle:
            seed_header = next(csv.reader(handle))
        if next(csv.reader(io.StringIO(body[0]))) != seed_header:
            raise ValueError(f"{fixture}: header differs from {seed}")
        existing = seed.read_text(encoding="utf-8")
        separator = "" if existing.endswith("\n") else "\n"
        seed.write_text(existing + separator + "".join(body[1:]), encoding="utf-8")
    return destination


class _Drop:
    """Writes submissions and counts them; picks revisions and rejected files from `rng`."""

    def __init__(self, raw: Path, rng: random.Random) -> None:
        self.raw, self.rng = raw, rng
        self.files: dict[str, int] = defaultdict(int)
        self.rows: dict[str, int] = defaultdict(int)

    def put(self, kind: str, relative: str, header: list[str], rows: list[list[Any]]) -> None:
        write_csv(self.raw / relative, header, rows, comment=LABEL)
        self.files[kind] += 1
        self.rows[kind] += len(rows)

    def submit(self, dataset: str, relative: str, header: list[str], rows: list[list[Any]]) -> None:
        """The file; sometimes first a broken copy (rejected), sometimes a later revision."""
        if self.rng.random() < REJECTED_SHARE:
            broken = _broken(dataset, rows)
            if broken is not None:
                self.put(
                    f"{dataset}:rejected", relative.replace(".csv", "_有误.csv"), header, broken
                )
        self.put(dataset, relative, header, rows)
        if self.rng.random() < REVISED_SHARE:
            self.put(f"{dataset}:revision", relative.replace(".csv", "_更正.csv"), header,
                     _revised(dataset, rows))  # fmt: skip


def _broken(dataset: str, rows: list[list[Any]]) -> list[list[Any]] | None:
    """A copy the intake rules reject: period above cumulative, or a year outside any plan."""
    copy = [list(r) for r in rows]
    if dataset == "project_progress":
        bad = next((r for r in copy if r[6] and r[5] and r[6] > r[5] > 0), None)
        if bad is None:
            return None
        bad[5], bad[6] = bad[6], bad[5]
        return copy
    if dataset == "indicator_values":
        copy[0][2] = BASELINE - 30
        return copy
    return None


def _revised(dataset: str, rows: list[list[Any]]) -> list[list[Any]]:
    """The same keys resent with corrected figures (total investment, value, output)."""
    column = {"project_progress": 4, "indicator_values": 3, "sector_output": 2}[dataset]
    copy = [list(r) for r in rows]
    for row in copy:
        if isinstance(row[column], float | int):
            row[column] = round(row[column] * 1.02, 2)
    return copy


def _project_rows(county: Region, seed: int, seeds_dir: Path) -> dict[str, list[list[Any]]]:
    """Per owning department, monthly progress rows of every project of the plan."""
    rng = random.Random(f"{seed}:{county.code}:projects")
    owner = {
        r["box_no"]: r["department_code"] for r in seed_rows(seeds_dir, "plan/project_boxes.csv")
    }
    found: dict[str, list[list[Any]]] = defaultdict(list)
    for project in seed_rows(seeds_dir, "plan/projects.csv"):
        plan = plan_project(project["project_code"], rng, quarterly=False)
        for row in progress_rows(plan):
            start, completion = row["start"], row["completion"]
            found[owner[project["box_no"]]].append(
                [
                    project["project_code"],
                    project["name_zh"],
                    row["month"],
                    {"planning": "前期", "under_construction": "在建", "completed": "已竣工",
                     "suspended": "停工缓建"}[str(row["status"])],
                    row["total"],
                    row["period"],
                    row["cumulative"],
                    f"{start:%Y-%m-%d}" if start else None,
                    f"{completion:%Y-%m-%d}" if completion else None,
                    None,
                ]
            )  # fmt: skip
    return found


def _as_text(rows: list[list[Any]]) -> list[list[Any]]:
    return [[*r[:2], f"{r[2]:%Y-%m}", *r[3:]] for r in rows]


def month_files(county: Region, seed: int, seeds_dir: Path, month: dt.date) -> dict[str, list]:
    """Relative path → rows: each department's progress file for one month of a county."""
    out = {}
    for department, rows in sorted(_project_rows(county, seed, seeds_dir).items()):
        mine = [r for r in rows if r[2] == month]
        if mine:
            out[f"{county.code}/{department}/重大项目进展_{month:%Y-%m}.csv"] = _as_text(mine)
    return out


def _county_files(drop: _Drop, county: Region, seed: int, seeds_dir: Path, factor: float) -> None:
    for department, rows in sorted(_project_rows(county, seed, seeds_dir).items()):
        for year in range(BASELINE, END + 1):
            mine = [r for r in rows if r[2].year == year and r[2] < NEW_MONTH]
            if mine:
                relative = f"{county.code}/{department}/重大项目进展_{year}.csv"
                drop.submit("project_progress", relative, PROJECT_HEADER, _as_text(mine))
    rng = random.Random(f"{seed}:{county.code}:values")
    owners: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in seed_rows(seeds_dir, "plan/indicators.csv"):
        if row["plan_id"] == SOURCE_PLAN:
            owners[row["department_code"]].append(row)
    for department, indicators in sorted(owners.items()):
        for year in range(START, END + 1):
            values = []
            for row in indicators:
                try:
                    baseline = float(row["baseline_value"] or "nan")
                    target = float(row["target_value"] or "nan")
                except ValueError:
                    continue
                if baseline != baseline or target != target:
                    continue
                value = indicator_value(row["indicator_code"], baseline, target, year, rng)
                values.append([row["indicator_code"], county.code, year,
                               round(value * factor, 2), None])  # fmt: skip
            if values:
                relative = f"{county.code}/{department}/指标_{year}.csv"
                drop.submit("indicator_values", relative, INDICATOR_HEADER, values)
    sectors: dict[str, list[str]] = defaultdict(list)
    for row in seed_rows(seeds_dir, "plan/sectors.csv"):
        sectors[row["department_code"]].append(row["sector_code"])
    for department, codes in sorted(sectors.items()):
        for year in range(BASELINE, END + 1):
            rows = []
            for code in codes:
                output, firms = sector_output(code, year, rng)
                rows.append([code, year, round(output * factor, 2), firms, None])
            relative = f"{county.code}/{department}/产业产值_{year}.csv"
            drop.submit("sector_output", relative, SECTOR_HEADER, rows)


def generate(root: Path, counties: int, seed: int, seeds_dir: Path | None = None) -> Nation:
    """Write the nation under `root`: reference/, dbt_project/ (the copy), raw/, nation.json."""
    seeds_dir = seeds_dir or DBT_PROJECT_DIR / "seeds"
    regions = hierarchy(counties)
    rows = reference_rows(regions, seed, seeds_dir)
    write_reference(rows, root / "reference")
    project = project_copy(root / "reference", root / "dbt_project", seeds_dir.parent)
    drop = _Drop(root / "raw", random.Random(f"{seed}:drop"))
    for county in (r for r in regions if r.level == "county"):
        _county_files(drop, county, seed, seeds_dir, _factor(seed, county))
    nation = Nation(project, root / "raw", regions, dict(drop.files), dict(drop.rows))
    manifest = {
        "label": LABEL,
        "seed": seed,
        "counties": counties,
        "regions": len(regions),
        "new_month": f"{NEW_MONTH:%Y-%m}",
        "files": nation.files,
        "rows": nation.rows,
    }
    (root / "nation.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2), "utf-8")
    return nation


def add_month(nation: Nation, seed: int, seeds_dir: Path | None = None) -> tuple[int, int]:
    """Drop the held-back month's progress file of every department of every county."""
    seeds_dir = seeds_dir or DBT_PROJECT_DIR / "seeds"
    files = rows = 0
    for county in (r for r in nation.regions if r.level == "county"):
        for relative, data in month_files(county, seed, seeds_dir, NEW_MONTH).items():
            write_csv(nation.raw / relative, PROJECT_HEADER, data, comment=LABEL)
            files, rows = files + 1, rows + len(data)
    return files, rows
