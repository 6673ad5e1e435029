"""The bilingual fill-in templates in raw/templates/, from the dataset specs and the seeds:
python -m samples.templates."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from orchestration.intake.datasets.registry import DATASETS
from orchestration.intake.datasets.spec import CODES_SHEET, HELP_SHEET, DatasetSpec
from orchestration.settings import SEEDS_DIR, TEMPLATES_DIR
from samples.seeds import seed_rows
from samples.workbooks import SheetSpec, write_xlsx

WIDTHS = [22, 40, 60, 14, 12]


def plan_years(seeds_dir: Path) -> tuple[int, int, int]:
    """Earliest baseline year, earliest start year and latest end year of the plans."""
    plans = seed_rows(seeds_dir, "plan/plans.csv")
    return (
        min(int(p["baseline_year"]) for p in plans),
        min(int(p["start_year"]) for p in plans),
        max(int(p["end_year"]) for p in plans),
    )


def _default_region(seeds_dir: Path) -> dict[str, str]:
    return next(r for r in seed_rows(seeds_dir, "plan/regions.csv") if r["is_default"] == "true")


def code_rows(spec: DatasetSpec, seeds_dir: Path) -> list[list[str]]:
    """The codes sheet's rows: every listed seed's rows, in the labelled columns' order."""
    return [
        [row[c] for c in listed.columns]
        for listed in spec.template.codes
        for row in seed_rows(seeds_dir, listed.seed)
    ]


def _choices(spec: DatasetSpec, seeds_dir: Path) -> dict[str, Any]:
    """The drop-down lists a template column may name: the plans' years, the project status
    names, the region codes, or the codes sheet's first column."""
    first, _, last = plan_years(seeds_dir)
    codes = len(code_rows(spec, seeds_dir))
    return {
        "years": [str(y) for y in range(first, last + 1)],
        "statuses": [r["name_zh"] for r in seed_rows(seeds_dir, "reference/project_statuses.csv")],
        "regions": [r["region_code"] for r in seed_rows(seeds_dir, "plan/regions.csv")],
        "codes": f"='{CODES_SHEET}'!$A$2:$A${codes + 1}",
    }


def columns(spec: DatasetSpec, seeds_dir: Path = SEEDS_DIR) -> list[tuple[str, str, str, str]]:
    """(header cell, requirement, Chinese help, English help) of each template column."""
    first, _, last = plan_years(seeds_dir)
    years = {"first": first, "last": last}
    return [
        (
            str(f.header).replace("/", "\n"),
            spec.requirement(f.name),
            f.help_zh.format(**years),
            f.help_en.format(**years),
        )
        for f in spec.template_fields
    ]


def example_row(spec: DatasetSpec, seeds_dir: Path) -> list[object]:
    """The example row (its note says 示例 / example, so intake ignores it): the first listed
    code, the first plan year, the default region."""
    code, name, _, extra, *_ = code_rows(spec, seeds_dir)[0]
    _, start, _ = plan_years(seeds_dir)
    status = seed_rows(seeds_dir, "reference/project_statuses.csv")[0]["name_zh"]
    fill = {
        "code": code,
        "name": name,
        "extra": extra,
        "year": str(start),
        "month": f"{start}-06",
        "status": status,
        "region": _default_region(seeds_dir)["region_code"],
    }
    given = dict(spec.template.example)
    row: list[object] = []
    for f in spec.template_fields:
        value = given.get(f.name)
        if isinstance(value, str):
            value = value.format(**fill)
            value = int(value) if value.isdigit() and f.name != "region_code" else value
        row.append(value)
    return row


def build(dataset: str, target: Path, seeds_dir: Path = SEEDS_DIR) -> None:
    """Write one dataset's template: the data sheet with its example row, the instructions
    and the labelled code list the code columns' drop-downs point at."""
    spec = DATASETS[dataset]
    template, fields = spec.template, columns(spec, seeds_dir)
    choices = _choices(spec, seeds_dir)
    validations: dict[int, dict[str, Any]] = {
        index: {"validate": "list", "source": choices[f.choices], "error_type": "warning"}
        for index, f in enumerate(spec.template_fields)
        if f.choices
    }
    header = [f[0] for f in fields]
    region = _default_region(seeds_dir)["name_zh"]
    # the date a report on the example row's year (the first plan year) is sent in
    example_date = f"{plan_years(seeds_dir)[1] + 1}-01-20"
    data = SheetSpec(
        template.sheet,
        header,
        rows=[example_row(spec, seeds_dir)],
        titles=[
            f"{region}规划监测 · {template.title} 填报模板 / submission template",
            f"请在第 3 行 B 列填写报送日期（如 {example_date}），"
            "从第 6 行起填写数据（第 5 行为示例，入库时忽略），不要修改表头；说明见“说明”工作表。"
            " / Write the submission date in B3"
            f" (e.g. {example_date}) and the data from row 6 (row 5 is an example, ignored by"
            " intake);"
            " keep the header; see the 说明 Instructions sheet.",
            ("报送日期 / submission date:",),
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
    code_sheet = SheetSpec(
        CODES_SHEET,
        list(template.code_labels),
        rows=code_rows(spec, seeds_dir),
        widths=WIDTHS[: len(template.code_labels)],
    )
    write_xlsx(target, [data, help_sheet, code_sheet])


def main(target_dir: Path = TEMPLATES_DIR) -> None:
    """Write every dataset's template."""
    for dataset in DATASETS:
        build(dataset, target_dir / f"{dataset}.xlsx")
        print(f"wrote {target_dir / f'{dataset}.xlsx'}")


if __name__ == "__main__":
    main()
