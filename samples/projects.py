"""Synthetic major-project progress submissions, one file per department and year or period."""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from pathlib import Path
from typing import Any

from samples.period import BASELINE
from samples.schedule import plan_project, progress_rows
from samples.seeds import seed_rows
from samples.workbooks import SYNTHETIC, SheetSpec, write_csv, write_xlsx

HEADER = [
    "项目编号",
    "项目名称",
    "报告期",
    "项目状态",
    "总投资（万元）",
    "本期完成投资（万元）",
    "累计完成投资（万元）",
    "开工日期",
    "竣工日期",
    "备注",
]
MONTHLY_BOXES = {"5", "12", "17", "18", "19"}
QUARTERLY_BOXES = {"4", "8", "9", "10", "15", "16"}
SPELLINGS = {
    "planning": ["前期", "前期谋划"],
    "under_construction": ["在建", "在建", "续建"],
    "completed": ["已竣工", "竣工"],
    "suspended": ["停工缓建", "缓建"],
}
QUARTER_ZH = {3: "一", 6: "二", 9: "三", 12: "四"}


def _period(month: dt.date, quarterly: bool, as_text: bool) -> object:
    """A reporting period as written: 2023-05 or an Excel date; 2023Q2 or 2023年二季度."""
    if not quarterly:
        return f"{month:%Y-%m}" if as_text else month
    if as_text:
        return f"{month.year}年{QUARTER_ZH[month.month]}季度"
    return f"{month.year}Q{month.month // 3}"


def project_rows(seeds_dir: Path, rng: random.Random) -> dict[str, tuple[bool, list[list[Any]]]]:
    """Per owning department: whether it reports quarterly, and progress rows for a share of
    the projects of the reporting boxes."""
    boxes = seed_rows(seeds_dir, "plan/project_boxes.csv")
    owner = {r["box_no"]: r["department_code"] for r in boxes}
    projects = seed_rows(seeds_dir, "plan/projects.csv")
    found: dict[str, list[list[Any]]] = defaultdict(list)
    quarterly: dict[str, set[bool]] = defaultdict(set)
    for project in projects:
        box = project["box_no"]
        if box not in MONTHLY_BOXES | QUARTERLY_BOXES or rng.random() > 0.45:
            continue
        plan = plan_project(project["project_code"], rng, quarterly=box in QUARTERLY_BOXES)
        quarterly[owner[box]].add(plan.quarterly)
        for row in progress_rows(plan):
            spelled = rng.choice(SPELLINGS[str(row["status"])])
            note = "受疫情影响暂停施工" if row["status"] == "suspended" else None
            found[owner[box]].append(
                [
                    project["project_code"],
                    project["name_zh"],
                    row["month"],
                    spelled,
                    row["total"],
                    row["period"],
                    row["cumulative"],
                    row["start"],
                    row["completion"],
                    note,
                ]
            )
    return {
        department: (quarterly[department] == {True}, rows) for department, rows in found.items()
    }


def _csv_row(row: list[Any]) -> list[Any]:
    dates = [f"{d:%Y-%m-%d}" if d else None for d in row[7:9]]
    return [*row[:2], _period(row[2], True, True), *row[3:7], *dates, row[9]]


def write_project_files(
    raw: Path,
    seeds_dir: Path,
    names: dict[str, str],
    rng: random.Random,
    expect: dict[str, tuple[str, str | None]],
) -> None:
    """One multi-year CSV per quarterly reporter, yearly workbooks for monthly reporters."""
    for department, (quarterly, rows) in sorted(project_rows(seeds_dir, rng).items()):
        if quarterly:
            path = raw / department / f"重大项目进展_{BASELINE + 1}-{BASELINE + 5}.csv"
            write_csv(path, HEADER, [_csv_row(r) for r in rows])
            expect[f"{department}/{path.name}"] = ("accepted", None)
            continue
        for year in sorted({r[2].year for r in rows}):
            body = [
                [*r[:2], _period(r[2], False, False), *r[3:]] for r in rows if r[2].year == year
            ]
            titles = [SYNTHETIC, f"{names[department]} · {year}年重大项目进展（月报汇总）"]
            path = raw / department / f"重大项目进展_{year}.xlsx"
            spec = SheetSpec(
                "重大项目进展",
                HEADER,
                body,
                titles,
                widths=[11, 40, 10, 10] + [14] * 6,
                date_columns={2: "yyyy-mm", 7: "yyyy-mm-dd", 8: "yyyy-mm-dd"},
            )
            if department == "transport" and year == BASELINE + 3:
                _write_swapped(path, spec, expect)
                path = path.with_name(f"重大项目进展_{year}_更正.xlsx")
            write_xlsx(path, [spec])
            expect[f"{department}/{path.name}"] = ("accepted", None)


def _write_swapped(path: Path, spec: SheetSpec, expect: dict[str, tuple[str, str | None]]) -> None:
    """The bad file: period and cumulative investment swapped on one row."""
    rows = [list(r) for r in spec.rows]
    bad = next(i for i, r in enumerate(rows) if r[5] and r[6] and r[6] > r[5] > 0)
    rows[bad][5], rows[bad][6] = rows[bad][6], rows[bad][5]
    write_xlsx(path, [SheetSpec(**{**spec.__dict__, "rows": rows})])
    expect[f"{path.parent.name}/{path.name}"] = ("rejected", "cumulative_below_period")
