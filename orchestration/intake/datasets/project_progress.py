"""Project progress 重大项目进展: a major project's status and investment in a reporting month."""

from __future__ import annotations

from typing import Any

from orchestration.intake import dates
from orchestration.intake.amounts import money, parse_amount
from orchestration.intake.codes import key, region, status, warn_owner
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

MONEY_UNIT = "万元"
AMOUNTS = ("total_investment", "period_investment", "cumulative_investment")
# Above these multiples of the region's GDP an amount is a unit error (亿元 written over
# 万元 figures), not a project: a total or cumulative investment of 5 years' GDP, or one
# month's or quarter's investment of a whole year's.
GDP_MULTIPLES = {"total_investment": 5, "period_investment": 1, "cumulative_investment": 5}

FIELDS = (
    Field(
        "project_code",
        ("项目编号", "项目代码", "项目编码", "project code", "project id"),
        "项目编号/project_code",
        "规划项目编号，如 B05-P003（见“代码表”）",
        "plan project code such as B05-P003 (see the Codes sheet)",
        choices="codes",
    ),
    Field(
        "project_name",
        ("项目名称", "项目", "project name", "project"),
        "项目名称/project_name",
        "项目名称，与编号二选一；都填时须一致",
        "project name; either this or the code, and they must agree",
    ),
    Field(
        "report_month",
        (
            "报告期",
            "报告月份",
            "填报月份",
            "月份",
            "report month",
            "report period",
            "period",
            "month",
        ),
        "报告期/report_month",
        "月报填 {first}-05；季报填 {first}Q2（记为季末月）",
        "monthly: {first}-05; quarterly: {first}Q2 (stored as the quarter's last month)",
    ),
    Field(
        "status_code",
        ("项目状态", "状态", "建设状态", "进展状态", "status", "status code", "project status"),
        "项目状态/status",
        "前期谋划、未开工、在建、已竣工、停工缓建",
        "planning, not started, under construction, completed, suspended",
        choices="statuses",
    ),
    Field(
        "total_investment",
        ("总投资", "计划总投资", "项目总投资", "total investment"),
        "总投资（万元）/total_investment",
        "项目计划总投资，万元",
        "planned total investment, 10k yuan",
        money=MONEY_UNIT,
    ),
    Field(
        "period_investment",
        (
            "本期完成投资",
            "本期投资",
            "本月完成投资",
            "本季度完成投资",
            "当期完成投资",
            "period investment",
            "investment this period",
        ),
        "本期完成投资（万元）/period_investment",
        "本月或本季度完成投资，万元",
        "investment completed this month or quarter, 10k yuan",
        money=MONEY_UNIT,
    ),
    Field(
        "cumulative_investment",
        ("累计完成投资", "累计投资", "开工累计完成投资", "cumulative investment"),
        "累计完成投资（万元）/cumulative_investment",
        "开工以来累计完成投资，不得小于本期",
        "cumulative since start; never below this period's",
        money=MONEY_UNIT,
    ),
    Field(
        "start_date",
        ("开工日期", "开工时间", "实际开工日期", "start date"),
        "开工日期/start_date",
        "如 {first}-04-18",
        "e.g. {first}-04-18",
    ),
    Field(
        "completion_date",
        ("竣工日期", "竣工时间", "完工日期", "completion date"),
        "竣工日期/completion_date",
        "不得早于开工日期",
        "not before the start date",
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
        "进展说明、存在问题",
        "progress notes and issues",
    ),
)


def parse_row(ctx: Context, rec: Record, h: Header, cells: list[Any]) -> None:
    """project_code, region_code, report_month, status_code, investments (万元), start and
    completion dates, note."""
    code = key(ctx, rec, h, cells, "project")
    region_code = region(ctx, rec, h, cells)
    amounts = {
        name: parse_amount(
            rec, h, name, cells, lambda v, n=name: money(v, h.units.get(n), MONEY_UNIT)
        )
        for name in AMOUNTS
    }
    rec.values = {
        "project_code": code,
        "region_code": region_code,
        "report_month": parse_field(rec, h, "report_month", cells, dates.report_month),
        "status_code": parse_field(rec, h, "status_code", cells, lambda v: status(ctx, v)),
        **amounts,
        "start_date": parse_field(rec, h, "start_date", cells, dates.calendar_date),
        "completion_date": parse_field(rec, h, "completion_date", cells, dates.calendar_date),
        "note": note(rec, h, cells),
    }
    month = rec.values["report_month"]
    plan = ctx.ref.plan_for(region_code, month.year) if month else None
    warn_owner(ctx, rec, code, plan.project_departments.get(code or "") if plan else None)


def frame_columns(row: dict[str, Any]) -> dict[str, Any]:
    """The year of the reporting month, for the suite's plan-period check."""
    month = row.get("report_month")
    return {"report_year": month.year if month else None}


def bounds(row: dict[str, Any], ref: Reference) -> dict[str, Bound]:
    """Each amount against the GDP of the plan the row's region and month belong to."""
    month = row.get("report_month")
    plan = plan_of_row(ref, row, month.year if month else None)
    return {n: multiple_of_economy(plan, m, MONEY_UNIT) for n, m in GDP_MULTIPLES.items()}


SPEC = DatasetSpec(
    name="project_progress",
    fields=FIELDS,
    keys=("project_code", "project_name"),
    required=("report_month", "status_code"),
    period="report_month",
    header_hint=(
        "重大项目进展需“项目编号/项目名称、报告期、项目状态”",
        "project progress needs project_code/project_name, report_month, status",
    ),
    table=data_table(
        "project_progress",
        "重大项目进展 — Rows of accepted project-progress files (万元); every revision kept.",
        ("project_code", "varchar"),
        ("region_code", "varchar"),
        ("report_month", "date"),
        ("status_code", "varchar"),
        ("total_investment", "decimal(18,2)"),
        ("period_investment", "decimal(18,2)"),
        ("cumulative_investment", "decimal(18,2)"),
        ("start_date", "date"),
        ("completion_date", "date"),
        ("note", "varchar"),
    ),
    suite="project_progress",
    template=Template(
        sheet="重大项目进展",
        title="重大项目进展 / Major project progress",
        code_labels=(
            "项目编号 project_code",
            "中文名称 name_zh",
            "英文名称 name_en",
            "专栏 box_no",
            "规划 plan_id",
        ),
        codes=(
            CodeList(
                "plan/projects.csv", ("project_code", "name_zh", "name_en", "box_no", "plan_id")
            ),
        ),
        example=(
            ("project_code", "{code}"),
            ("project_name", "{name}"),
            ("report_month", "{month}"),
            ("status_code", "{status}"),
            ("total_investment", 5000),
            ("period_investment", 100),
            ("cumulative_investment", 900),
            ("region_code", "{region}"),
            ("note", EXAMPLE_NOTE),
        ),
    ),
    parse_row=parse_row,
    known_codes=("projects", "regions"),
    frame_columns=frame_columns,
    frame_types=(("report_year", "Int64"),),
    bounds=bounds,
)
