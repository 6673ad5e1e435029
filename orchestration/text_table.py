"""Query results as text a terminal lines up: widths by East Asian Width, not by characters."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any


def display_width(text: str) -> int:
    """Columns `text` takes in a terminal: wide and full-width characters take two."""
    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def cell_text(value: Any) -> str:
    """One value as it is shown: NULL for missing, no float noise, one line."""
    if value is None:
        return "NULL"
    if isinstance(value, float):
        return f"{value:.6g}" if abs(value) < 1e15 else repr(value)
    if isinstance(value, (int, Decimal, date, datetime)):
        return str(value)
    return str(value).replace("\r", " ").replace("\n", " ")


def _numeric(value: Any) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


def _pad(text: str, width: int, right: bool) -> str:
    space = " " * (width - display_width(text))
    return space + text if right else text + space


def render_table(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[str]:
    """Lines of an aligned table: header, rule, one line per row; numbers right-aligned."""
    texts = [[cell_text(value) for value in row] for row in rows]
    widths = [
        max([display_width(name), *(display_width(row[i]) for row in texts)])
        for i, name in enumerate(columns)
    ]
    right = [
        bool(rows) and all(_numeric(r[i]) or r[i] is None for r in rows)
        for i in range(len(columns))
    ]
    lines = ["  ".join(_pad(n, w, r) for n, w, r in zip(columns, widths, right, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    for row in texts:
        lines.append("  ".join(_pad(t, w, r) for t, w, r in zip(row, widths, right, strict=True)))
    return [line.rstrip() for line in lines]
