"""Typing one data row of each dataset into the columns of its raw table."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from orchestration.intake import coerce, dates, units
from orchestration.intake.coerce import CoerceError, text
from orchestration.intake.headers import Header
from orchestration.intake.parsers import MONEY, Context, indicator_value, key, money, region
from orchestration.intake.rows import Record, cell, note, parse_field
from orchestration.intake.rules import issue


def _warn_owner(ctx: Context, rec: Record, code: str | None, owner: str | None) -> None:
    if code and owner and owner != ctx.department:
        rec.issues.append(
            issue(
                "unexpected_department", sheet=rec.sheet, row=rec.excel_row, code=code, owner=owner
            )
        )


def indicator_row(ctx: Context, rec: Record, h: Header, cells: list[Any]) -> None:
    """indicator_code, region_code, year, value (catalogue unit), unit, note."""
    code = key(ctx, rec, h, cells, "indicator")
    catalogue = ctx.ref.indicators.get(code or "")
    unit_cell = cell(h, cells, "unit")
    given = None if coerce.is_blank(unit_cell) else text(unit_cell)

    def parse_value(value: object) -> Any:
        q = coerce.quantity(value)
        if q.unit and given and q.unit != given and not _same_unit(q.unit, given):
            raise CoerceError("unit_conflict", unit=q.unit, other=given)
        written = q.unit or given or h.units.get("value")
        if catalogue is None:
            return q.value
        return indicator_value(q, written, catalogue.unit)

    rec.values = {
        "indicator_code": code,
        "region_code": region(ctx, rec, h, cells),
        "year": parse_field(rec, h, "year", cells, coerce.year),
        "value": parse_field(rec, h, "value", cells, parse_value),
        "unit": catalogue.unit if catalogue else None,
        "note": note(rec, h, cells),
    }
    _warn_owner(ctx, rec, code, catalogue.department_code if catalogue else None)


def _same_unit(a: str, b: str) -> bool:
    return units.canonical_unit(a) is not None and units.canonical_unit(a) == units.canonical_unit(
        b
    )


def _status(ctx: Context, value: object) -> str:
    codes = ctx.ref.resolve("status", text(value))
    if len(codes) != 1:
        allowed = "、".join(f"{name}({code})" for code, name in ctx.ref.statuses.items())
        raise CoerceError("unknown_status", allowed=allowed)
    return next(iter(codes))


def project_row(ctx: Context, rec: Record, h: Header, cells: list[Any]) -> None:
    """project_code, report_month, status_code, investments (万元), start/completion dates, note."""
    code = key(ctx, rec, h, cells, "project")
    amounts = {
        name: parse_field(rec, h, name, cells, lambda v, n=name: money(v, h.units.get(n), MONEY[n]))
        for name in ("total_investment", "period_investment", "cumulative_investment")
    }
    rec.values = {
        "project_code": code,
        "report_month": parse_field(rec, h, "report_month", cells, dates.report_month),
        "status_code": parse_field(rec, h, "status_code", cells, lambda v: _status(ctx, v)),
        **amounts,
        "start_date": parse_field(rec, h, "start_date", cells, dates.calendar_date),
        "completion_date": parse_field(rec, h, "completion_date", cells, dates.calendar_date),
        "note": note(rec, h, cells),
    }
    _warn_owner(ctx, rec, code, ctx.ref.project_departments.get(code or ""))


def sector_row(ctx: Context, rec: Record, h: Header, cells: list[Any]) -> None:
    """sector_code, region_code, year, output_value (亿元), enterprises, note."""
    code = key(ctx, rec, h, cells, "sector")
    rec.values = {
        "sector_code": code,
        "region_code": region(ctx, rec, h, cells),
        "year": parse_field(rec, h, "year", cells, coerce.year),
        "output_value": parse_field(
            rec, h, "output_value", cells, lambda v: money(v, h.units.get("output_value"), "亿元")
        ),
        "enterprises": parse_field(rec, h, "enterprises", cells, coerce.integer),
        "note": note(rec, h, cells),
    }


PARSERS: dict[str, Callable[[Context, Record, Header, list[Any]], None]] = {
    "indicator_values": indicator_row,
    "project_progress": project_row,
    "sector_output": sector_row,
}
