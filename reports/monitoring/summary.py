"""The plain-language summary of a scorecard: how many indicators are in each status."""

from __future__ import annotations

import pandas as pd

from reports.render.badges import Status, Statuses
from reports.render.html import bilingual, esc, section

ALWAYS_SHOWN = ("achieved_early", "ahead", "on_track", "lagging")


def tally(card: pd.DataFrame, statuses: Statuses) -> dict[str, int]:
    """Indicators per status code, in display order, every known code present (zero when none)."""
    counts = card["status_code"].value_counts().to_dict() if not card.empty else {}
    return {code: int(counts.get(code, 0)) for code in statuses.codes()} | {
        code: int(n) for code, n in counts.items() if code not in statuses
    }


def _names(card: pd.DataFrame, code: str, column: str) -> list[str]:
    return [str(n) for n in card.loc[card["status_code"] == code, column]]


def summary_sentences(card: pd.DataFrame, statuses: Statuses, year: int) -> list[tuple[str, str]]:
    """(Chinese, English) sentences an official can read aloud."""
    n = {code: 0 for code in (*ALWAYS_SHOWN, "constraint_met", "constraint_violated")}
    n |= {"no_data": 0, "no_target": 0, "no_baseline": 0} | tally(card, statuses)
    binding = int(card["is_binding"].fillna(False).astype(bool).sum()) if not card.empty else 0
    sentences = [
        (
            f"截至{year}年，规划确定的{len(card)}项主要指标中，提前实现{n['achieved_early']}项、"
            f"快于预期{n['ahead']}项、基本符合预期{n['on_track']}项、滞后{n['lagging']}项。",
            f"As of {year}, of the plan's {len(card)} headline indicators {n['achieved_early']} "
            f"have been achieved early, {n['ahead']} are ahead of schedule, {n['on_track']} are "
            f"on track and {n['lagging']} are lagging.",
        ),
        (
            f"{binding}项约束性指标中，约束达标{n['constraint_met']}项、"
            f"约束未达标{n['constraint_violated']}项。",
            f"Of the {binding} binding indicators, {n['constraint_met']} meet their constraint "
            f"and {n['constraint_violated']} do not.",
        ),
    ]
    gaps = n["no_data"] + n["no_target"] + n["no_baseline"]
    if gaps:
        sentences.append(
            (
                f"另有{n['no_data']}项暂无数据、{n['no_target']}项目标待定、"
                f"{n['no_baseline']}项缺少基期值，暂不评价。",
                f"{n['no_data']} have no data yet, {n['no_target']} await a target and "
                f"{n['no_baseline']} lack a baseline, so they are not assessed.",
            )
        )
    for code, zh, en in [
        ("lagging", "需重点关注的滞后指标", "Lagging indicators needing attention"),
        ("constraint_violated", "未达到约束要求的指标", "Binding indicators in breach"),
    ]:
        if n[code]:
            sentences.append(
                (
                    f"{zh}：{'、'.join(_names(card, code, 'indicator_name_zh'))}。",
                    f"{en}: {'; '.join(_names(card, code, 'indicator_name_en'))}.",
                )
            )
    return sentences


def _tile(status: Status, count: int) -> str:
    return (
        f'<div class="tile" style="--c:{esc(status.colour)}"><b>{count}</b>'
        f"<div>{bilingual(status.zh, status.en)}</div></div>"
    )


def summary_section(card: pd.DataFrame, statuses: Statuses, year: int) -> str:
    """Plain-language sentences and one tile per status."""
    text = "".join(
        f'<p>{esc(zh)}<span class="en">{esc(en)}</span></p>'
        for zh, en in summary_sentences(card, statuses, year)
    )
    tiles = "".join(
        _tile(statuses.of(code), count)
        for code, count in tally(card, statuses).items()
        if code in statuses and (count or code in ALWAYS_SHOWN)
    )
    return section(
        "summary",
        "总体评价",
        "Summary",
        f'<div class="summary">{text}</div><div class="tally">{tiles}</div>',
    )
