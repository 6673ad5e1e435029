"""The three submission datasets, their bilingual header spellings, and header-row detection."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from orchestration.intake.coerce import text

# dataset -> field -> accepted header spellings (compared after header_key)
FIELDS: dict[str, dict[str, tuple[str, ...]]] = {
    "indicator_values": {
        "indicator_code": ("指标代码", "指标编号", "指标编码", "indicator code", "indicator id"),
        "indicator_name": ("指标名称", "指标", "指标名", "indicator name", "indicator"),
        "year": ("年份", "年度", "年", "统计年度", "year"),
        "value": ("数值", "指标值", "实际值", "完成值", "value", "actual value"),
        "unit": ("单位", "计量单位", "unit"),
        "region_code": ("地区代码", "行政区划代码", "区划代码", "region code", "region"),
        "note": ("备注", "说明", "note", "notes", "remark", "remarks", "comment"),
    },
    "project_progress": {
        "project_code": ("项目编号", "项目代码", "项目编码", "project code", "project id"),
        "project_name": ("项目名称", "项目", "project name", "project"),
        "report_month": ("报告期", "报告月份", "填报月份", "月份", "report month", "report period", "period", "month"),
        "status_code": ("项目状态", "状态", "建设状态", "进展状态", "status", "status code", "project status"),
        "total_investment": ("总投资", "计划总投资", "项目总投资", "total investment"),
        "period_investment": ("本期完成投资", "本期投资", "本月完成投资", "本季度完成投资", "当期完成投资", "period investment", "investment this period"),
        "cumulative_investment": ("累计完成投资", "累计投资", "开工累计完成投资", "cumulative investment"),
        "start_date": ("开工日期", "开工时间", "实际开工日期", "start date"),
        "completion_date": ("竣工日期", "竣工时间", "完工日期", "completion date"),
        "note": ("备注", "说明", "note", "notes", "remark", "remarks", "comment"),
    },
    "sector_output": {
        "sector_code": ("产业", "产业名称", "产业代码", "行业", "sector", "sector code", "sector name", "industry"),
        "year": ("年份", "年度", "年", "year"),
        "output_value": ("产值", "总产值", "产业产值", "output value", "output"),
        "enterprises": ("规上企业数", "规模以上企业数", "规上企业", "企业数", "enterprises", "number of enterprises", "above-scale enterprises"),
        "region_code": ("地区代码", "行政区划代码", "区划代码", "region code", "region"),
        "note": ("备注", "说明", "note", "notes", "remark", "remarks", "comment"),
    },
}  # fmt: skip
KEYS = {
    "indicator_values": ("indicator_code", "indicator_name"),
    "project_progress": ("project_code", "project_name"),
    "sector_output": ("sector_code",),
}
REQUIRED = {
    "indicator_values": ("year", "value"),
    "project_progress": ("report_month", "status_code"),
    "sector_output": ("year", "output_value"),
}
LABELS = {
    "indicator_code": "指标代码/指标名称",
    "project_code": "项目编号/项目名称",
    "sector_code": "产业",
    "year": "年份",
    "value": "数值",
    "report_month": "报告期",
    "status_code": "项目状态",
    "output_value": "产值（亿元）",
}
HEADER_SEARCH_ROWS = 30


def header_key(cell: str) -> tuple[str, str | None]:
    """A header spelling folded for comparison, and the unit written in brackets after it."""
    value = unicodedata.normalize("NFKC", cell).strip().lower().strip("*").strip()
    unit = None
    if match := re.search(r"[(\[]([^()\[\]]*)[)\]]\s*$", value):
        unit, value = match.group(1).strip() or None, value[: match.start()]
    return re.sub(r"[\s_]+", " ", value).strip(), unit


_SPELLINGS = {
    dataset: {header_key(alias)[0]: name for name, aliases in spec.items() for alias in aliases}
    for dataset, spec in FIELDS.items()
}


@dataclass
class Header:
    """A recognised header row: which column holds which field, and what else is there."""

    dataset: str
    excel_row: int
    columns: dict[str, int] = field(default_factory=dict)
    labels: dict[int, str] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)
    extras: list[int] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)


def match_cell(dataset: str, cell: object) -> tuple[str | None, str | None]:
    """The field a header cell names in this dataset, and its bracketed unit; bilingual cells
    such as "指标代码 / indicator_code" or "数值(value)" match on any part."""
    for part in re.split(r"[/\n|]", str(cell).replace("\\n", "\n")):
        key, unit = header_key(part)
        if key in _SPELLINGS[dataset]:
            translated = unit is not None and header_key(unit)[0] in _SPELLINGS[dataset]
            return _SPELLINGS[dataset][key], None if translated else unit
    return None, None


def match_row(dataset: str, number: int, cells: list[object]) -> Header | None:
    """The Header if this row names the dataset's key column and at least one other field."""
    header = Header(dataset, number)
    for index, cell in enumerate(cells):
        if not text(cell):
            continue
        header.labels[index] = str(cell).strip()
        name, unit = match_cell(dataset, cell)
        if name is None:
            header.extras.append(index)
        elif name in header.columns:
            header.duplicates.append(text(cell))
        else:
            header.columns[name] = index
            if unit:
                header.units[name] = unit
    keys = [k for k in KEYS[dataset] if k in header.columns]
    others = [f for f in header.columns if f not in KEYS[dataset] and f != "note"]
    return header if keys and others else None


def find_header(rows: list[tuple[int, list[object]]]) -> Header | None:
    """The first row among the top rows that is a header of some dataset (title rows skipped)."""
    for number, cells in rows[:HEADER_SEARCH_ROWS]:
        for dataset in FIELDS:
            if header := match_row(dataset, number, cells):
                return header
    return None


def missing_required(header: Header) -> list[str]:
    """Labels of the required columns the header lacks."""
    return [LABELS[f] for f in REQUIRED[header.dataset] if f not in header.columns]
