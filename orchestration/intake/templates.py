"""Generate the bilingual fill-in templates in raw/templates/ (python -m orchestration.intake.templates)."""  # noqa: E501

from __future__ import annotations

import csv
from pathlib import Path

from orchestration.intake.workbooks import SheetSpec, write_xlsx
from orchestration.settings import BASELINE_YEAR, PLAN_END_YEAR, SEEDS_DIR, TEMPLATES_DIR

# dataset: (sheet name, title, [(header cell, required, Chinese help, English help)])
SPECS = {
    "indicator_values": ("指标数据", "指标数据 / Indicator values", [
        ("指标代码\nindicator_code", "二选一 either", "指标目录中的代码，如 I01（见“代码表”）", "catalogue code such as I01 (see the Codes sheet)"),
        ("指标名称\nindicator_name", "二选一 either", "指标名称，与代码二选一；都填时须一致", "indicator name; either this or the code, and they must agree"),
        ("年份\nyear", "必填 required", f"{BASELINE_YEAR}–{PLAN_END_YEAR} 的四位年份", f"four-digit year {BASELINE_YEAR}–{PLAN_END_YEAR}"),
        ("数值\nvalue", "必填 required", "数值；百分比写 61 或 61%，不要写 0.61", "the value; write a percentage as 61 or 61%, never 0.61"),
        ("单位\nunit", "选填 optional", "留空即目录单位；万元/亿元等会自动换算", "blank means the catalogue unit; 万元/亿元 etc. are converted"),
        ("备注\nnote", "选填 optional", "说明数据口径、快报/年报等", "notes on definitions, preliminary or final figures"),
    ]),
    "project_progress": ("重大项目进展", "重大项目进展 / Major project progress", [
        ("项目编号\nproject_code", "二选一 either", "规划项目编号，如 B05-P003（见“代码表”）", "plan project code such as B05-P003 (see the Codes sheet)"),
        ("项目名称\nproject_name", "二选一 either", "项目名称，与编号二选一；都填时须一致", "project name; either this or the code, and they must agree"),
        ("报告期\nreport_month", "必填 required", "月报填 2023-05；季报填 2023Q2（记为季末月）", "monthly: 2023-05; quarterly: 2023Q2 (stored as the quarter's last month)"),
        ("项目状态\nstatus", "必填 required", "前期谋划、未开工、在建、已竣工、停工缓建", "planning, not started, under construction, completed, suspended"),
        ("总投资（万元）\ntotal_investment", "选填 optional", "项目计划总投资，万元", "planned total investment, 10k yuan"),
        ("本期完成投资（万元）\nperiod_investment", "选填 optional", "本月或本季度完成投资，万元", "investment completed this month or quarter, 10k yuan"),
        ("累计完成投资（万元）\ncumulative_investment", "选填 optional", "开工以来累计完成投资，不得小于本期", "cumulative since start; never below this period's"),
        ("开工日期\nstart_date", "选填 optional", "如 2022-04-18", "e.g. 2022-04-18"),
        ("竣工日期\ncompletion_date", "选填 optional", "不得早于开工日期", "not before the start date"),
        ("备注\nnote", "选填 optional", "进展说明、存在问题", "progress notes and issues"),
    ]),
    "sector_output": ("产业产值", "产业产值 / Sector output", [
        ("产业\nsector", "必填 required", "产业代码或名称（见“代码表”）", "sector code or name (see the Codes sheet)"),
        ("年份\nyear", "必填 required", f"{BASELINE_YEAR}–{PLAN_END_YEAR} 的四位年份", f"four-digit year {BASELINE_YEAR}–{PLAN_END_YEAR}"),
        ("产值（亿元）\noutput_value", "必填 required", "全年产值，亿元", "annual output, 100 million yuan"),
        ("规上企业数（户）\nenterprises", "选填 optional", "规模以上企业户数", "number of above-designated-size enterprises"),
        ("备注\nnote", "选填 optional", "口径说明", "notes on definitions"),
    ]),
}  # fmt: skip
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


def build(dataset: str, target: Path, seeds_dir: Path = SEEDS_DIR) -> None:
    """Write one dataset's template: the data sheet, the instructions and the code list."""
    sheet, title, fields = SPECS[dataset]
    header = [f[0] for f in fields]
    validations = {header.index(h): {"validate": "list", "source": [str(y) for y in range(BASELINE_YEAR, PLAN_END_YEAR + 1)]} for h in header if h.startswith("年份")}  # fmt: skip
    if dataset == "project_progress":
        validations[3] = {"validate": "list", "source": _statuses(seeds_dir)}
    data = SheetSpec(sheet, header, titles=[f"梅河口市“十四五”规划监测 · {title} 填报模板 / submission template",
                     "请从第 4 行起填写，不要修改表头；说明见“说明”工作表。 / Fill in from row 4; keep the header; see the 说明 Instructions sheet."],  # fmt: skip
                     widths=[18] * len(header), validations=validations)  # fmt: skip
    help_sheet = SheetSpec("说明 Instructions", ["字段 Field", "填写要求 Requirement", "中文说明", "Description"],
                           rows=[list(f) for f in fields], widths=[26, 16, 48, 60])  # fmt: skip
    code_sheet = SheetSpec("代码表 Codes", ["编码 Code", "中文名称 Chinese name", "英文名称 English name", "附注 Extra"],
                           rows=_codes(seeds_dir, dataset), widths=[22, 40, 60, 12])  # fmt: skip
    write_xlsx(target, [data, help_sheet, code_sheet])


def main(target_dir: Path = TEMPLATES_DIR) -> None:
    """Write all three templates."""
    for dataset in SPECS:
        build(dataset, target_dir / f"{dataset}.xlsx")
        print(f"wrote {target_dir / f'{dataset}.xlsx'}")


if __name__ == "__main__":
    main()
