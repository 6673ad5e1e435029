"""The pandas batch a suite validates: typed fields, row ids and derived columns."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pandas as pd

from orchestration.intake.reference import Reference
from orchestration.intake.rows import Record
from orchestration.intake.units import plausible_range
from orchestration.settings import BASELINE_YEAR, PLAN_END_YEAR

History = dict[tuple[str, str, int], Decimal]
NUMERIC = (
    "value",
    "total_investment",
    "period_investment",
    "cumulative_investment",
    "output_value",
)
MEASURE = {
    "indicator_values": ("indicator_code", "value"),
    "sector_output": ("sector_code", "output_value"),
}


def _float(value: Any) -> float | None:
    return float(value) if value is not None else None


def _jump(current: Any, previous: Any, unit: str | None) -> float | None:
    """Change from last year: relative, or in percentage points / 100 for % indicators."""
    if current is None or previous is None:
        return None
    if unit == "%":
        return float(abs(current - previous)) / 100
    return float(abs(current - previous) / abs(previous)) if previous else None


def previous_value(dataset: str, records: list[Record], history: History) -> dict[int, Any]:
    """For each record, last year's value for the same key: from this file first, else history."""
    if dataset not in MEASURE:
        return {}
    code, measure = MEASURE[dataset]
    here = {
        (r.values.get(code), r.values.get("region_code"), r.values.get("year")): r.values.get(
            measure
        )
        for r in records
    }
    found = {}
    for index, r in enumerate(records):
        year = r.values.get("year")
        key = (r.values.get(code), r.values.get("region_code"), year - 1 if year else None)
        found[index] = here.get(key, history.get(key))  # type: ignore[arg-type]
    return found


def build_frame(dataset: str, records: list[Record], history: History) -> pd.DataFrame:
    """One row per record (row_id = position) with the columns the dataset's suite expects."""
    previous = previous_value(dataset, records, history)
    rows = []
    for index, record in enumerate(records):
        row: dict[str, Any] = {"row_id": index, **record.values}
        for name in NUMERIC:
            if name in row:
                row[name] = _float(row[name])
        if dataset == "indicator_values":
            low, high = plausible_range(row["unit"]) if row["unit"] else (None, None)
            row["value_min"], row["value_max"] = low, high
        if dataset in MEASURE:
            measure = MEASURE[dataset][1]
            row["previous"] = _float(previous.get(index))
            row["jump_ratio"] = _jump(
                record.values.get(measure), previous.get(index), row.get("unit")
            )
        if dataset == "project_progress":
            month = row.get("report_month")
            row["report_year"] = month.year if month else None
        rows.append(row)
    frame = pd.DataFrame(rows)
    for name in ("year", "report_year", "enterprises"):
        if name in frame:
            frame[name] = frame[name].astype("Int64")
    for name in ("report_month", "start_date", "completion_date"):
        if name in frame:
            frame[name] = pd.to_datetime(frame[name])
    for name in (*NUMERIC, "value_min", "value_max", "previous", "jump_ratio"):
        if name in frame:
            frame[name] = frame[name].astype("float64")
    return frame


def parameters(dataset: str, ref: Reference) -> dict[str, Any]:
    """Suite parameters: the plan period and the known codes the dataset's suite checks."""
    codes = {
        "indicator_values": {"indicators": ref.indicators, "regions": ref.regions},
        "project_progress": {"projects": ref.projects},
        "sector_output": {"sectors": ref.sectors, "regions": ref.regions},
    }[dataset]
    known = {f"known_{kind[:-1]}_codes": sorted(values) for kind, values in codes.items()}
    return {"min_year": BASELINE_YEAR, "max_year": PLAN_END_YEAR, **known}
