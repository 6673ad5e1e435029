"""The monitoring report's tables as an xlsx workbook (one sheet per table)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from reports.editions import Edition
from reports.monitoring_data import MonitoringData
from reports.portfolio_data import PROJECT_STATUSES
from reports.status import status_of
from reports.summary import summary_sentences
from reports.xlsx import NUMBER, SHARE, Column, open_workbook, write_table

SCORECARD = [
    Column("indicator_seq", "序号", "No.", 6),
    Column("indicator_code", "指标代码", "Code", 9),
    Column("category_zh", "类别", "Category", 10),
    Column("name_zh", "指标名称", "Indicator", 34),
    Column("name_en", "指标名称（英文）", "Indicator (English)", 40),
    Column("unit", "单位", "Unit", 10),
    Column("attribute_zh", "属性", "Type", 8),
    Column("baseline_value", "2020年基期值", "Baseline 2020", 13, NUMBER),
    Column("target_value", "2025年目标值", "Target 2025", 13, NUMBER),
    Column("target_annual_rate", "年均增速目标（%）", "Target annual rate (%)", 12, NUMBER),
    Column("latest_year", "最新数据年份", "Latest year", 10),
    Column("latest_value", "最新值", "Latest value", 13, NUMBER),
    Column("expected_value", "预期值", "Expected value", 13, NUMBER),
    Column("share_achieved", "完成进度", "Share of change achieved", 12, SHARE),
    Column("expected_share", "预期进度", "Share expected", 12, SHARE),
    Column("required_cagr_pct", "所需年均增速（%）", "Required CAGR (%)", 12, NUMBER),
    Column("actual_cagr_pct", "实际年均增速（%）", "Actual CAGR (%)", 12, NUMBER),
    Column("status_zh", "状态", "Status", 14),
    Column("status_en", "状态（英文）", "Status (English)", 18),
    Column("status_code", "状态代码", "Status code", 16),
]
SERIES = [
    Column("indicator_code", "指标代码", "Code", 9),
    Column("name_zh", "指标名称", "Indicator", 34),
    Column("year", "年份", "Year", 8),
    Column("actual", "实际值", "Actual", 14, NUMBER),
    Column("planned", "规划路径值", "Planned path", 14, NUMBER),
]
BOXES = [
    Column("box_no", "专栏", "Box", 6),
    Column("box_title_zh", "专栏标题", "Title", 36),
    Column("box_title_en", "专栏标题（英文）", "Title (English)", 40),
    Column("projects_listed", "项目数", "Projects listed", 10),
    Column("projects_reported", "已报送", "Reported", 10),
    *[Column(f"n_{code}", zh, en, 10) for code, zh, en in PROJECT_STATUSES],
    Column("n_stalled", "停滞", "Stalled", 8),
    Column("cumulative_investment", "累计完成投资（万元）", "Invested (10k yuan)", 16, NUMBER),
    Column("total_investment", "总投资（万元）", "Total (10k yuan)", 16, NUMBER),
]
SECTORS = [
    Column("sector_code", "产业代码", "Code", 18),
    Column("name_zh", "产业", "Sector", 22),
    Column("name_en", "产业（英文）", "Sector (English)", 30),
    Column("output_target_2025", "2025年产值目标（亿元）", "2025 target (100m yuan)", 14, NUMBER),
    Column("latest_year", "最新数据年份", "Latest year", 10),
    Column("output_value", "最新产值（亿元）", "Output (100m yuan)", 14, NUMBER),
    Column("expected_value", "预期值", "Expected", 12, NUMBER),
    Column("share_achieved", "完成进度", "Share achieved", 12, SHARE),
    Column("enterprises", "规上企业（户）", "Enterprises", 12),
    Column("status_zh", "状态", "Status", 14),
]


def series_frame(data: MonitoringData) -> pd.DataFrame:
    """Actual and planned values per indicator and year, long."""
    names = dict(zip(data.scorecard["indicator_code"], data.scorecard["name_zh"], strict=True))
    rows = []
    for code, points in data.series.items():
        actual, planned = dict(points["actual"]), dict(points["planned"])
        for year in sorted(set(actual) | set(planned)):
            rows.append((code, names.get(code), year, actual.get(year), planned.get(year)))
    return pd.DataFrame(rows, columns=[c.key for c in SERIES])


def with_labels(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with status_zh/status_en filled from the status code where missing."""
    out = frame.copy()
    labels = [status_of(code) for code in out["status_code"]]
    for column, attribute in (("status_zh", "zh"), ("status_en", "en")):
        fallback = pd.Series([getattr(s, attribute) for s in labels], index=out.index)
        out[column] = out[column].combine_first(fallback) if column in out else fallback
    return out


def write_monitoring_xlsx(data: MonitoringData, edition: Edition, path: Path) -> Path:
    """Write the workbook: summary, scorecard, binding, series, boxes, sectors."""
    card = with_labels(data.scorecard)
    summary = pd.DataFrame(summary_sentences(card, data.year), columns=["zh", "en"])
    title = f"{data.region['name_zh']} {edition.title_zh} · {edition.title_en}"
    book = open_workbook(path)
    try:
        write_table(
            book,
            "总体评价 Summary",
            summary,
            [
                Column("zh", "总体评价", "Summary (Chinese)", 80),
                Column("en", "英文", "English", 100),
            ],
            title=title,
        )
        write_table(book, "计分卡 Scorecard", card, SCORECARD, title=title)
        binding = card[card["is_binding"].fillna(False).astype(bool)]
        write_table(book, "约束性指标 Binding", binding, SCORECARD, title=title)
        write_table(book, "指标走势 Series", series_frame(data), SERIES, title=title)
        write_table(book, "重大项目 Boxes", data.boxes, BOXES, title=title)
        if not data.sectors.empty:
            write_table(book, "产业 Sectors", with_labels(data.sectors), SECTORS, title=title)
    finally:
        book.close()
    return path
