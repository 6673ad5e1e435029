"""Sector output 产业产值: a sector's annual output and above-scale enterprises in a region."""

from __future__ import annotations

from typing import Any

from orchestration.intake import coerce
from orchestration.intake.amounts import money, parse_amount
from orchestration.intake.codes import key, region
from orchestration.intake.datasets.spec import (
    EXAMPLE_NOTE,
    CodeList,
    DatasetSpec,
    Field,
    Template,
    data_table,
)
from orchestration.intake.headers import Header
from orchestration.intake.plausibility import Bound, multiple_of_economy, plan_of_row
from orchestration.intake.reference import Reference
from orchestration.intake.rows import Context, Record, note, parse_field

OUTPUT_UNIT = "亿元"
# A sector's gross output may exceed GDP (output counts intermediate goods), but not five
# times over; beyond that it is a unit error (万元 figures under an 亿元 header).
GDP_MULTIPLE = 5

FIELDS = (
    Field(
        "sector_code",
        (
            "产业",
            "产业名称",
            "产业代码",
            "行业",
            "sector",
            "sector code",
            "sector name",
            "industry",
        ),
        "产业/sector",
        "产业代码或名称（见“代码表”）",
        "sector code or name (see the Codes sheet)",
        choices="codes",
    ),
    Field(
        "year",
        ("年份", "年度", "年", "year"),
        "年份/year",
        "{first}–{last} 的四位年份",
        "four-digit year {first}–{last}",
        choices="years",
    ),
    Field(
        "output_value",
        ("产值", "总产值", "产业产值", "output value", "output"),
        "产值（亿元）/output_value",
        "全年产值，亿元",
        "annual output, 100 million yuan",
        money=OUTPUT_UNIT,
    ),
    Field(
        "enterprises",
        (
            "规上企业数",
            "规模以上企业数",
            "规上企业",
            "企业数",
            "enterprises",
            "number of enterprises",
            "above-scale enterprises",
        ),
        "规上企业数（户）/enterprises",
        "规模以上企业户数",
        "number of above-designated-size enterprises",
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
        "口径说明",
        "notes on definitions",
    ),
)


def parse_row(ctx: Context, rec: Record, h: Header, cells: list[Any]) -> None:
    """sector_code, region_code, year, output_value (亿元), enterprises, note."""
    code = key(ctx, rec, h, cells, "sector")
    rec.values = {
        "sector_code": code,
        "region_code": region(ctx, rec, h, cells),
        "year": parse_field(rec, h, "year", cells, coerce.year),
        "output_value": parse_amount(
            rec,
            h,
            "output_value",
            cells,
            lambda v: money(v, h.units.get("output_value"), OUTPUT_UNIT),
        ),
        "enterprises": parse_field(rec, h, "enterprises", cells, coerce.integer),
        "note": note(rec, h, cells),
    }


def bounds(row: dict[str, Any], ref: Reference) -> dict[str, Bound]:
    """Output against the GDP of the plan the row's region and year belong to."""
    plan = plan_of_row(ref, row, row.get("year"))
    return {"output_value": multiple_of_economy(plan, GDP_MULTIPLE, OUTPUT_UNIT)}


SPEC = DatasetSpec(
    name="sector_output",
    fields=FIELDS,
    keys=("sector_code",),
    required=("year", "output_value"),
    header_hint=(
        "产业产值需“产业、年份、产值（亿元）”",
        "sector output needs sector, year, output_value",
    ),
    table=data_table(
        "sector_output",
        "产业产值 — Rows of accepted sector-output files (亿元); every revision kept.",
        ("sector_code", "varchar"),
        ("region_code", "varchar"),
        ("year", "integer"),
        ("output_value", "decimal(18,4)"),
        ("enterprises", "integer"),
        ("note", "varchar"),
    ),
    suite="sector_output",
    template=Template(
        sheet="产业产值",
        title="产业产值 / Sector output",
        code_labels=(
            "产业代码 sector_code",
            "中文名称 name_zh",
            "英文名称 name_en",
            "产业类别 sector_group",
            "规划 plan_id",
        ),
        codes=(
            CodeList(
                "plan/sectors.csv", ("sector_code", "name_zh", "name_en", "sector_group", "plan_id")
            ),
        ),
        example=(
            ("sector_code", "{code}"),
            ("year", "{year}"),
            ("output_value", 100),
            ("enterprises", 30),
            ("region_code", "{region}"),
            ("note", EXAMPLE_NOTE),
        ),
    ),
    parse_row=parse_row,
    measure=("sector_code", "output_value"),
    known_codes=("sectors", "regions"),
    bounds=bounds,
)
