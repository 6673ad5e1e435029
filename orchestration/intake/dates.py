"""Reporting months and calendar dates in the spellings departments actually use."""

from __future__ import annotations

import datetime as dt
import re

from orchestration.intake.coerce import CoerceError, check_formula, text

_QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_MONTH_PATTERNS = (
    re.compile(r"(?P<y>\d{4})\s*[-/.]\s*(?P<m>\d{1,2})(?:\s*[-/.]\s*\d{1,2})?"),
    re.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月(?:份)?(?:\s*\d{1,2}\s*日)?"),
    re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?:\d{2})?"),
    re.compile(r"(?P<y>\d{4})\s*m(?P<m>\d{1,2})", re.IGNORECASE),
)
_QUARTER_PATTERNS = (
    re.compile(r"(?P<y>\d{4})\s*[-/]?\s*q(?P<q>[1-4])", re.IGNORECASE),
    re.compile(r"(?P<y>\d{4})\s*年\s*(?:第)?\s*(?P<q>[一二三四1-4])\s*季度"),
)
_DATE_PATTERNS = (
    re.compile(r"(?P<y>\d{4})\s*[-/.]\s*(?P<m>\d{1,2})\s*[-/.]\s*(?P<d>\d{1,2})"),
    re.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"),
    re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})"),
)


def _valid(year: int, month: int, day: int = 1) -> dt.date:
    if not 1990 <= year <= 2100:
        raise ValueError(year)
    return dt.date(year, month, day)


def report_month(cell: object) -> dt.date:
    """First day of the reporting month; a quarter (2023Q2, 2023年二季度) means its last month."""
    if isinstance(cell, dt.datetime | dt.date):
        return dt.date(cell.year, cell.month, 1)
    if isinstance(cell, float) and not cell.is_integer():
        raise CoerceError("month_invalid")
    value = text(cell)
    check_formula(value)
    try:
        for pattern in _QUARTER_PATTERNS:
            if match := pattern.fullmatch(value):
                return _valid(int(match["y"]), _QUARTERS[match["q"]] * 3)
        for pattern in _MONTH_PATTERNS:
            if match := pattern.fullmatch(value):
                return _valid(int(match["y"]), int(match["m"]))
    except ValueError as exc:
        raise CoerceError("month_invalid") from exc
    raise CoerceError("month_invalid")


def calendar_date(cell: object) -> dt.date:
    """A calendar date; a month alone (2023-05, 2023年5月) means its first day."""
    if isinstance(cell, dt.datetime | dt.date):
        return dt.date(cell.year, cell.month, cell.day)
    value = text(cell)
    check_formula(value)
    try:
        for pattern in _DATE_PATTERNS:
            if match := pattern.fullmatch(value):
                return _valid(int(match["y"]), int(match["m"]), int(match["d"]))
        for pattern in _MONTH_PATTERNS[:2]:
            if match := pattern.fullmatch(value):
                return _valid(int(match["y"]), int(match["m"]))
    except ValueError as exc:
        raise CoerceError("date_invalid") from exc
    raise CoerceError("date_invalid")
