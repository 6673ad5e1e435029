"""Inline SVG charts: an indicator's actual values against its planned path."""

from __future__ import annotations

import math
from collections.abc import Sequence

from reports.render.html import esc, num
from reports.render.style import FONT_STACK

PATH_COLOUR = "#9aa3ae"
TARGET_COLOUR = "#a61b1b"
HALO = ' stroke="#fff" stroke-width="3" paint-order="stroke" stroke-linejoin="round"'
Point = tuple[int, float]


def nice_ticks(low: float, high: float, count: int = 4) -> list[float]:
    """Round tick values covering [low, high], which is widened to at least 4% of its magnitude."""
    floor = max(abs(low), abs(high)) * 0.04 or 1.0
    if high - low < floor:
        middle = (high + low) / 2
        low, high = middle - floor / 2, middle + floor / 2
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    start = math.floor(low / step) * step
    return [round(start + i * step, 10) for i in range(math.ceil((high - start) / step - 1e-9) + 1)]


def tick_digits(ticks: list[float]) -> int:
    """The fewest decimals that show every tick exactly."""
    return next((d for d in range(10) if all(round(t, d) == t for t in ticks)), 10)


def svg_open(width: int, height: int, label: str) -> str:
    """The root element of an inline chart, with its own font stack and an accessible name."""
    font = FONT_STACK.replace('"', "'")
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="{esc(label)}" '
        f'font-family="{font}" font-size="11">'
    )


def line_chart(
    title_zh: str,
    title_en: str,
    unit: str,
    actual: Sequence[Point],
    planned: Sequence[Point],
    years: Sequence[int],
    *,
    target: float | None = None,
    evaluation_year: int | None = None,
    colour: str = "#2e8b57",
    projection: Sequence[Point] = (),
    projection_colour: str = PATH_COLOUR,
) -> str:
    """A small chart: actual values (solid, dots) against the planned path (dashed) and target.

    A projection (the latest value and the end-year value the marts project from it) is drawn
    dotted in its warning colour.
    """
    width, height, left, right, top, bottom = 380, 210, 52, 76, 44, 26
    values = [v for _, v in [*actual, *planned, *projection]]
    values += [target] if target is not None else []
    head = svg_open(width, height, f"{title_zh} {title_en}")
    title = (
        f'<text x="6" y="16" font-size="13.5" font-weight="700" fill="#1f2328">'
        f"{esc(title_zh)}</text>"
        f'<text x="6" y="31" font-size="10.5" fill="#667085">{esc(title_en)}'
        f"{' · ' + esc(unit) if unit else ''}</text>"
    )
    if not values:
        return (
            f'{head}{title}<text x="{width / 2}" y="{height / 2 + 14}" text-anchor="middle" '
            f'fill="#9ca3af" font-size="13">暂无数据 · No data yet</text></svg>'
        )
    headroom = (max(values) - min(values)) * 0.12  # room above the top point for its label
    ticks = nice_ticks(min(values), max(values) + headroom)
    digits = tick_digits(ticks)
    y_low, y_high = ticks[0], ticks[-1]
    x_first, x_last = years[0], years[-1]

    def x(year: float) -> float:
        return left + (year - x_first) / max(x_last - x_first, 1) * (width - left - right)

    def y(value: float) -> float:
        return top + (y_high - value) / (y_high - y_low) * (height - top - bottom)

    parts = [head, title]
    for tick in ticks:
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" '
            f'stroke="#ebe7e0"/><text x="{left - 5}" y="{y(tick) + 3.5:.1f}" text-anchor="end" '
            f'fill="#667085" font-size="10">{num(tick, digits)}</text>'
        )
    for year in years:
        parts.append(
            f'<text x="{x(year):.1f}" y="{height - 8}" text-anchor="middle" fill="#667085" '
            f'font-size="10">{year}</text>'
        )
    if evaluation_year is not None and x_first <= evaluation_year <= x_last:
        parts.append(
            f'<rect x="{x(evaluation_year) - 9:.1f}" y="{top - 4}" width="18" '
            f'height="{height - top - bottom + 4}" fill="#a61b1b" opacity="0.06"/>'
        )
    parts.append(_series(planned, x, y, PATH_COLOUR, dashed=True, label="规划路径"))
    if target is not None:
        tx, ty = x(x_last), y(target)
        parts.append(
            f'<path d="M{tx:.1f} {ty - 6:.1f} l6 6 l-6 6 l-6 -6 z" fill="{TARGET_COLOUR}"/>'
            f'<text x="{tx + 9:.1f}" y="{ty + 4:.1f}" fill="{TARGET_COLOUR}" '
            f'font-size="10.5"{HALO}>'
            f"目标 {num(target)}</text>"
        )
    parts.append(_projection(projection, x, y, projection_colour))
    parts.append(_series(actual, x, y, colour, dashed=False, label="实际"))
    return "".join(parts) + "</svg>"


def _projection(points: Sequence[Point], x, y, colour: str) -> str:
    """The projected line, dotted, with the projected end value labelled at its end."""
    if len(points) < 2:
        return ""
    coords = " ".join(f"{x(year):.1f},{y(value):.1f}" for year, value in points)
    year, value = points[-1]
    return (
        f'<polyline class="projection" points="{coords}" fill="none" stroke="{colour}" '
        f'stroke-width="2" stroke-dasharray="2 3"/>'
        f'<circle cx="{x(year):.1f}" cy="{y(value):.1f}" r="3" fill="{colour}">'
        f"<title>{year}: {num(value)}</title></circle>"
        f'<text x="{x(year) + 9:.1f}" y="{y(value) + 16:.1f}" fill="{colour}" '
        f'font-size="10.5"{HALO}>预测 {num(value)}</text>'
    )


def _series(points: Sequence[Point], x, y, colour: str, *, dashed: bool, label: str) -> str:
    """One polyline with dots (actual) or dashes (planned), labelled at its last point."""
    if not points:
        return ""
    coords = " ".join(f"{x(year):.1f},{y(value):.1f}" for year, value in points)
    dash = ' stroke-dasharray="5 4"' if dashed else ""
    out = f'<polyline points="{coords}" fill="none" stroke="{colour}" stroke-width="2.2"{dash}/>'
    if not dashed:
        out += "".join(
            f'<circle cx="{x(year):.1f}" cy="{y(value):.1f}" r="3.4" fill="#fff" '
            f'stroke="{colour}" stroke-width="2"><title>{year}: {num(value)}</title></circle>'
            for year, value in points
        )
        year, value = points[-1]
        out += (
            f'<text x="{x(year) - 6:.1f}" y="{y(value) - 8:.1f}" text-anchor="end" fill="{colour}" '
            f'font-size="10.5" font-weight="700"{HALO}>{esc(label)} {num(value)}</text>'
        )
    return out
