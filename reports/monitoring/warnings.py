"""The early-warning section (预警): red and yellow targets, what they require, where they head."""

from __future__ import annotations

from typing import Any

import pandas as pd

from reports.monitoring.charts import Series
from reports.monitoring.scorecard import indicator_cell, latest_cell, target_cell
from reports.plans import Plan
from reports.render.badges import Statuses
from reports.render.charts import line_chart
from reports.render.html import bilingual, esc, is_missing, num, section, table

WARNED = ("red", "yellow")

WARNING_HEADERS = [
    ("预警", "Warning"),
    ("指标", "Indicator"),
    ("属性", "Type"),
    ("最新值", "Latest"),
    ("目标值", "Target"),
    ("剩余年数", "Years left"),
    ("剩余年份所需", "Required a year"),
    ("已实现", "Achieved a year"),
    ("规划期最快年份", "Best year"),
    ("期末预测", "Projected end value"),
    ("预测差距", "Projected margin"),
]


def warned_rows(card: pd.DataFrame) -> pd.DataFrame:
    """The red and yellow rows of a scorecard, most urgent first, then in plan order."""
    if card.empty or "warning_level" not in card:
        return card.iloc[0:0]
    rows = card[card["warning_level"].isin(WARNED)]
    return rows.sort_values(["warning_sort_order", "indicator_seq"])


def rate(row: Any, growth: str, change: str) -> str:
    """A growth rate in % a year (compound outlook) or a change a year in the unit (linear)."""
    if row.outlook_formula == "compound":
        value = getattr(row, growth)
        return "—" if is_missing(value) else f"{num(value, 1)}%"
    value = getattr(row, change)
    if is_missing(value):
        return "—"
    sign = "+" if float(value) > 0 else ""
    return f"{sign}{num(value, 2)}" + f'<span class="en">{esc(row.unit)}</span>'


def warning_chart(row: Any, series: Series, warnings: Statuses, plan: Plan) -> str:
    """The indicator's actual values and path, and the projection to the end year vs the target."""
    points = series.get(row.indicator_code, {"actual": [], "planned": []})
    projection = []
    if not is_missing(row.projected_end_value) and not is_missing(row.latest_value):
        projection = [
            (int(row.latest_year), float(row.latest_value)),
            (plan.end_year, float(row.projected_end_value)),
        ]
    level = warnings.of(row.warning_level)
    return line_chart(
        f"{row.indicator_seq}. {row.indicator_name_zh}",
        str(row.indicator_name_en),
        str(row.unit or ""),
        points["actual"],
        points["planned"],
        plan.years,
        target=None if is_missing(row.target_value) else float(row.target_value),
        evaluation_year=int(row.latest_year),
        colour=level.colour,
        projection=projection,
        projection_colour=level.colour,
    )


def warnings_section(
    card: pd.DataFrame, series: Series, warnings: Statuses, year: int, plan: Plan
) -> str:
    """Red and yellow targets with required vs achieved rates, and a projection chart each."""
    rows = warned_rows(card)
    body_rows = [
        [
            warnings.badge(row.warning_level),
            indicator_cell(row),
            bilingual(row.attribute_zh, row.attribute_en),
            latest_cell(row, year),
            target_cell(row),
            num(row.remaining_years),
            rate(row, "required_cagr_remaining_pct", "required_annual_change_remaining"),
            rate(row, "actual_cagr_pct", "actual_annual_change"),
            rate(row, "best_annual_growth_pct", "best_annual_change"),
            num(row.projected_end_value),
            num(row.projected_end_margin),
        ]
        for row in rows.itertuples()
    ]
    rules = "".join(
        f"<li>{warnings.badge(level.code)} {esc(level.rule_zh)} "
        f'<span class="en">{esc(level.rule_en)}</span></li>'
        for level in warnings
    )
    intro = (
        f"按截至{year}年的实际趋势推算{plan.end_year}年末的数值，并给出剩余年份每年所需的速度。"
        '<span class="en">Where the trend achieved so far leads by the end of the plan, and what '
        f'each remaining year requires.</span><ul class="rules">{rules}</ul>'
    )
    if not body_rows:
        body = '<p class="ok">无红色或黄色预警 · No red or yellow warnings.</p>'
    else:
        figures = "".join(
            f"<figure>{warning_chart(row, series, warnings, plan)}"
            f"<figcaption>{warnings.badge(row.warning_level)}</figcaption></figure>"
            for row in rows.itertuples()
        )
        body = table(WARNING_HEADERS, body_rows, numeric=[3, 4, 5, 6, 7, 8, 9, 10])
        body += f'<div class="charts">{figures}</div>'
    return section("warnings", "预警", "Early warning", body, intro)
