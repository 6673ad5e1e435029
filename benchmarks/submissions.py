"""SYNTHETIC project-progress submissions for the intake benchmark, as xlsx and csv files."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from orchestration.settings import SEEDS_DIR
from samples.period import BASELINE, END, START
from samples.projects import HEADER
from samples.seeds import seed_rows
from samples.workbooks import SYNTHETIC, SheetSpec, write_csv, write_xlsx

MONTHS = [dt.date(y, m, 1) for y in range(BASELINE, END + 1) for m in range(1, 13)]
STARTED = dt.date(BASELINE - 1, 6, 1)
TITLE = "基准测试数据（合成）/ SYNTHETIC BENCHMARK DATA"


@dataclass(frozen=True)
class Project:
    """A project of the plan's boxes and the department that reports on it."""

    code: str
    name_zh: str
    department: str


def plan_projects() -> list[Project]:
    """Every project named in the plan, with its box's department (real codes, seeds)."""
    owner = {
        r["box_no"]: r["department_code"] for r in seed_rows(SEEDS_DIR, "plan/project_boxes.csv")
    }
    rows = seed_rows(SEEDS_DIR, "plan/projects.csv")
    return [Project(r["project_code"], r["name_zh"], owner[r["box_no"]]) for r in rows]


def progress_rows(projects: list[Project], months: list[dt.date], variant: int = 0) -> list[list]:
    """One under-construction report per project and month; cumulative grows month by month."""
    rows = []
    for month in months:
        elapsed = (month.year - BASELINE) * 12 + month.month
        for index, project in enumerate(projects):
            total = 10_000.0 + 37 * index + variant
            period = round(total / 80, 1)
            cumulative = round(total * elapsed / 80, 1)
            row = [project.code, project.name_zh, month, "在建", total, period, cumulative]
            rows.append([*row, STARTED, None, "合成数据 synthetic"])
    return rows


def write(path: Path, rows: list[list]) -> None:
    """Write the rows as the monthly workbook (.xlsx) or the CSV export (.csv) departments send."""
    if path.suffix == ".csv":
        text = [[*r[:2], f"{r[2]:%Y-%m}", *r[3:7], r[7].isoformat(), None, r[9]] for r in rows]
        write_csv(path, HEADER, text, comment=f"{SYNTHETIC} {TITLE}")
        return
    dates = {2: "yyyy-mm", 7: "yyyy-mm-dd", 8: "yyyy-mm-dd"}
    spec = SheetSpec("重大项目进展", HEADER, rows, [SYNTHETIC, TITLE], date_columns=dates)
    write_xlsx(path, [spec])


def many_files(raw: Path, count: int) -> int:
    """`count` files, alternately xlsx and csv: a department's projects for one plan year.

    Files cycle through every department and plan year; later rounds resend them with other
    figures (revisions), so every file has bytes of its own. Returns the data rows written.
    """
    projects = plan_projects()
    departments = sorted({p.department for p in projects})
    rounds = [(d, y) for y in range(START, END + 1) for d in departments]
    written = 0
    for number in range(count):
        department, year = rounds[number % len(rounds)]
        own = [p for p in projects if p.department == department]
        rows = progress_rows(own, [m for m in MONTHS if m.year == year], number // len(rounds))
        suffix = "xlsx" if number % 2 == 0 else "csv"
        write(raw / department / f"重大项目进展_{year}_{number:04d}.{suffix}", rows)
        written += len(rows)
    return written


def large_file(raw: Path, count: int, department: str = "drc") -> Path:
    """One workbook of `count` rows: every project and month of 2020–2025 once, then repeats.

    Up to 19,368 rows (269 projects × 72 months) the file is valid; beyond, keys repeat and
    the file must be rejected (duplicate key, or too many rows past the row limit).
    """
    rows = progress_rows(plan_projects(), MONTHS)
    rows = (rows * (count // len(rows) + 1))[:count]
    path = raw / department / f"重大项目进展_{count}行.xlsx"
    write(path, rows)
    return path
