"""Writing report tables to xlsx so that no cell ever starts a formula from submitted text.

Column headers are the marts' own bilingual column comments ("中文 — English"), read from
the published file (reports.data.Marts.labels), so a label is declared once, in the dbt yml.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import xlsxwriter
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from orchestration import cells

NUMBER = "#,##0.00"
SHARE = "0.0%"
Labels = Mapping[str, tuple[str, str]]


def neutralise(text: str) -> str:
    """Text that cannot be taken for a formula (the one rule of orchestration.cells)."""
    return cells.neutralise(text)[0]


@dataclass(frozen=True)
class Column:
    """One column of a sheet: the frame column (its header comes from the labels), width, format."""

    key: str
    width: float = 14
    number_format: str = ""


def open_workbook(path: Path) -> Workbook:
    """A workbook that writes every string as a string (never as a formula, URL or number)."""
    return xlsxwriter.Workbook(
        str(path),
        {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False},
    )


def plain(value: Any) -> Any:
    """A numpy/Decimal scalar as the Python int, float or bool it stands for."""
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, np.generic):
        return value.item()
    return value


def write_cell(sheet: Worksheet, row: int, col: int, value: Any, fmt: Any = None) -> None:
    """Numbers as numbers, booleans as booleans, everything else as neutralised text."""
    value = plain(value)
    if value is None or (not isinstance(value, str) and bool(pd.isna(value))):
        sheet.write_blank(row, col, None, fmt)
    elif isinstance(value, bool):
        sheet.write_boolean(row, col, value, fmt)
    elif isinstance(value, int | float):
        sheet.write_number(row, col, value, fmt)
    elif isinstance(value, datetime):
        sheet.write_string(row, col, value.strftime("%Y-%m-%d %H:%M:%S"), fmt)
    elif isinstance(value, date):
        sheet.write_string(row, col, value.isoformat(), fmt)
    else:
        sheet.write_string(row, col, neutralise(str(value)), fmt)


def header_text(column: Column, labels: Labels) -> str:
    """The two-line header of a column; a column without a label is a programming error."""
    if column.key not in labels:
        raise KeyError(f"no label for column {column.key!r}: it has no comment in the marts")
    zh, en = labels[column.key]
    return f"{zh}\n{en}" if en else zh


def write_table(
    book: Workbook,
    name: str,
    frame: pd.DataFrame,
    columns: Sequence[Column],
    labels: Labels,
    *,
    title: str = "",
) -> Worksheet:
    """A sheet: optional title, bilingual header row (frozen, filtered), then the rows."""
    sheet = book.add_worksheet(name)
    head = book.add_format(
        {
            "bold": True,
            "bg_color": "#F3EFE8",
            "text_wrap": True,
            "valign": "top",
            "border": 1,
            "border_color": "#D9D2C5",
        }
    )
    top = 0
    if title:
        sheet.write_string(
            0, 0, neutralise(title), book.add_format({"bold": True, "font_size": 13})
        )
        top = 2
    formats = {
        c.number_format: book.add_format({"num_format": c.number_format})
        for c in columns
        if c.number_format
    }
    headers = [header_text(column, labels) for column in columns]
    for col, (column, text) in enumerate(zip(columns, headers, strict=True)):
        sheet.write_string(top, col, text, head)
        sheet.set_column(col, col, column.width, formats.get(column.number_format))
    lines = [header_lines(text, c.width) for text, c in zip(headers, columns, strict=True)]
    sheet.set_row(top, 15 * max([*lines, 2]))
    values = frame.reindex(columns=[c.key for c in columns]).astype(object)
    for r, record in enumerate(values.itertuples(index=False), start=top + 1):
        for col, value in enumerate(record):
            write_cell(sheet, r, col, value, formats.get(columns[col].number_format))
    sheet.freeze_panes(top + 1, 0)
    if columns:
        sheet.autofilter(top, 0, top + max(len(values), 1), len(columns) - 1)
    return sheet


def header_lines(text: str, width: float) -> int:
    """Lines a wrapped header takes in a column `width` characters wide (CJK count double)."""
    return sum(
        max(1, math.ceil(sum(2 if ord(ch) > 0x2E7F else 1 for ch in line) / max(width, 1)))
        for line in text.split("\n")
    )
