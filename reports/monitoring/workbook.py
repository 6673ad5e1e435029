"""The monitoring report's tables as an xlsx workbook (one sheet per table).

Every column header is the column's comment in the published marts; only the summary
sentences, which no mart holds, have their headers here.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

import reports.monitoring.data as md
from reports.editions import Edition
from reports.monitoring.charts import Series, indicator_series
from reports.monitoring.summary import summary_sentences
from reports.render.html import is_missing
from reports.render.xlsx import NUMBER, SHARE, Column, open_workbook, write_table

SUMMARY = [Column("zh", 80), Column("en", 100)]
SUMMARY_LABELS = {"zh": ("总体评价", "Summary (Chinese)"), "en": ("英文", "English")}
SCORECARD = [
    Column("indicator_seq", 6),
    Column("indicator_code", 9),
    Column("category_zh", 10),
    Column("indicator_name_zh", 34),
    Column("indicator_name_en", 40),
    Column("unit", 10),
    Column("attribute_zh", 8),
    Column("baseline_value", 13, NUMBER),
    Column("target_value", 13, NUMBER),
    Column("target_annual_rate", 12, NUMBER),
    Column("latest_year", 10),
    Column("latest_value", 13, NUMBER),
    Column("yoy_growth_pct", 12, NUMBER),
    Column("expected_value", 13, NUMBER),
    Column("share_of_planned_change_achieved", 12, SHARE),
    Column("expected_share_of_planned_change", 12, SHARE),
    Column("required_cagr_pct", 12, NUMBER),
    Column("actual_cagr_pct", 12, NUMBER),
    Column("status_zh", 14, fill_from="status_colour"),
    Column("status_en", 18),
    Column("status_code", 16),
    Column("remaining_years", 8),
    Column("required_cagr_remaining_pct", 12, NUMBER),
    Column("required_annual_change_remaining", 12, NUMBER),
    Column("actual_annual_change", 12, NUMBER),
    Column("projected_end_value", 13, NUMBER),
    Column("warning_zh", 12, fill_from="warning_colour"),
    Column("warning_en", 16),
]
SERIES = [
    Column("indicator_code", 9),
    Column("indicator_name_zh", 34),
    Column("year", 8),
    Column("actual_value", 14, NUMBER),
    Column("expected_value", 14, NUMBER),
]
BOX_COUNTS = ["projects_listed", "projects_reporting"]
BOX_AMOUNTS = [
    Column("projects_stalled", 8),
    Column("cumulative_investment", 16, NUMBER),
    Column("total_investment", 16, NUMBER),
]
SECTORS = [
    Column("sector_code", 18),
    Column("sector_name_zh", 22),
    Column("sector_name_en", 30),
    Column("target_year", 8),
    Column("output_target_value", 14, NUMBER),
    Column("latest_year", 10),
    Column("output_value", 14, NUMBER),
    Column("expected_value", 12, NUMBER),
    Column("share_of_planned_change_achieved", 12, SHARE),
    Column("enterprises", 12),
    Column("status_zh", 14, fill_from="status_colour"),
]


def series_frame(card: pd.DataFrame, series: Series) -> pd.DataFrame:
    """Actual and planned values per indicator and year, long, as the charts draw them."""
    names = dict(zip(card["indicator_code"], card["indicator_name_zh"], strict=True))
    rows = []
    for code, points in series.items():
        actual, planned = dict(points["actual"]), dict(points["planned"])
        for year in sorted(set(actual) | set(planned)):
            rows.append((code, names.get(code), year, actual.get(year), planned.get(year)))
    return pd.DataFrame(rows, columns=[c.key for c in SERIES])


def box_columns(data: md.MonitoringData) -> list[Column]:
    """Box sheet columns: counts, one per project status (dim_project_status), amounts."""
    statuses = [f"projects_{code}" for code in data.project_statuses.get("project_status_code", [])]
    return [
        Column("box_no", 6),
        Column("box_title_zh", 36),
        Column("box_title_en", 40),
        *[Column(key, 10) for key in [*BOX_COUNTS, *statuses]],
        *BOX_AMOUNTS,
    ]


def coloured(frame: pd.DataFrame, data: md.MonitoringData) -> pd.DataFrame:
    """The frame with each row's status and warning colours (the status and warning dims)."""
    if frame.empty or "status_code" not in frame:
        return frame
    frame = frame.assign(status_colour=[data.statuses.of(c).colour for c in frame["status_code"]])
    if "warning_level" not in frame:
        return frame
    return frame.assign(
        warning_colour=[
            None if is_missing(c) else data.warnings.of(c).colour for c in frame["warning_level"]
        ]
    )


def write_monitoring_xlsx(data: md.MonitoringData, edition: Edition, path: Path) -> Path:
    """Write the workbook: summary, scorecard, binding, series, boxes, sectors."""
    card, labels = coloured(data.scorecard, data), data.labels
    summary = pd.DataFrame(summary_sentences(card, data.statuses, data.year), columns=["zh", "en"])
    series = series_frame(card, indicator_series(card, data.actual, data.path))
    actual_label = {k: v for k, v in labels.get(md.PROGRESS, {}).items() if k == "actual_value"}
    series_labels = labels.get(md.PATH, {}) | actual_label
    title = f"{data.region['name_zh']} {edition.title_zh} · {edition.title_en}"
    if data.synthetic_files:
        title += " · 示例数据（合成）SYNTHETIC DATA: not real statistics"
    book = open_workbook(path)
    try:
        write_table(book, "总体评价 Summary", summary, SUMMARY, SUMMARY_LABELS, title=title)
        if not card.empty:
            binding = card[card["is_binding"].fillna(False).astype(bool)]
            for name, frame in (("计分卡 Scorecard", card), ("约束性指标 Binding", binding)):
                write_table(book, name, frame, SCORECARD, labels[md.SCORECARD], title=title)
            write_table(book, "指标走势 Series", series, SERIES, series_labels, title=title)
        if not data.boxes.empty:
            boxes = box_columns(data)
            write_table(book, "重大项目 Boxes", data.boxes, boxes, labels[md.BOXES], title=title)
        if not data.sectors.empty:
            sectors, sector_labels = coloured(data.sectors, data), labels[md.SECTORS]
            write_table(book, "产业 Sectors", sectors, SECTORS, sector_labels, title=title)
    finally:
        book.close()
    return path
