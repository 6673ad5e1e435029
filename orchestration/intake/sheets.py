"""One sheet: find its header below any title rows, check the header, collect its data rows."""

from __future__ import annotations

from dataclasses import dataclass, field

from orchestration.intake import headers, rows, units
from orchestration.intake.datasets.registry import DATASETS
from orchestration.intake.reading import Sheet
from orchestration.intake.rules import Issue, issue

# Sheets a template carries besides the data sheet; never read as data.
AUXILIARY = ("说明", "填报说明", "代码表", "instructions", "codes")


@dataclass
class ParsedSheet:
    """A sheet's header (if any), its data rows as records with their cells, and sheet issues."""

    header: headers.Header | None = None
    records: list[rows.Record] = field(default_factory=list)
    cells: list[list[object]] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)


def header_issues(sheet: str | None, header: headers.Header) -> list[Issue]:
    """Blocking problems of a header row (missing, repeated or unconvertible columns) and
    warnings for the columns that will be ignored."""
    at = {"sheet": sheet, "row": header.excel_row}
    found = [issue("duplicate_column", column=c, **at) for c in header.duplicates]
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
    found += [issue("extra_column_ignored", column=header.labels[i], **at) for i in header.extras]
    return found


def read_sheet(sheet: Sheet) -> ParsedSheet:
    """Header, data rows and sheet-level issues; blank and footnote rows are not data."""
    name = sheet.name
    if (name or "").strip().lower().startswith(AUXILIARY):
        return ParsedSheet()
    if sheet.hidden:
        return ParsedSheet(issues=[issue("hidden_sheet_ignored", sheet=name)] if sheet.rows else [])
    header = headers.find_header(sheet.rows, DATASETS.values())
    if header is None:
        return ParsedSheet(issues=[issue("sheet_ignored", sheet=name)] if sheet.rows else [])
    parsed = ParsedSheet(header, issues=header_issues(name, header))
    for number, cells in sheet.rows:
        if number <= header.excel_row:
            continue
        kind = rows.kind(header, cells)
        if kind == "total":
            parsed.issues.append(issue("total_row_ignored", sheet=name, row=number))
        elif kind == "data":
            parsed.records.append(rows.new_record(header, name, number, cells))
            parsed.cells.append(cells)
    return parsed
