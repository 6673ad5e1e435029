"""Indicator values 指标数据: one value of a catalogue indicator for a region and year."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from orchestration.intake import coerce, units
from orchestration.intake.amounts import Amount, indicator_value, parse_amount, same_unit
from orchestration.intake.codes import key, region, warn_owner
from orchestration.intake.coerce import CoerceError, text
from orchestration.intake.datasets.spec import (
    EXAMPLE_NOTE,
    CodeList,
    DatasetSpec,
    Field,
    Template,
    data_table,
)
from orchestration.intake.headers import Header
from orchestration.intake.plausibility import Bound, indicator_range, plan_of_row
from orchestration.intake.reference import Reference
from orchestration.intake.rows import Context, Record, cell, note, parse_field
from orchestration.intake.units import plausible_range

# A value more than ten times its indicator's baseline or target either way is a unit error
# (元 for 万元, 万亩 for 亩), not five years of change.
SPREAD = 10

FIELDS = (
    Field(
        "indicator_code",
        ("指标代码", "指标编号", "指标编码", "indicator code", "indicator id"),
        "指标代码/indicator_code",
        "指标目录中的代码，如 I01，或规划承诺代码，如 CM001（见“代码表”）",
        "catalogue code such as I01, or a plan commitment code such as CM001 (see the Codes sheet)",
        choices="codes",
    ),
    Field(
        "indicator_name",
        ("指标名称", "指标", "指标名", "indicator name", "indicator"),
        "指标名称/indicator_name",
        "指标名称，与代码二选一；都填时须一致",
        "indicator name; either this or the code, and they must agree",
    ),
    Field(
        "year",
        ("年份", "年度", "年", "统计年度", "year"),
        "年份/year",
        "{first}–{last} 的四位年份",
        "four-digit year {first}–{last}",
        choices="years",
    ),
    Field(
        "value",
        ("数值", "指标值", "实际值", "完成值", "value", "actual value"),
        "数值/value",
        "数值；百分比写 61 或 61%，不要写 0.61",
        "the value; write a percentage as 61 or 61%, never 0.61",
    ),
    Field(
        "unit",
        ("单位", "计量单位", "unit"),
        "单位/unit",
        "留空即目录单位；万元/亿元等会自动换算",
        "blank means the catalogue unit; 万元/亿元 etc. are converted",
    ),
    Field(
        "region_code",
        ("行政区划代码", "地区代码", "区划代码", "region code", "region"),
        "行政区划代码/region_code",
        "六位行政区划代码（见“代码表”）；留空即文件所在地区",
        "six-digit region code (see the Codes sheet); blank means the file's region",
        choices="regions",
    ),
    Field(
        "note",
        ("备注", "说明", "note", "notes", "remark", "remarks", "comment"),
        "备注/note",
        "说明数据口径、快报/年报等",
        "notes on definitions, preliminary or final figures",
    ),
)


def parse_row(ctx: Context, rec: Record, h: Header, cells: list[Any]) -> None:
    """indicator_code (or a commitment code), region_code, year, value (catalogue unit, or the
    unit of the commitment in the plan the row belongs to), unit, note."""
    code = key(ctx, rec, h, cells, "indicator")
    region_code = region(ctx, rec, h, cells)
    year = parse_field(rec, h, "year", cells, coerce.year)
    plan = ctx.ref.plan_for(region_code, year) if year else None
    catalogue = ctx.ref.indicators.get(code or "") or (
        plan.commitments.get(code or "") if plan else ctx.ref.commitments.get(code or "")
    )
    unit_cell = cell(h, cells, "unit")
    given = None if coerce.is_blank(unit_cell) else text(unit_cell)

    def parse_value(value: object) -> Amount:
        q = coerce.quantity(value)
        if q.unit and given and q.unit != given and not same_unit(q.unit, given):
            raise CoerceError("unit_conflict", unit=q.unit, other=given)
        written = q.unit or given or h.units.get("value")
        source = "cell" if q.unit else "column" if given else "header" if written else "default"
        if catalogue is None:
            return Amount(q.value, written or "", source)
        read = (units.canonical_unit(written) if written else None) or catalogue.unit
        return Amount(indicator_value(q, written, catalogue.unit), read, source)

    rec.values = {
        "indicator_code": code,
        "region_code": region_code,
        "year": year,
        "value": parse_amount(rec, h, "value", cells, parse_value),
        "unit": catalogue.unit if catalogue else None,
        "note": note(rec, h, cells),
    }
    warn_owner(ctx, rec, code, catalogue.department_code if catalogue else None)


def frame_columns(row: dict[str, Any]) -> dict[str, Any]:
    """The plausible range of the value in its catalogue unit, for the suite."""
    low, high = plausible_range(row["unit"]) if row["unit"] else (None, None)
    return {"value_min": low, "value_max": high}


def bounds(row: dict[str, Any], ref: Reference) -> dict[str, Bound]:
    """The value against its indicator's (or commitment's) baseline and target in the plan its
    region and year belong to; a zero is not a unit slip, so only the ceiling applies to it."""
    plan = plan_of_row(ref, row, row.get("year"))
    code = row.get("indicator_code") or ""
    indicator = (plan.indicators.get(code) or plan.commitments.get(code)) if plan else None
    if indicator is None or plan is None:
        return {"value": Bound()}
    found = indicator_range(indicator, plan, SPREAD)
    return {"value": replace(found, low=None) if row.get("value") == 0 else found}


SPEC = DatasetSpec(
    name="indicator_values",
    fields=FIELDS,
    keys=("indicator_code", "indicator_name"),
    required=("year", "value"),
    header_hint=(
        "指标数据需“指标代码/指标名称、年份、数值”",
        "indicator values need indicator_code/indicator_name, year, value",
    ),
    table=data_table(
        "indicator_values",
        "指标数据 — Rows of accepted indicator-value files, in the catalogue unit; "
        "every revision kept.",
        ("indicator_code", "varchar"),
        ("region_code", "varchar"),
        ("year", "integer"),
        ("value", "decimal(20,6)"),
        ("unit", "varchar"),
        ("note", "varchar"),
    ),
    suite="indicator_values",
    template=Template(
        sheet="指标数据",
        title="指标数据 / Indicator values",
        code_labels=(
            "指标代码 indicator_code",
            "中文名称 name_zh",
            "英文名称 name_en",
            "单位 unit",
            "规划 plan_id",
        ),
        codes=(
            CodeList(
                "plan/indicators.csv", ("indicator_code", "name_zh", "name_en", "unit", "plan_id")
            ),
            CodeList(
                "plan/plan_commitments.csv",
                ("commitment_code", "subject_zh", "subject_en", "unit", "plan_id"),
            ),
        ),
        example=(
            ("indicator_code", "{code}"),
            ("indicator_name", "{name}"),
            ("year", "{year}"),
            ("value", 100),
            ("unit", "{extra}"),
            ("region_code", "{region}"),
            ("note", EXAMPLE_NOTE),
        ),
    ),
    parse_row=parse_row,
    measure=("indicator_code", "value"),
    known_codes=("indicators", "regions"),
    frame_columns=frame_columns,
    frame_types=(("value_min", "float64"), ("value_max", "float64")),
    bounds=bounds,
)
