"""The charts section: each indicator's actual values against its planned path and target."""

from __future__ import annotations

import pandas as pd

from reports.plans import Plan
from reports.render.badges import Statuses
from reports.render.charts import Point, line_chart
from reports.render.html import is_missing, section

Series = dict[str, dict[str, list[Point]]]


def _points(frame: pd.DataFrame, code: str, column: str) -> list[Point]:
    if frame.empty:
        return []
    rows = frame[frame["indicator_code"] == code]
    return [(int(y), float(v)) for y, v in zip(rows["year"], rows[column], strict=True)]


def indicator_series(card: pd.DataFrame, actual: pd.DataFrame, path: pd.DataFrame) -> Series:
    """Per indicator, its actual points and its planned path (fct_indicator_expected_path).

    A level path's actual line starts from the path's first point (the baseline), so the
    chart shows the way from the baseline to the first reported value.
    """
    series: Series = {}
    for row in card.itertuples():
        points = _points(actual, row.indicator_code, "actual_value")
        planned = _points(path, row.indicator_code, "expected_value")
        if (
            planned
            and row.path_type != "annual_rate"
            and (not points or points[0][0] > planned[0][0])
        ):
            points.insert(0, planned[0])
        series[row.indicator_code] = {"actual": points, "planned": planned}
    return series


def charts_section(
    card: pd.DataFrame, series: Series, statuses: Statuses, year: int, plan: Plan
) -> str:
    """One small chart per indicator: actual values against the planned path and the target."""
    years = plan.years
    figures = []
    for row in card.itertuples():
        points = series.get(row.indicator_code, {"actual": [], "planned": []})
        target = None if is_missing(row.target_value) else float(row.target_value)
        svg = line_chart(
            f"{row.indicator_seq}. {row.indicator_name_zh}",
            str(row.indicator_name_en),
            str(row.unit or ""),
            points["actual"],
            points["planned"],
            years,
            target=target,
            evaluation_year=year,
            colour=statuses.of(row.status_code).colour,
        )
        figures.append(
            f"<figure>{svg}<figcaption>{statuses.badge(row.status_code)}</figcaption></figure>"
        )
    legend = (
        '<p class="legend"><span class="key" style="border-color:#2e8b57"></span>实际值 Actual'
        '<span class="key" style="border-top-style:dashed;border-color:#9aa3ae"></span>'
        '规划路径 Planned path<span class="key" style="border-color:#a61b1b;width:10px"></span>'
        f"{plan.end_year}年目标 Target · 阴影为评估年度 shaded: evaluation year</p>"
    )
    return section(
        "charts",
        "指标走势",
        "Indicators over time",
        legend + f'<div class="charts">{"".join(figures)}</div>',
    )
