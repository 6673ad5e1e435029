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
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd
import xlsxwriter
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from orchestration import cells
from orchestration.settings import TIMEZONE

NUMBER = "#,##0.00"
SHARE = "0.0%"
DATE = "yyyy-mm-dd"
DATETIME = "yyyy-mm-dd hh:mm"
A4 = 9
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
    fill_from: str = ""
    """A frame column holding a colour ("#2e8b57") this cell is tinted with (status colours)."""


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
        local = value.astimezone(ZoneInfo(TIMEZONE)) if value.tzinfo else value
        sheet.write_datetime(row, col, local.replace(tzinfo=None), fmt)
    elif isinstance(value, date):
        sheet.write_datetime(row, col, datetime(value.year, value.month, value.day), fmt)
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
    values = frame.reindex(columns=[c.key for c in columns]).astype(object)
    dated = [c for c in columns if not c.number_format and is_dated(values[c.key])]
    formats |= {c.key: book.add_format({"num_format": date_format(values[c.key])}) for c in dated}
    tints: dict[tuple[str, str], Any] = {}
    headers = [header_text(column, labels) for column in columns]
    keyed = [formats.get(c.key) or formats.get(c.number_format) for c in columns]
    for col, (column, text) in enumerate(zip(columns, headers, strict=True)):
        sheet.write_string(top, col, text, head)
        sheet.set_column(col, col, column.width, keyed[col])
    lines = [header_lines(text, c.width) for text, c in zip(headers, columns, strict=True)]
    sheet.set_row(top, 15 * max([*lines, 2]))
    fills = frame.reindex(columns=sorted({c.fill_from for c in columns if c.fill_from}))
    for r, record in enumerate(values.itertuples(index=False)):
        for col, value in enumerate(record):
            fmt = keyed[col]
            source = columns[col].fill_from
            if source and isinstance(colour := fills[source].iloc[r], str) and colour:
                fmt = tints.setdefault(
                    (source, colour), book.add_format({"bg_color": colour, "font_color": "#FFFFFF"})
                )
            write_cell(sheet, r + top + 1, col, value, fmt)
    sheet.freeze_panes(top + 1, 0)
    if columns:
        sheet.autofilter(top, 0, top + max(len(values), 1), len(columns) - 1)
    print_setup(sheet, top)
    return sheet


def print_setup(sheet: Worksheet, header_row: int) -> None:
    """A4 landscape, one page wide, the header row (and title) repeated on every page."""
    sheet.set_paper(A4)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(0, header_row)
    sheet.set_footer("&C&P / &N")


def is_dated(column: pd.Series) -> bool:
    """True when every value present is a date or a time (such a column gets a date format)."""
    present = [plain(v) for v in column if v is not None and not pd.isna(v)]
    return bool(present) and all(isinstance(v, date) for v in present)


def date_format(column: pd.Series) -> str:
    """yyyy-mm-dd for dates, yyyy-mm-dd hh:mm when some value has a time of day."""
    timed = any(isinstance(plain(v), datetime) for v in column if v is not None and not pd.isna(v))
    return DATETIME if timed else DATE


def header_lines(text: str, width: float) -> int:
    """Lines a wrapped header takes in a column `width` characters wide (CJK count double)."""
    return sum(
        max(1, math.ceil(sum(2 if ord(ch) > 0x2E7F else 1 for ch in line) / max(width, 1)))
        for line in text.split("\n")
    )
