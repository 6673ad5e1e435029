"""Each row against the plan its region and year belong to: a department the region lacks, a
year no plan of the region covers, or an indicator, commitment, project or sector that the
plan in force does not monitor."""

from __future__ import annotations

from typing import Any

from orchestration.intake.datasets.spec import DatasetSpec
from orchestration.intake.headers import Header
from orchestration.intake.reference import Plan, Reference
from orchestration.intake.rows import Context, Record, flag
from orchestration.intake.rules import Issue, issue, one_line

LISTED = 12  # codes named in a reason before "…"
LISTS = {"project": "项目清单", "sector": "产业目录"}


def _listed(codes: list[str]) -> str:
    return "、".join(codes[:LISTED]) + ("…" if len(codes) > LISTED else "")


def department_problem(ref: Reference, region: str, folder: str | None) -> Issue | None:
    """unknown_department when the folder is not a department of the region (None when it is)."""
    departments = ref.departments.get(region, set())
    if folder in departments:
        return None
    named = ref.regions.get(region)
    return issue(
        "unknown_department",
        folder=folder,
        region=region,
        region_name=named.name_zh if named else "",
        region_name_en=named.name_en if named else "",
        departments=_listed(sorted(departments)) or "—",
    )


def _year(spec: DatasetSpec, values: dict[str, Any]) -> tuple[str, int | None]:
    """The field that dates the row and its year (a project report's by its month)."""
    if "report_month" in values:
        month = values.get("report_month")
        return "report_month", month.year if month else None
    return "year", values.get("year")


def _no_plan(ref: Reference, region: str, year: int) -> dict[str, str]:
    plans = ref.plans_of(region)
    named = ref.regions[region]
    return {
        "region": region,
        "region_name": named.name_zh,
        "region_name_en": named.name_en,
        "year": str(year),
        "plans": "、".join(p.described for p in plans) or "无",
        "plans_en": ", ".join(p.described_en for p in plans) or "none",
    }


def _not_monitored(
    ref: Reference, spec: DatasetSpec, plan: Plan, values: dict[str, Any]
) -> tuple[str, str, dict[str, str]]:
    """The rule, field and message values when the plan lacks the row's code, a code some plan
    or the catalogue knows ('' when it has it; unknown codes are left to the suite)."""
    if spec.name == "indicator_values":
        code = values.get("indicator_code")
        known = code in ref.known("indicators")
        if known and code not in plan.indicators and code not in plan.commitments:
            codes = _listed(sorted(plan.indicators) + sorted(plan.commitments))
            return "indicator_not_in_plan", "indicator_code", {"code": code, "codes": codes}
    for kind, listed in (("project", plan.projects), ("sector", plan.sectors)):
        code = values.get(f"{kind}_code")
        if code in ref.known(f"{kind}s") and code not in listed:
            hint = {
                "hint_zh": f"（规划 {plan.plan_id} 的{LISTS[kind]}中没有）",
                "hint_en": f" (plan {plan.plan_id} does not list it)",
            }
            return f"unknown_{kind}", f"{kind}_code", hint
    return "", "", {}


def check_row(spec: DatasetSpec, ctx: Context, rec: Record, h: Header) -> None:
    """Add the plan findings of one parsed row; a row already wrong in a field is not judged
    on it again, and a region not in the region list is left to the suite (unknown_region)."""
    values = rec.values
    region = values.get("region_code")
    if region not in ctx.ref.regions:
        return
    if region != ctx.region and (problem := department_problem(ctx.ref, region, ctx.department)):
        column = one_line(h.labels.get(h.columns.get("region_code", -1)))
        rec.issues.append(
            Issue(
                problem.rule,
                problem.severity,
                problem.reason_zh,
                problem.reason_en,
                rec.sheet,
                rec.excel_row,
                column,
                "region_code",
            )
        )
    name, year = _year(spec, values)
    if year is None or name not in h.columns or any(i.field == name for i in rec.errors):
        return
    plans = ctx.ref.plans_of(region)
    low, high = ctx.ref.year_bounds({region})
    if plans and not low <= year <= high:
        rule = "month_out_of_range" if name == "report_month" else "year_out_of_range"
        value = values[name].isoformat() if name == "report_month" else str(year)
        flag(rec, h, name, rule, value=value, min_year=low, max_year=high)
        return
    plan = ctx.ref.plan_for(region, year)
    if plan is None:
        flag(rec, h, name, "no_plan_in_force", **_no_plan(ctx.ref, region, year))
        return
    rule, field, extra = _not_monitored(ctx.ref, spec, plan, values)
    named = field if field in h.columns else field.replace("_code", "_name")
    if rule and named in h.columns:
        flag(
            rec,
            h,
            named,
            rule,
            value=values.get(field),
            region=region,
            year=year,
            plan_id=plan.plan_id,
            **extra,
        )
