"""Report sections that list the indicators: the scorecard and the binding indicators."""

from __future__ import annotations

from typing import Any

import pandas as pd

from reports.plans import Plan
from reports.render.badges import Statuses
from reports.render.html import bilingual, esc, group_row, is_missing, num, pct, section, table


def target_cell(row: Any) -> str:
    """The target in force (with the original when amended), the annual rate, the text of a
    qualitative target, or why there is none."""
    if getattr(row, "target_kind", None) == "qualitative":
        return esc(row.target_text) + '<span class="en">qualitative</span>'
    amendment = getattr(row, "target_amendment_no", None)
    if not is_missing(amendment) and not is_missing(row.target_value):
        return (
            num(row.target_value)
            + f'<span class="en">调整后 amended; 原定 original {num(row.original_target_value)}'
            "</span>"
        )
    if row.path_type == "annual_rate" and not is_missing(row.target_annual_rate):
        return f"年均 {num(row.target_annual_rate)}%" + '<span class="en">per year</span>'
    if is_missing(row.target_value):
        pending = row.target_status == "pending_province"
        return bilingual("待省下达", "pending") if pending else "—"
    return num(row.target_value)


def latest_cell(row: Any, year: int) -> str:
    """The latest value, with its year when it is older than the evaluation year."""
    if is_missing(row.latest_value):
        return "—"
    when = "" if row.latest_year == year else f'<span class="en">{int(row.latest_year)}年</span>'
    return num(row.latest_value) + when


def yoy_note(row: Any) -> str:
    """同比 beneath the latest value, where the mart gives one (levels, not % or rates)."""
    growth = getattr(row, "yoy_growth_pct", None)
    if is_missing(growth):
        return ""
    return f'<span class="en yoy">同比 YoY {float(growth):+.1f}%</span>'


def share_cell(row: Any, statuses: Statuses) -> str:
    """Share of the planned change achieved, a bar, and the share expected by now."""
    share = row.share_of_planned_change_achieved
    if is_missing(share):
        return "—"
    width = max(0.0, min(float(share), 1.0)) * 100
    colour = statuses.of(row.status_code).colour
    expected = (
        ""
        if is_missing(row.expected_share_of_planned_change)
        else f'<span class="en">预期 {pct(row.expected_share_of_planned_change)}</span>'
    )
    return (
        f'{pct(share)}<span class="bar" style="--c:{colour}">'
        f'<span style="width:{width:.0f}%"></span></span>{expected}'
    )


def indicator_cell(row: Any) -> str:
    """Name in Chinese and English with the indicator code."""
    return (
        f"{bilingual(row.indicator_name_zh, row.indicator_name_en)}"
        f'<span class="code">{esc(row.indicator_code)}</span>'
    )


def cagr_cell(row: Any) -> str:
    """Required compound annual growth, and beneath it the growth achieved, in percent."""
    if is_missing(row.required_cagr_pct) and is_missing(row.actual_cagr_pct):
        return "—"
    required, actual = (
        "—" if is_missing(v) else f"{num(v, 1)}%"
        for v in (row.required_cagr_pct, row.actual_cagr_pct)
    )
    return f'需 {required}<span class="en">实 {actual}</span>'


def status_cell(row: Any, statuses: Statuses, warnings: Statuses | None) -> str:
    """The status badge, and beside it the early-warning badge where the row has an outlook."""
    badge = statuses.badge(row.status_code)
    level = getattr(row, "warning_level", None)
    if warnings is None or is_missing(level):
        return badge
    return f'{badge}<span class="warning">{warnings.badge(level)}</span>'


def scorecard_headers(plan: Plan) -> list[tuple[str, str]]:
    """The scorecard's column headings, with the plan's baseline and target years."""
    return [
        ("序号", "No."),
        ("指标", "Indicator"),
        ("单位", "Unit"),
        ("属性", "Type"),
        (f"{plan.baseline_year}年基期值", f"Baseline {plan.baseline_year}"),
        (f"{plan.end_year}年目标值", f"Target {plan.end_year}"),
        ("最新值 · 同比", "Latest · year-on-year"),
        ("预期值", "Expected"),
        ("完成进度", "Share of change achieved"),
        ("年均增速", "CAGR needed / actual"),
        ("状态 · 预警", "Status · warning"),
    ]


def scorecard_section(
    card: pd.DataFrame,
    statuses: Statuses,
    year: int,
    plan: Plan,
    warnings: Statuses | None = None,
) -> str:
    """The plan's indicators by category: baseline, target, latest, expected, share, status,
    warning."""
    headers = scorecard_headers(plan)
    rows: list[Any] = []
    groups = card.groupby(["category_zh", "category_en"], sort=False) if not card.empty else []
    for (zh, en), group in groups:
        rows.append(group_row(zh, en, len(headers)))
        rows += [
            [
                esc(row.indicator_seq),
                indicator_cell(row),
                esc(row.unit),
                bilingual(row.attribute_zh, row.attribute_en),
                num(row.baseline_value),
                target_cell(row),
                latest_cell(row, year) + yoy_note(row),
                num(row.expected_value),
                share_cell(row, statuses),
                cagr_cell(row),
                status_cell(row, statuses, warnings),
            ]
            for row in group.itertuples()
        ]
    intro = (
        f"截至{year}年各项指标的最新值（及其同比增长）、同年规划路径上的预期值及状态。"
        '<span class="en">Each indicator\'s latest value up to the evaluation year (with its '
        "year-on-year growth), the value expected on the planned path in the same year, and the "
        "resulting status.</span>"
    )
    body = table(headers, rows, numeric=[4, 5, 6, 7, 8, 9], css_class="scorecard")
    return section(
        "scorecard", "主要指标计分卡", "Scorecard of the headline indicators", body, intro
    )


def binding_section(card: pd.DataFrame, statuses: Statuses, year: int) -> str:
    """The binding (约束性) indicators on their own, with the limit that applies and the margin."""
    binding = card[card["is_binding"].fillna(False).astype(bool)] if not card.empty else card
    headers = [
        ("指标", "Indicator"),
        ("约束方式", "Constraint"),
        ("单位", "Unit"),
        ("基期值", "Baseline"),
        ("目标值", "Target"),
        ("当年约束值", "Limit this year"),
        ("最新值", "Latest"),
        ("状态", "Status"),
    ]
    rows = [
        [
            indicator_cell(row),
            bilingual(row.path_type_name_zh, row.path_type_name_en),
            esc(row.unit),
            num(row.baseline_value),
            target_cell(row),
            num(row.expected_value),
            latest_cell(row, year),
            statuses.badge(row.status_code),
        ]
        for row in binding.itertuples()
    ]
    intro = (
        "约束性指标是必须完成的刚性要求：不低于下限（不高于上限）即为达标。"
        '<span class="en">Binding indicators are obligations: a floor must not be undershot and a '
        "ceiling not exceeded.</span>"
    )
    body = table(headers, rows, numeric=[3, 4, 5, 6])
    return section("binding", "约束性指标", "Binding indicators", body, intro)
