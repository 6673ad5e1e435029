"""HTML building blocks: escaping, number formats, tables and the self-contained page shell."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pandas as pd

from orchestration.settings import TIMEZONE
from reports.render.style import CSS


def esc(value: Any) -> str:
    """Text for HTML; None and NaN become an empty string."""
    if is_missing(value):
        return ""
    return html.escape(str(value), quote=True)


def is_missing(value: Any) -> bool:
    """True for None, NaN and pandas NA."""
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def num(value: Any, digits: int | None = None) -> str:
    """A number with thousands separators and at most `digits` decimals; — when missing."""
    if is_missing(value):
        return "—"
    number = float(value)
    if digits is None:
        digits = 0 if abs(number) >= 1000 or number == int(number) else 2
    text = f"{number:,.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text and digits > 0 else text


def pct(value: Any, digits: int = 1) -> str:
    """A share (0.42) as a percent (42.0%); — when missing."""
    return "—" if is_missing(value) else f"{float(value) * 100:.{digits}f}%"


def bilingual(zh: Any, en: Any) -> str:
    """Chinese first, English beneath in a smaller, muted line."""
    english = f'<span class="en">{esc(en)}</span>' if not is_missing(en) and en != "" else ""
    return f'<span class="zh">{esc(zh)}</span>{english}'


def table(
    headers: Sequence[tuple[str, str]],
    rows: Iterable[Sequence[str] | str],
    *,
    numeric: Iterable[int] = (),
    css_class: str = "",
) -> str:
    """A table from (zh, en) headers and rows of escaped cell HTML (a str row is a whole <tr>)."""
    right = set(numeric)
    head = "".join(
        f'<th class="{"num" if i in right else ""}">{bilingual(zh, en)}</th>'
        for i, (zh, en) in enumerate(headers)
    )
    body = "".join(
        row
        if isinstance(row, str)
        else "<tr>"
        + "".join(f'<td class="{"num" if i in right else ""}">{c}</td>' for i, c in enumerate(row))
        + "</tr>"
        for row in rows
    )
    if not body:
        body = f'<tr><td colspan="{len(headers)}" class="empty">无记录 · None</td></tr>'
    return (
        f'<div class="scroll"><table class="{css_class}"><thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table></div>"
    )


def section(anchor: str, zh: str, en: str, body: str, intro: str = "") -> str:
    """A numbered report section with a bilingual heading."""
    lead = f'<p class="intro">{intro}</p>' if intro else ""
    return (
        f'<section id="{esc(anchor)}"><h2>{esc(zh)} <span class="en">{esc(en)}</span></h2>'
        f"{lead}{body}</section>"
    )


def synthetic_banner(files: int) -> str:
    """A banner on every page built from files marked as synthetic samples; none otherwise."""
    if not files:
        return ""
    return (
        '<div class="synthetic" role="note"><b>示例数据（合成） SYNTHETIC DATA</b> '
        f"本页数据含 {files} 份标注为合成示例的报送文件，不是真实统计数据，不得作为决策依据。"
        f'<span class="en">{files} of the files behind this page are marked as synthetic '
        "sample data: the figures are made up and must not be used as real statistics.</span></div>"
    )


def page(title: str, header: str, body: str, footer: str, synthetic: int = 0) -> str:
    """A complete HTML document: inline CSS, no scripts, no external requests; a SYNTHETIC
    banner under the header when `synthetic` files marked as samples are behind it."""
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title><style>{CSS}</style></head>"
        f'<body><header class="masthead">{header}</header>{synthetic_banner(synthetic)}'
        f"<main>{body}</main><footer>{footer}</footer></body></html>\n"
    )


def stamp(moment: datetime | None) -> str:
    """A timestamp as YYYY-MM-DD HH:MM in Asia/Shanghai, or — when missing: an aware time is
    converted, a naive one is the raw layer's Beijing time already."""
    if moment is None or is_missing(moment):
        return "—"
    if moment.tzinfo is not None:
        moment = moment.astimezone(ZoneInfo(TIMEZONE))
    return moment.strftime("%Y-%m-%d %H:%M")


def group_row(zh: str, en: str, columns: int) -> str:
    """A full-width row that heads a group of rows (e.g. an indicator category)."""
    label = f'{esc(zh)} <span class="en">{esc(en)}</span>'
    return f'<tr class="group"><td colspan="{columns}">{label}</td></tr>'
