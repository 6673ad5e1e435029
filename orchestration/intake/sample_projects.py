"""Synthetic major-project progress submissions, one file per department and year or period."""

from __future__ import annotations

import csv
import random
from collections import defaultdict
from pathlib import Path

from orchestration.intake.sample_schedule import plan_project, progress_rows
from orchestration.intake.workbooks import SYNTHETIC, SheetSpec, write_csv, write_xlsx

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


def _period(month: object, quarterly: bool, as_text: bool) -> object:
    if not quarterly:
        return f"{month:%Y-%m}" if as_text else month
    q = month.month // 3  # type: ignore[attr-defined]
    return f"{month.year}年{QUARTER_ZH[month.month]}季度" if as_text else f"{month.year}Q{q}"  # type: ignore[attr-defined]


def project_rows(seeds_dir: Path, rng: random.Random) -> dict[str, list[tuple[int, list[object]]]]:
    """(year, row) lists per department for a share of the projects of the reporting boxes."""
    with (seeds_dir / "plan" / "project_boxes.csv").open(encoding="utf-8") as handle:
        owner = {r["box_no"]: r["department_code"] for r in csv.DictReader(handle)}
    with (seeds_dir / "plan" / "projects.csv").open(encoding="utf-8") as handle:
        projects = list(csv.DictReader(handle))
    found: dict[str, list[tuple[int, list[object]]]] = defaultdict(list)
    for project in projects:
        box = project["box_no"]
        if box not in MONTHLY_BOXES | QUARTERLY_BOXES or rng.random() > 0.45:
            continue
        plan = plan_project(project["project_code"], rng, quarterly=box in QUARTERLY_BOXES)
        for row in progress_rows(plan):
            spelled = rng.choice(SPELLINGS[str(row["status"])])
            note = "受疫情影响暂停施工" if row["status"] == "suspended" else None
            found[owner[box]].append(
                (
                    row["month"].year,
                    [  # type: ignore[attr-defined]
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
                        plan.quarterly,
                    ],
                )
            )
    return found


def write_project_files(
    raw: Path,
    seeds_dir: Path,
    names: dict[str, str],
    rng: random.Random,
    expect: dict[str, tuple[str, str | None]],
) -> None:
    """Yearly xlsx files for monthly reporters, one multi-year CSV for quarterly reporters."""
    for department, rows in sorted(project_rows(seeds_dir, rng).items()):
        quarterly = all(r[-1] for _, r in rows)
        if quarterly:
            path = raw / department / "重大项目进展_2021-2025.csv"
            body = [
                [
                    *r[:2],
                    _period(r[2], True, True),
                    *r[3:7],
                    *(f"{d:%Y-%m-%d}" if d else None for d in r[7:9]),
                    r[9],
                ]
                for _, r in rows
            ]
            write_csv(path, HEADER, body)
            expect[f"{department}/{path.name}"] = ("accepted", None)
            continue
        for year in sorted({y for y, _ in rows}):
            body = [[*r[:2], _period(r[2], r[-1], False), *r[3:10]] for y, r in rows if y == year]
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
            if department == "transport" and year == 2023:
                bad = next(i for i, r in enumerate(body) if r[5] and r[6] and r[6] > r[5] > 0)
                wrong = [list(r) for r in body]
                wrong[bad][5], wrong[bad][6] = wrong[bad][6], wrong[bad][5]
                write_xlsx(path, [SheetSpec(**{**spec.__dict__, "rows": wrong})])
                expect[f"{department}/{path.name}"] = ("rejected", "cumulative_below_period")
                path = path.with_name(f"重大项目进展_{year}_更正.xlsx")
            write_xlsx(path, [spec])
            expect[f"{department}/{path.name}"] = ("accepted", None)
