"""Inline SVG horizontal bars: an amount achieved against its whole (investment, a target)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reports.render.charts import svg_open
from reports.render.html import esc, is_missing, num, pct


@dataclass(frozen=True)
class Bar:
    """One row: a label, the amount achieved, the whole, and the share a mart states for it."""

    label: str
    done: float | None
    whole: float | None
    share: float | None = None
    tooltip: str = ""


def shorten(text: str, limit: int) -> str:
    """Text cut to `limit` characters with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def bar_chart(
    bars: Sequence[Bar],
    *,
    title: str,
    done_label: str,
    whole_label: str,
    unit: str,
    share_label: str = "",
    share_digits: int = 1,
    colour: str = "#a61b1b",
    width: int = 1100,
) -> str:
    """Bars of `whole` (pale) with `done` (solid) over them, one row per item, values at the end."""
    row, left, right, top = 22, 260, 170, 40
    height = top + row * max(len(bars), 1) + 16
    scale_max = max([b.whole or 0 for b in bars] + [b.done or 0 for b in bars] + [0]) or 1

    def w(value: float | None) -> float:
        return 0 if value is None else max(value, 0) / scale_max * (width - left - right)

    parts = [
        svg_open(width, height, title),
        f'<text x="0" y="16" font-size="13" font-weight="700" fill="#1f2328">{esc(title)}</text>',
        f'<rect x="{left}" y="24" width="12" height="9" fill="{colour}" opacity="0.18"/>'
        f'<text x="{left + 16}" y="32" fill="#667085">{esc(whole_label)}</text>'
        f'<rect x="{left + 200}" y="24" width="12" height="9" fill="{colour}"/>'
        f'<text x="{left + 216}" y="32" fill="#667085">{esc(done_label)}</text>',
    ]
    for i, bar in enumerate(bars):
        y = top + i * row
        figures = f"{num(bar.done)} / {num(bar.whole)} {unit}"
        if not is_missing(bar.share):
            figures += f"（{share_label}{pct(bar.share, share_digits)}）"
        if bar.done is None and bar.whole is None:
            figures = "未报送 · not reported"
        parts.append(
            f"<g><title>{esc(bar.tooltip or bar.label)}</title>"
            f'<text x="{left - 8}" y="{y + 14}" text-anchor="end" fill="#1f2328">'
            f"{esc(shorten(bar.label, 22))}</text>"
            f'<rect x="{left}" y="{y + 4}" width="{w(bar.whole):.1f}" height="13" rx="2" '
            f'fill="{colour}" opacity="0.18"/>'
            f'<rect x="{left}" y="{y + 4}" width="{w(bar.done):.1f}" height="13" rx="2" '
            f'fill="{colour}"/>'
            f'<text x="{left + max(w(bar.whole), w(bar.done)) + 6:.1f}" y="{y + 14}" '
            f'fill="#3b4049" font-size="10.5">{esc(figures)}</text></g>'
        )
    return "".join(parts) + "</svg>"
