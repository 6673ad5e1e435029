"""Dataset-specific typing of one data row: codes resolved, units converted, dates read."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from orchestration.intake import coerce, units
from orchestration.intake.coerce import CoerceError, Quantity, check_formula, text
from orchestration.intake.headers import Header
from orchestration.intake.reference import Reference
from orchestration.intake.rows import Record, cell, parse_field
from orchestration.intake.rules import issue

CODE_LIKE = re.compile(r"[A-Za-z0-9_.-]+")
MONEY = {
    "total_investment": "万元",
    "period_investment": "万元",
    "cumulative_investment": "万元",
    "output_value": "亿元",
}


@dataclass
class Context:
    """What parsing a row needs besides the row: reference data, department, default region."""

    ref: Reference
    department: str
    default_region: str


def _hint(ref: Reference, kind: str, spelling: str) -> dict[str, str]:
    names = {"indicator": ref.indicators, "project": ref.projects, "sector": ref.sectors}[kind]
    codes = ref.suggest(kind, spelling)
    shown = "、".join(f"{c} {getattr(names[c], 'name_zh', names[c])}" for c in codes if c in names)
    return (
        {"hint_zh": f"（是否为：{shown}？）", "hint_en": f" (did you mean: {shown}?)"}
        if shown
        else {}
    )


def resolve(ctx: Context, kind: str, spelling: object, *, as_code: bool) -> str:
    """A code: code-like text is kept for the suite to check, a name is looked up."""
    value = text(spelling)
    check_formula(value)
    if as_code and CODE_LIKE.fullmatch(value):
        return value.upper() if kind != "sector" else value.lower()
    codes = ctx.ref.resolve(kind, value)
    if len(codes) == 1:
        return next(iter(codes))
    if len(codes) > 1 and kind == "project":
        raise CoerceError("ambiguous_project_name", codes="、".join(sorted(codes)))
    raise CoerceError(f"unknown_{kind}", **_hint(ctx.ref, kind, value))


def money(value: object, header_unit: str | None, target: str) -> Decimal:
    """An amount in target (万元 or 亿元), from the unit written after it or in the header."""
    q = coerce.quantity(value)
    if q.percent:
        raise CoerceError("not_a_number")
    unit = units.canonical_unit(q.unit or header_unit) if (q.unit or header_unit) else target
    converted = units.convert(q.value, unit, target) if unit else None
    if converted is None:
        raise CoerceError("unit_not_convertible", unit=q.unit or header_unit, target=target)
    return converted


def indicator_value(q: Quantity, given: str | None, target: str) -> Decimal:
    """The value in the catalogue unit; for % a bare number in (-1, 1] is ambiguous (0.61?)."""
    canon = units.canonical_unit(given)
    if target == "%":
        if q.percent:
            if given is not None and canon != "%":
                raise CoerceError("unit_conflict", unit="%", other=given)
            return q.value
        if given is None or canon == "%":
            if 0 < abs(q.value) <= 1:
                raise CoerceError("percent_ambiguous")
            return q.value
        if canon == "小数":
            return q.value * 100
        raise CoerceError("unit_not_convertible", unit=given, target=target)
    if q.percent:
        raise CoerceError("unit_not_convertible", unit="%", target=target)
    if given is None or canon == target or units.unit_key(given) == units.unit_key(target):
        return q.value
    converted = units.convert(q.value, canon, target) if canon else None
    if converted is None:
        raise CoerceError("unit_not_convertible", unit=given, target=target)
    return converted


def key(ctx: Context, rec: Record, h: Header, cells: list[Any], kind: str) -> str | None:
    """The row's code from the code column, else from the name column; both must agree."""
    code_field, name_field = f"{kind}_code", f"{kind}_name"
    found = parse_field(rec, h, code_field, cells, lambda v: resolve(ctx, kind, v, as_code=True))
    if name_field not in h.columns or coerce.is_blank(cell(h, cells, name_field)):
        return found
    if found is None and not any(i.field == code_field for i in rec.issues):
        return parse_field(
            rec, h, name_field, cells, lambda v: resolve(ctx, kind, v, as_code=False)
        )
    named = ctx.ref.resolve(kind, text(cell(h, cells, name_field)))
    if found and named and found not in named:
        label = h.labels[h.columns[name_field]]
        rec.issues.append(
            issue(
                "code_name_mismatch",
                sheet=rec.sheet,
                row=rec.excel_row,
                column=label,
                field=code_field,
                code=found,
                value=text(cell(h, cells, name_field)),
            )
        )
    return found


def region(ctx: Context, rec: Record, h: Header, cells: list[Any]) -> str:
    """The region code given, or the default region when the column is absent or blank."""
    found = parse_field(rec, h, "region_code", cells, lambda v: check_formula(text(v)) or text(v))
    return found or ctx.default_region
