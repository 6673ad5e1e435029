"""The bilingual fill-in templates in raw/templates/: python -m orchestration.intake.templates."""

from __future__ import annotations

import csv
from pathlib import Path

from orchestration.intake.template_text import SHEETS, columns
from orchestration.intake.workbooks import SheetSpec, write_xlsx
from orchestration.settings import BASELINE_YEAR, PLAN_END_YEAR, SEEDS_DIR, TEMPLATES_DIR

CODES = {
    "indicator_values": ("indicators.csv", ["indicator_code", "name_zh", "name_en", "unit"]),
    "project_progress": ("projects.csv", ["project_code", "name_zh", "name_en", "box_no"]),
    "sector_output": ("sectors.csv", ["sector_code", "name_zh", "name_en", "sector_group"]),
}


def _codes(seeds_dir: Path, dataset: str) -> list[list[str]]:
    file_name, columns = CODES[dataset]
    with (seeds_dir / "plan" / file_name).open(encoding="utf-8") as handle:
        return [[row[c] for c in columns] for row in csv.DictReader(handle)]


def _statuses(seeds_dir: Path) -> list[str]:
    with (seeds_dir / "reference" / "project_statuses.csv").open(encoding="utf-8") as handle:
        return [row["name_zh"] for row in csv.DictReader(handle)]


def _region(seeds_dir: Path) -> str:
    with (seeds_dir / "plan" / "regions.csv").open(encoding="utf-8") as handle:
        return next(r["name_zh"] for r in csv.DictReader(handle) if r["is_default"] == "true")


def build(dataset: str, target: Path, seeds_dir: Path = SEEDS_DIR) -> None:
    """Write one dataset's template: the data sheet, the instructions and the code list."""
    (sheet, title), fields = SHEETS[dataset], columns(dataset)
    header = [f[0] for f in fields]
    validations = {
        header.index(h): {
            "validate": "list",
            "source": [str(y) for y in range(BASELINE_YEAR, PLAN_END_YEAR + 1)],
        }
        for h in header
        if h.startswith("年份")
    }
    if dataset == "project_progress":
        validations[3] = {"validate": "list", "source": _statuses(seeds_dir)}
    data = SheetSpec(
        sheet,
        header,
        titles=[
            f"{_region(seeds_dir)}规划监测 · {title} 填报模板 / submission template",
            "请从第 4 行起填写，不要修改表头；说明见“说明”工作表。"
            " / Fill in from row 4; keep the header; see the 说明 Instructions sheet.",
        ],
        widths=[18] * len(header),
        validations=validations,
    )
    help_sheet = SheetSpec(
        "说明 Instructions",
        ["字段 Field", "填写要求 Requirement", "中文说明", "Description"],
        rows=[list(f) for f in fields],
        widths=[26, 16, 48, 60],
    )
    code_sheet = SheetSpec(
        "代码表 Codes",
        ["编码 Code", "中文名称 Chinese name", "英文名称 English name", "附注 Extra"],
        rows=_codes(seeds_dir, dataset),
        widths=[22, 40, 60, 12],
    )
    write_xlsx(target, [data, help_sheet, code_sheet])


def main(target_dir: Path = TEMPLATES_DIR) -> None:
    """Write all three templates."""
    for dataset in SHEETS:
        build(dataset, target_dir / f"{dataset}.xlsx")
        print(f"wrote {target_dir / f'{dataset}.xlsx'}")


if __name__ == "__main__":
    main()
