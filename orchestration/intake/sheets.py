"""One sheet: find its header below any title rows, check the header, collect its data rows."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

from orchestration.intake import headers, rows, units
from orchestration.intake.coerce import CoerceError, text
from orchestration.intake.columns import unplaced_issues
from orchestration.intake.datasets.registry import DATASETS
from orchestration.intake.datasets.spec import CODES_SHEET, HELP_SHEET
from orchestration.intake.dates import calendar_date
from orchestration.intake.layout import find_header
from orchestration.intake.reading import Row, Sheet
from orchestration.intake.rules import Issue, issue


def folded(name: str | None) -> str:
    """A sheet name compared without case, width or extra spaces."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", name or "")).strip().lower()


# Sheets a template carries besides the data sheet, and their usual names elsewhere: never
# read as data (exact names, so that a sheet such as "Codes 2023 数据" is read).
OTHER_AUXILIARY = ("说明", "填报说明", "填表说明", "代码表", "instructions", "codes")
AUXILIARY = {folded(n) for n in (HELP_SHEET, CODES_SHEET, *OTHER_AUXILIARY)}


@dataclass
class ParsedSheet:
    """A sheet's header (if any), its data rows as records with their cells, and sheet issues."""

    header: headers.Header | None = None
    records: list[rows.Record] = field(default_factory=list)
    cells: list[list[object]] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    submitted_on: dt.date | None = None


def header_issues(sheet: str | None, header: headers.Header) -> list[Issue]:
    """Blocking problems of a header (missing, repeated, unconvertible or, over two rows,
    ambiguous columns)."""
    at = {"sheet": sheet, "row": header.excel_row}
    found = [issue("duplicate_column", column=c, **at) for c in header.duplicates]
    found += [
        issue("header_ambiguous", column=label, detail_zh=zh, detail_en=en, **at)
        for label, zh, en in header.ambiguous
    ]
    found += [issue("missing_column", column=c, **at) for c in headers.missing_required(header)]
    for name, unit in header.units.items():
        target = header.spec.field(name).money
        if (
            target
            and units.convert(units.Decimal(1), units.canonical_unit(unit) or "", target) is None
        ):
            label = header.labels[header.columns[name]]
            found.append(
                issue("header_unit_not_convertible", column=label, unit=unit, target=target, **at)
            )
    return found


def data_rows(sheet: Sheet, header: headers.Header) -> tuple[list[Issue], list[Row]]:
    """The rows below the header that are data, and a warning for each total or example row."""
    found, data = [], []
    for number, cells in sheet.rows:
        if number <= header.excel_row:
            continue
        kind = rows.kind(header, cells)
        if kind in ("total", "example"):
            found.append(issue(f"{kind}_row_ignored", sheet=sheet.name, row=number))
        elif kind == "data":
            data.append((number, cells))
    return found, data


def _auxiliary(sheet: Sheet) -> list[Issue]:
    """A warning when a sheet skipped by its name holds what looks like a dataset's rows."""
    header = find_header(sheet.rows, DATASETS.values(), sheet.merged)
    if header is None or headers.missing_required(header) or not data_rows(sheet, header)[1]:
        return []
    return [
        issue(
            "auxiliary_sheet_ignored",
            sheet=sheet.name,
            row=header.excel_row,
            name=sheet.name,
            dataset=header.dataset,
        )
    ]


# A title above the header saying the data are made up (the bundled samples say so this way).
SYNTHETIC_MARK = re.compile(r"SYNTHETIC|示例数据（合成）", re.I)


def title_rows(sheet: Sheet, header: headers.Header) -> Iterator[Row]:
    """The rows above the header (the first of a two-row header): titles, notes, 报送日期."""
    top = header.first_row or header.excel_row
    for number, cells in sheet.rows:
        if number >= top:
            return
        yield number, cells


def synthetic_issues(sheet: Sheet, header: headers.Header) -> list[Issue]:
    """A notice when a title row above the header marks the data as synthetic samples."""
    for number, cells in title_rows(sheet, header):
        if any(isinstance(c, str) and SYNTHETIC_MARK.search(c) for c in cells):
            return [issue("synthetic_sample", sheet=sheet.name, row=number)]
    return []


# The template's 报送日期 field above the header: the label, then ":" and the date in the same
# cell ("报送日期：2024-01-20"), or the label alone with the date in the next filled cell.
SUBMISSION_DATE = re.compile(
    r"(?:(?:报送日期|填报日期)(?:\s*/?\s*submission\s+date)?|submission\s+date)"
    r"\s*(?:[:：]\s*(.*)|$)",
    re.I,
)


def stated_date(sheet: Sheet, header: headers.Header) -> tuple[dt.date | None, list[Issue]]:
    """The submission date a title row above the header states (None if it states none), or
    a warning naming the cell when what it states is not a date."""
    for number, cells in title_rows(sheet, header):
        for index, cell in enumerate(cells):
            match = SUBMISSION_DATE.search(cell) if isinstance(cell, str) else None
            if match is None:
                continue
            rest = [c for c in cells[index + 1 :] if text(c)]
            value = (match.group(1) or "").strip() or (rest[0] if rest else "")
            if not text(value):
                return None, []
            try:
                return calendar_date(value), []
            except CoerceError:
                at = {"sheet": sheet.name, "row": number}
                return None, [issue("submission_date_unreadable", value=text(value), **at)]
    return None, []


def read_sheet(sheet: Sheet) -> ParsedSheet:
    """Header, data rows and sheet-level issues; blank and footnote rows are not data."""
    name = sheet.name
    if folded(name) in AUXILIARY:
        return ParsedSheet(issues=_auxiliary(sheet))
    if sheet.hidden:
        return ParsedSheet(issues=[issue("hidden_sheet_ignored", sheet=name)] if sheet.rows else [])
    header = find_header(sheet.rows, DATASETS.values(), sheet.merged)
    if header is None:
        return ParsedSheet(issues=[issue("sheet_ignored", sheet=name)] if sheet.rows else [])
    totals, data = data_rows(sheet, header)
    submitted_on, date_issues = stated_date(sheet, header)
    parsed = ParsedSheet(
        header,
        issues=header_issues(name, header) + synthetic_issues(sheet, header) + date_issues,
        submitted_on=submitted_on,
    )
    parsed.issues += unplaced_issues(name, header, [cells for _, cells in data]) + totals
    for number, cells in data:
        parsed.records.append(rows.new_record(header, name, number, cells))
        parsed.cells.append(cells)
    return parsed
