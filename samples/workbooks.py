"""Deterministic writers for templates and sample submissions (same input, same bytes)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import xlsxwriter

FIXED_TIME = dt.datetime(2021, 1, 1)
SYNTHETIC = "示例数据（合成）/ SYNTHETIC SAMPLE DATA"


@dataclass
class SheetSpec:
    """One sheet to write: title rows, a header row, data rows, column widths and formats."""

    name: str
    header: Sequence[str]
    rows: Sequence[Sequence[Any]] = ()
    titles: Sequence[str | tuple[str, ...]] = ()  # a tuple: one cell each, not merged
    footnotes: Sequence[str] = ()
    widths: Sequence[int] = ()
    percent_columns: Sequence[int] = ()
    date_columns: dict[int, str] = field(default_factory=dict)
    validations: dict[int, dict[str, Any]] = field(default_factory=dict)


def write_xlsx(path: Path, sheets: Sequence[SheetSpec]) -> None:
    """Write a workbook whose bytes depend only on its content (fixed document times)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    book = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_urls": False})
    book.set_properties({"created": FIXED_TIME, "author": "planwatch"})
    bold = book.add_format(
        {"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#DDEBF7"}
    )
    title = book.add_format({"bold": True, "font_size": 12})
    percent = book.add_format({"num_format": "0.0%"})
    formats = {
        "yyyy-mm": book.add_format({"num_format": "yyyy-mm"}),
        "yyyy-mm-dd": book.add_format({"num_format": "yyyy-mm-dd"}),
    }
    for spec in sheets:
        ws = book.add_worksheet(spec.name)
        for col, width in enumerate(spec.widths):
            ws.set_column(col, col, width)
        for r, text in enumerate(spec.titles):
            if isinstance(text, tuple):
                ws.write_row(r, 0, list(text), bold)
            elif len(spec.header) > 1:
                ws.merge_range(r, 0, r, len(spec.header) - 1, text, title)
            else:
                ws.write_string(r, 0, text, title)
        top = len(spec.titles)
        ws.write_row(top, 0, list(spec.header), bold)
        for r, row in enumerate(spec.rows, top + 1):
            for c, value in enumerate(row):
                if value is None:
                    continue
                if c in spec.percent_columns and isinstance(value, int | float):
                    ws.write_number(r, c, value, percent)
                elif isinstance(value, dt.date):
                    fmt = formats[spec.date_columns.get(c, "yyyy-mm-dd")]
                    ws.write_datetime(r, c, dt.datetime(value.year, value.month, value.day), fmt)
                else:
                    ws.write(r, c, value)
        bottom = top + len(spec.rows) + 1
        for r, text in enumerate(spec.footnotes, bottom + 1):
            ws.write_string(r, 0, text)
        for c, rule in spec.validations.items():
            ws.data_validation(top + 1, c, top + 500, c, rule)
        ws.freeze_panes(top + 1, 0)
    book.close()


def write_csv(
    path: Path,
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    comment: str | None = SYNTHETIC,
    encoding: str = "utf-8",
    bom: bool = False,
) -> None:
    """Write a CSV with an optional first comment line (a title row for intake)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.StringIO()
    if comment:
        buffer.write(f"# {comment}\n")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([["" if v is None else v for v in row] for row in rows])
    data = buffer.getvalue().encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
