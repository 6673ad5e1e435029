"""The bilingual fill-in templates in raw/templates/, from the dataset specs:
python -m samples.templates."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from orchestration.intake.datasets.registry import DATASETS
from orchestration.intake.datasets.spec import CODES_SHEET, HELP_SHEET, DatasetSpec
from orchestration.settings import BASELINE_YEAR, PLAN_END_YEAR, SEEDS_DIR, TEMPLATES_DIR
from samples.seeds import seed_rows
from samples.workbooks import SheetSpec, write_xlsx


def _choices(seeds_dir: Path) -> dict[str, list[str]]:
    """The drop-down lists a template column may name: plan years, project status names."""
    return {
        "years": [str(y) for y in range(BASELINE_YEAR, PLAN_END_YEAR + 1)],
        "statuses": [r["name_zh"] for r in seed_rows(seeds_dir, "reference/project_statuses.csv")],
    }


def _region(seeds_dir: Path) -> str:
    rows = seed_rows(seeds_dir, "plan/regions.csv")
    return next(r["name_zh"] for r in rows if r["is_default"] == "true")


def columns(spec: DatasetSpec) -> list[tuple[str, str, str, str]]:
    """(header cell, requirement, Chinese help, English help) of each template column."""
    years = {"first": BASELINE_YEAR, "last": PLAN_END_YEAR}
    return [
        (
            str(f.header).replace("/", "\n"),
            spec.requirement(f.name),
            f.help_zh.format(**years),
            f.help_en.format(**years),
        )
        for f in spec.template_fields
    ]


def build(dataset: str, target: Path, seeds_dir: Path = SEEDS_DIR) -> None:
    """Write one dataset's template: the data sheet, the instructions and the code list."""
    spec = DATASETS[dataset]
    template, fields = spec.template, columns(spec)
    choices = _choices(seeds_dir)
    validations: dict[int, dict[str, Any]] = {
        index: {"validate": "list", "source": choices[f.choices]}
        for index, f in enumerate(spec.template_fields)
        if f.choices
    }
    header = [f[0] for f in fields]
    data = SheetSpec(
        template.sheet,
        header,
        titles=[
            f"{_region(seeds_dir)}规划监测 · {template.title} 填报模板 / submission template",
            "请从第 4 行起填写，不要修改表头；说明见“说明”工作表。"
            " / Fill in from row 4; keep the header; see the 说明 Instructions sheet.",
        ],
        widths=[18] * len(header),
        validations=validations,
    )
    help_sheet = SheetSpec(
        HELP_SHEET,
        ["字段 Field", "填写要求 Requirement", "中文说明", "Description"],
        rows=[list(f) for f in fields],
        widths=[26, 16, 48, 60],
    )
    codes = seed_rows(seeds_dir, template.codes_seed)
    code_sheet = SheetSpec(
        CODES_SHEET,
        ["编码 Code", "中文名称 Chinese name", "英文名称 English name", "附注 Extra"],
        rows=[[row[c] for c in template.codes_columns] for row in codes],
        widths=[22, 40, 60, 12],
    )
    write_xlsx(target, [data, help_sheet, code_sheet])


def main(target_dir: Path = TEMPLATES_DIR) -> None:
    """Write every dataset's template."""
    for dataset in DATASETS:
        build(dataset, target_dir / f"{dataset}.xlsx")
        print(f"wrote {target_dir / f'{dataset}.xlsx'}")


if __name__ == "__main__":
    main()
