"""Synthetic schedules of major projects and the progress rows they produce."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from samples.period import BASELINE


@dataclass
class ProjectPlan:
    """A synthetic schedule for one project: start, duration, cost and reporting rhythm."""

    code: str
    start: dt.date
    months: int
    total: float
    quarterly: bool
    suspended_from: int | None = None
    overrun: float = 1.0


def plan_project(code: str, rng: random.Random, quarterly: bool) -> ProjectPlan:
    """A random but plausible schedule (starts 2021–2023, 12–42 months, 0.5–60 亿元)."""
    start = dt.date(rng.randint(BASELINE + 1, BASELINE + 3), rng.randint(1, 12), rng.randint(1, 28))
    total = round(10 ** rng.uniform(3.7, 5.8), -1)
    suspended = rng.randint(6, 12) if rng.random() < 0.06 else None
    overrun = 1.04 if rng.random() < 0.05 else 1.0
    return ProjectPlan(code, start, rng.randint(12, 42), total, quarterly, suspended, overrun)


def month_index(day: dt.date) -> int:
    """Months since January 2020 (for schedule arithmetic)."""
    return (day.year - BASELINE) * 12 + day.month - 1


def progress_rows(plan: ProjectPlan) -> list[dict[str, object]]:
    """One row per reporting period from a quarter before the start until completion or 2025-12."""
    start = month_index(plan.start)
    rows: list[dict[str, object]] = []
    worked, reported = 0, 0.0
    for m in range(max(start - 3, 0), month_index(dt.date(BASELINE + 5, 12, 1)) + 1):
        elapsed = m - start
        pause = plan.suspended_from
        stalled = pause is not None and pause <= elapsed < pause + 4
        worked += 1 if elapsed >= 0 and not stalled else 0
        share = min(1.0, worked / plan.months)
        cumulative = round(plan.total * plan.overrun * (3 * share**2 - 2 * share**3), 1)
        month = dt.date(BASELINE + m // 12, m % 12 + 1, 1)
        if plan.quarterly and month.month % 3:
            continue
        status = (
            "planning"
            if elapsed < 0
            else "suspended"
            if stalled
            else "completed"
            if share >= 1
            else "under_construction"
        )
        finished = dt.date(month.year, month.month, min(plan.start.day, 28))
        rows.append(
            {
                "month": month,
                "status": status,
                "total": plan.total,
                "period": round(cumulative - reported, 1),
                "cumulative": cumulative,
                "start": plan.start if elapsed >= 0 else None,
                "completion": finished if status == "completed" else None,
            }
        )
        reported = cumulative
        if status == "completed":
            break
    return rows
