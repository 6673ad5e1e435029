"""Which monitoring reports to write for a plan: the latest year, its mid-term and final years."""

from __future__ import annotations

from dataclasses import dataclass

from reports.plans import Plan

KINDS = ("annual", "midterm", "final")


@dataclass(frozen=True)
class Edition:
    """One monitoring report: its plan, evaluation year and kind (annual, midterm or final)."""

    plan: Plan
    year: int
    kind: str

    @property
    def stem(self) -> str:
        """File name without extension, e.g. monitoring-report-220581-14-2023-midterm."""
        suffix = "" if self.kind == "annual" else f"-{self.kind}"
        return f"monitoring-report-{self.plan.plan_id}-{self.year}{suffix}"

    @property
    def title_zh(self) -> str:
        """The edition's name in Chinese."""
        return {
            "annual": f"{self.year}年度监测报告",
            "midterm": f"中期评估报告（{self.year}年）",
            "final": f"总结评估报告（{self.year}年）",
        }[self.kind]

    @property
    def title_en(self) -> str:
        """The edition's name in English."""
        return {
            "annual": f"Monitoring report {self.year}",
            "midterm": f"Mid-term evaluation ({self.year})",
            "final": f"Final evaluation ({self.year})",
        }[self.kind]


def edition(plan: Plan, year: int, kind: str) -> Edition:
    """One edition, refused with a reason when the kind or the year does not fit the plan."""
    if kind not in KINDS:
        raise ValueError(f"报告类型 {kind!r} 无效 · edition must be one of {', '.join(KINDS)}")
    if not plan.start_year <= year <= plan.end_year:
        raise ValueError(
            f"{year} 年不在规划 {plan.plan_id}（{plan.span}年）之内 · {year} is not a year of "
            f"plan {plan.plan_id} ({plan.span})"
        )
    fixed = {"midterm": plan.midterm_year, "final": plan.final_year}.get(kind)
    if fixed is not None and year != fixed:
        name = "中期" if kind == "midterm" else "总结"
        raise ValueError(
            f"规划 {plan.plan_id} 的{name}评估年度是 {fixed} 年 · "
            f"the {kind} evaluation of plan {plan.plan_id} is {fixed}, not {year}"
        )
    return Edition(plan, year, kind)


def editions(plan: Plan, years_with_data: list[int]) -> list[Edition]:
    """The annual edition of the latest year with data, plus the mid-term and final ones
    once their years have data."""
    if not years_with_data:
        return []
    chosen = [Edition(plan, max(years_with_data), "annual")]
    if plan.midterm_year in years_with_data:
        chosen.append(Edition(plan, plan.midterm_year, "midterm"))
    if plan.final_year in years_with_data:
        chosen.append(Edition(plan, plan.final_year, "final"))
    return chosen
