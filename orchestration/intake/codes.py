"""Codes of a submitted row resolved against the reference data: indicator, project, sector,
region and status, from a code or a name, with suggestions for unknown names."""

from __future__ import annotations

import re
from typing import Any

from orchestration.intake import coerce
from orchestration.intake.coerce import CoerceError, check_formula, text
from orchestration.intake.headers import Header
from orchestration.intake.reference import Reference
from orchestration.intake.rows import Context, Record, cell, flag, parse_field
from orchestration.intake.rules import issue

CODE_LIKE = re.compile(r"[A-Za-z0-9_.-]+")


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
    """The row's region: its 行政区划代码 cell, else the region folder, else the default
    region; a cell that disagrees with the region folder is an error (region_mismatch)."""
    found = parse_field(rec, h, "region_code", cells, lambda v: check_formula(text(v)) or text(v))
    folder = ctx.folder_region
    if found and folder and found != folder:
        named = ctx.ref.regions.get(folder)
        flag(
            rec,
            h,
            "region_code",
            "region_mismatch",
            value=found,
            folder=folder,
            folder_name=named.name_zh if named else "",
            folder_name_en=named.name_en if named else "",
        )
    return found or ctx.region


def status(ctx: Context, value: object) -> str:
    """A project status code from any of its names or aliases."""
    codes = ctx.ref.resolve("status", text(value))
    if len(codes) != 1:
        allowed = "、".join(f"{name}({code})" for code, name in ctx.ref.statuses.items())
        raise CoerceError("unknown_status", allowed=allowed)
    return next(iter(codes))


def warn_owner(ctx: Context, rec: Record, code: str | None, owner: str | None) -> None:
    """A warning when the catalogue says another department reports this code."""
    if code and owner and owner != ctx.department:
        rec.issues.append(
            issue(
                "unexpected_department", sheet=rec.sheet, row=rec.excel_row, code=code, owner=owner
            )
        )
