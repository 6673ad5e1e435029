# ruff: noqa: E501
"""The templates' columns and fill-in help, one line per column: dataset | header | requirement | help."""

from __future__ import annotations

from orchestration.settings import BASELINE_YEAR, PLAN_END_YEAR

# dataset: (data sheet name, title)
SHEETS = {
    "indicator_values": ("指标数据", "指标数据 / Indicator values"),
    "project_progress": ("重大项目进展", "重大项目进展 / Major project progress"),
    "sector_output": ("产业产值", "产业产值 / Sector output"),
}

# dataset | header cell (Chinese/English, shown on two lines) | requirement | 中文说明 | description
_COLUMNS = """
indicator_values | 指标代码/indicator_code | 二选一 either | 指标目录中的代码，如 I01（见“代码表”） | catalogue code such as I01 (see the Codes sheet)
indicator_values | 指标名称/indicator_name | 二选一 either | 指标名称，与代码二选一；都填时须一致 | indicator name; either this or the code, and they must agree
indicator_values | 年份/year | 必填 required | {first}–{last} 的四位年份 | four-digit year {first}–{last}
indicator_values | 数值/value | 必填 required | 数值；百分比写 61 或 61%，不要写 0.61 | the value; write a percentage as 61 or 61%, never 0.61
indicator_values | 单位/unit | 选填 optional | 留空即目录单位；万元/亿元等会自动换算 | blank means the catalogue unit; 万元/亿元 etc. are converted
indicator_values | 备注/note | 选填 optional | 说明数据口径、快报/年报等 | notes on definitions, preliminary or final figures
project_progress | 项目编号/project_code | 二选一 either | 规划项目编号，如 B05-P003（见“代码表”） | plan project code such as B05-P003 (see the Codes sheet)
project_progress | 项目名称/project_name | 二选一 either | 项目名称，与编号二选一；都填时须一致 | project name; either this or the code, and they must agree
project_progress | 报告期/report_month | 必填 required | 月报填 2023-05；季报填 2023Q2（记为季末月） | monthly: 2023-05; quarterly: 2023Q2 (stored as the quarter's last month)
project_progress | 项目状态/status | 必填 required | 前期谋划、未开工、在建、已竣工、停工缓建 | planning, not started, under construction, completed, suspended
project_progress | 总投资（万元）/total_investment | 选填 optional | 项目计划总投资，万元 | planned total investment, 10k yuan
project_progress | 本期完成投资（万元）/period_investment | 选填 optional | 本月或本季度完成投资，万元 | investment completed this month or quarter, 10k yuan
project_progress | 累计完成投资（万元）/cumulative_investment | 选填 optional | 开工以来累计完成投资，不得小于本期 | cumulative since start; never below this period's
project_progress | 开工日期/start_date | 选填 optional | 如 2022-04-18 | e.g. 2022-04-18
project_progress | 竣工日期/completion_date | 选填 optional | 不得早于开工日期 | not before the start date
project_progress | 备注/note | 选填 optional | 进展说明、存在问题 | progress notes and issues
sector_output | 产业/sector | 必填 required | 产业代码或名称（见“代码表”） | sector code or name (see the Codes sheet)
sector_output | 年份/year | 必填 required | {first}–{last} 的四位年份 | four-digit year {first}–{last}
sector_output | 产值（亿元）/output_value | 必填 required | 全年产值，亿元 | annual output, 100 million yuan
sector_output | 规上企业数（户）/enterprises | 选填 optional | 规模以上企业户数 | number of above-designated-size enterprises
sector_output | 备注/note | 选填 optional | 口径说明 | notes on definitions
"""


def columns(dataset: str) -> list[tuple[str, str, str, str]]:
    """(header cell, requirement, Chinese help, English help) of each template column."""
    found = []
    for line in _COLUMNS.strip().splitlines():
        name, header, required, zh, en = (part.strip() for part in line.split(" | "))
        if name == dataset:
            years = {"first": BASELINE_YEAR, "last": PLAN_END_YEAR}
            found.append(
                (header.replace("/", "\n"), required, zh.format(**years), en.format(**years))
            )
    return found
