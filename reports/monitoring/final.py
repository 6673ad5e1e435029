"""The final (总结) edition's first section: each target completed or not, with its margin."""

from __future__ import annotations

from typing import Any

import pandas as pd

from reports.render.html import bilingual, esc, is_missing, num, section, table

HEADERS = [
    ("序号", "No."),
    ("指标", "Indicator"),
    ("单位", "Unit"),
    ("属性", "Type"),
    ("期末值", "Final value"),
    ("现行目标", "Target in force"),
    ("原定目标", "Original target"),
    ("差距", "Margin"),
    ("完成情况", "Completion"),
]


def target_text(row: Any) -> str:
    """The target in force, its text when qualitative, and the amendment it comes from."""
    if row.target_kind == "qualitative" or is_missing(row.target_value):
        return esc(row.target_text) if not is_missing(row.target_text) else "—"
    amended = (
        ""
        if is_missing(row.target_amendment_no)
        else f'<span class="en">调整 amendment {int(row.target_amendment_no)}</span>'
    )
    return num(row.target_value) + amended


def completion_cell(row: Any) -> str:
    """已完成 / 未完成 … in bold when not completed."""
    label = bilingual(row.completion_zh, row.completion_en)
    return f"<b>{label}</b>" if row.completion_code == "not_completed" else label


def final_section(final: pd.DataFrame, year: int) -> str:
    """Counts by completion, then every indicator with its final value, targets and margin."""
    if final.empty:
        return section(
            "final",
            "目标完成情况",
            "Targets completed",
            '<p class="note">未发布 · Not published</p>',
        )
    counts = (
        final.groupby(["completion_sort_order", "completion_zh", "completion_en"], sort=True)
        .size()
        .reset_index(name="n")
    )
    tally = "；".join(f"{r.completion_zh} {r.n} 项" for r in counts.itertuples())
    tally_en = "; ".join(f"{str(r.completion_en).lower()} {r.n}" for r in counts.itertuples())
    intro = (
        f"规划期末（{year}年）{len(final)} 项指标：{tally}。"
        f'<span class="en">At the end of the plan ({year}), {len(final)} indicators: '
        f"{tally_en}. A target is completed when the final value reaches the target in force "
        "in the indicator's direction.</span>"
    )
    rows = [
        [
            esc(row.indicator_seq),
            bilingual(row.indicator_name_zh, row.indicator_name_en),
            esc(row.unit),
            bilingual(row.attribute_zh, row.attribute_en),
            num(row.final_value),
            target_text(row),
            num(row.original_target_value),
            num(row.margin),
            completion_cell(row),
        ]
        for row in final.itertuples()
    ]
    body = table(HEADERS, rows, numeric=[4, 6, 7])
    return section("final", "目标完成情况", "Targets completed or not", body, intro)
