"""Report sections that give the overall picture: the plain-language summary and the charts."""

from __future__ import annotations

import pandas as pd

from orchestration.settings import BASELINE_YEAR, PLAN_END_YEAR
from reports.charts import line_chart
from reports.html import bilingual, esc, is_missing, section
from reports.status import STATUSES, badge, status_of
from reports.summary import summary_sentences, tally


def summary_section(card: pd.DataFrame, year: int) -> str:
    """Plain-language sentences and one tile per status."""
    text = "".join(
        f'<p>{esc(zh)}<span class="en">{esc(en)}</span></p>'
        for zh, en in summary_sentences(card, year)
    )
    tiles = "".join(
        f'<div class="tile" style="--c:{STATUSES[code].colour}"><b>{count}</b>'
        f"<div>{bilingual(STATUSES[code].zh, STATUSES[code].en)}</div></div>"
        for code, count in tally(card).items()
        if code in STATUSES
        and (count or code in ("achieved_early", "ahead", "on_track", "lagging"))
    )
    return section(
        "summary",
        "总体评价",
        "Summary",
        f'<div class="summary">{text}</div><div class="tally">{tiles}</div>',
    )


def charts_section(card: pd.DataFrame, series: dict[str, dict[str, list]], year: int) -> str:
    """One small chart per indicator: actual values against the planned path and the target."""
    years = list(range(BASELINE_YEAR, PLAN_END_YEAR + 1))
    figures = []
    for row in card.itertuples():
        points = series.get(row.indicator_code, {"actual": [], "planned": []})
        target = None if is_missing(row.target_value) else float(row.target_value)
        svg = line_chart(
            f"{row.indicator_seq}. {row.name_zh}",
            str(row.name_en),
            str(row.unit or ""),
            points["actual"],
            points["planned"],
            years,
            target=target,
            evaluation_year=year,
            colour=status_of(row.status_code).colour,
        )
        figures.append(
            f"<figure>{svg}<figcaption>{badge(row.status_code, row.status_zh, row.status_en)}"
            "</figcaption></figure>"
        )
    legend = (
        '<p class="legend"><span class="key" style="border-color:#2e8b57"></span>实际值 Actual'
        '<span class="key" style="border-top-style:dashed;border-color:#9aa3ae"></span>'
        '规划路径 Planned path<span class="key" style="border-color:#a61b1b;width:10px"></span>'
        "2025年目标 Target · 阴影为评估年度 shaded: evaluation year</p>"
    )
    return section(
        "charts",
        "指标走势",
        "Indicators over time",
        legend + f'<div class="charts">{"".join(figures)}</div>',
    )
