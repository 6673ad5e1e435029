"""SYNTHETIC submissions for the report tests, written into a drop folder as departments would.

Made-up values, not statistics of any place. Besides ordinary accepted files they carry the
cases a report must survive: notes that look like formulas (=HYPERLINK, @SUM, +, -), HTML
and script in notes and reasons, a file named like a formula, a header that is a formula,
Chinese text everywhere, a revision, a byte-identical resubmission and rejected files.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

BANNER = ["# 合成测试数据 / SYNTHETIC TEST DATA"]
HYPERLINK = '=HYPERLINK("http://example.invalid","点击")'
SCRIPT = "<script>alert('x')</script>"
SUM = "@SUM(1+1)"
INDICATOR_HEADER = ["指标代码", "年份", "数值", "单位", "备注"]
SECTOR_HEADER = ["产业", "年份", "产值（亿元）", "规上企业数（户）", "备注"]
PROJECT_HEADER = [
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
YEARS = [2021, 2022, 2023, 2024]
REVISION = "指标数据_2023_更正.csv"
RESUBMISSION = "指标数据_2023_更正_再次报送.csv"
# Values per year 2021..2024, chosen to give ahead, on-track, lagging and binding outcomes.
STATS = {
    "I01": ("亿元", [340, 385, 430, 530]),
    "I02": ("元", [53000, 56000, 59000, 62000]),
    "I03": ("亿元", [62, 72, 82, 100]),
    "I05": ("%", [7.1, 6.9, 6.0, 6.6]),
    "I07": ("%", [62.5, 63.4, 64.1, 65.0]),
    "I08": ("元", [34000, 39000, 45000, 52000]),
    "I09": ("元", [17000, 19500, 21000, 23000]),
}
NOTES = {("I01", 2024): HYPERLINK, ("I02", 2024): SCRIPT, ("I03", 2024): SUM}
ECOLOGY = {"I19": ("%", [88, 86, 84, 87]), "I20": ("%", [80, 86, 91, 93])}
LAND = {
    "I15": ("万亩", [17.31, 17.31, 17.32, 17.33]),
    "I16": ("亩", [500, 900, 1400, 2100]),
    "I18": ("%", [37.2, 37.4, 36.8, 37.9]),
}
WATER = {"I17": ("立方米", [92, 87, 84, 77])}
ENERGY_SAVING = {"I13": ("%", [3.1, 2.8, 3.3, 3.0])}
HEALTH = {"I10": ("个", [470, 520, 600, 650]), "I11": ("岁", [78.93, 78.94, 78.95, 78.97])}
SECTORS = {
    "medicine_health": [100, 130, 160, 190, 240],
    "food_processing": [80, 95, 110, 125, 150],
    "tourism": [20, 24, 27, 31, 36],
}
PROJECTS = [
    ("B01-P001", "医药健康产业园", "2021-06", "前期谋划", 20000, 0, 0, "", ""),
    ("B01-P001", "医药健康产业园", "2022-06", "在建", 20000, 6000, 6000, "2022-03-01", ""),
    ("B01-P001", "", "2024-06", "竣工", 20000, 14000, 20000, "2022-03-01", "2024-05-30"),
    ("B01-P002", "健康食品产业园", "2022-03", "续建", 50000, 5000, 5000, "2022-01-10", ""),
    ("B01-P002", "健康食品产业园", "2023-12", "在建", 50000, 0, 5000, "2022-01-10", ""),
    ("B02-P001", "", "2023-09", "停工缓建", 8000, 1000, 3000, "2021-05-01", ""),
]


def csv_text(header: list[str], rows: list[list[object]]) -> str:
    """A CSV file's text: the synthetic banner, the header row, the rows (quoted as needed)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(BANNER)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def indicator_rows(values: dict[str, tuple[str, list[float]]]) -> list[list[object]]:
    """One row per indicator and year; the notes in NOTES where given, else a Chinese note."""
    return [
        [code, year, value, unit, NOTES.get((code, year), "初步核算数")]
        for code, (unit, series) in values.items()
        for year, value in zip(YEARS, series, strict=True)
    ]


def indicator_file(values: dict[str, tuple[str, list[float]]]) -> str:
    """An indicator-values CSV with the Chinese headers."""
    return csv_text(INDICATOR_HEADER, indicator_rows(values))


def submissions() -> list[tuple[str, str, str]]:
    """(department, file name, text) of every synthetic submission."""
    finance = [
        ["I04", year, f"{value:,}", "万元", "+预算执行数", "x"]
        for year, value in zip(YEARS, [205000, 221000, 236000, 251000], strict=True)
    ]
    outputs = [
        [code, year, value, 10 + year - 2020, "-同比口径" if year == 2020 else "工业统计"]
        for code, series in SECTORS.items()
        for year, value in zip([2020, *YEARS], series, strict=True)
    ]
    hostile = [
        ["新能源车", 2024, "12", 3, SCRIPT],
        ["medicine_health", 2024, "=1+1", 40, HYPERLINK],
    ]
    health = ["indicator_code", "year", "value", "unit", "note"]
    return [
        ("stats", "指标数据_2021-2024.csv", indicator_file(STATS)),
        (
            "stats",
            REVISION,
            csv_text(INDICATOR_HEADER, [["I01", 2023, 442.5, "亿元", "经济普查后修订"]]),
        ),
        ("finance", "一般公共预算收入.csv", csv_text([*INDICATOR_HEADER, SUM], finance)),
        ("ecology", "环境质量.csv", indicator_file(ECOLOGY)),
        ("natural_resources", "耕地与森林.csv", indicator_file(LAND)),
        ("water", "用水.csv", indicator_file(WATER)),
        ("drc", "能耗.csv", indicator_file(ENERGY_SAVING)),
        ("health", "indicators.csv", csv_text(health, indicator_rows(HEALTH))),
        ("industry", "产业产值.csv", csv_text(SECTOR_HEADER, outputs)),
        (
            "hightech_zone",
            "重大项目进展.csv",
            csv_text(PROJECT_HEADER, [[*r, "园区报送"] for r in PROJECTS]),
        ),
        ("industry", f"{SUM}.csv", csv_text(SECTOR_HEADER, hostile)),
        ("water", "water-2024.csv", "名称,金额\n水费,100\n"),
        (
            "stats",
            "季度快报_2024Q3.csv",
            csv_text(INDICATOR_HEADER, [["地区生产总值增速", 2024, 6.1, "%", SCRIPT]]),
        ),
        (
            "stats",
            RESUBMISSION,
            csv_text(INDICATOR_HEADER, [["I01", 2023, 442.5, "亿元", "经济普查后修订"]]),
        ),
    ]


def write_submissions(raw: Path) -> list[Path]:
    """Write every synthetic submission under `raw` (the resubmission byte for byte); the files."""
    written = []
    for department, name, text in submissions():
        path = raw / department / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
