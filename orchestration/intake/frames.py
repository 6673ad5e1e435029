"""The pandas batch a suite validates: typed fields, row ids and derived columns."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pandas as pd

from orchestration.intake.datasets.spec import DatasetSpec
from orchestration.intake.reference import Reference
from orchestration.intake.rows import Record

History = dict[tuple[str, str, int], Decimal]
MEASURE_COLUMNS = (("previous", "float64"), ("jump_ratio", "float64"))


def _float(value: Any) -> float | None:
    return float(value) if value is not None else None


def _jump(current: Any, previous: Any, unit: str | None) -> float | None:
    """Change from last year: relative, or in percentage points / 100 for % indicators."""
    if current is None or previous is None:
        return None
    if unit == "%":
        return float(abs(current - previous)) / 100
    return float(abs(current - previous) / abs(previous)) if previous else None


def previous_value(spec: DatasetSpec, records: list[Record], history: History) -> dict[int, Any]:
    """For each record, last year's value for the same key: from this file first, else history."""
    if spec.measure is None:
        return {}
    code, measure = spec.measure
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


def bound_columns(spec: DatasetSpec, values: dict[str, Any], ref: Reference) -> dict[str, Any]:
    """<field>__min and <field>__max of each field the dataset checks for plausibility."""
    if spec.bounds is None:
        return {}
    found: dict[str, Any] = {}
    for name, bound in spec.bounds(values, ref).items():
        found[f"{name}__min"], found[f"{name}__max"] = _float(bound.low), _float(bound.high)
    return found


def build_frame(
    spec: DatasetSpec, records: list[Record], history: History, ref: Reference
) -> pd.DataFrame:
    """One row per record (row_id = position) with the columns the dataset's suite expects."""
    previous = previous_value(spec, records, history)
    decimals = [name for name, kind in spec.table.columns if kind.startswith("decimal")]
    rows = []
    for index, record in enumerate(records):
        row: dict[str, Any] = {"row_id": index, **record.values}
        for name in decimals:
            if name in row:
                row[name] = _float(row[name])
        if spec.frame_columns:
            row |= spec.frame_columns(row)
        row |= bound_columns(spec, record.values, ref)
        if spec.measure:
            measure = spec.measure[1]
            row["previous"] = _float(previous.get(index))
            row["jump_ratio"] = _jump(
                record.values.get(measure), previous.get(index), row.get("unit")
            )
        rows.append(row)
    frame = pd.DataFrame(rows)
    derived = spec.frame_types + (MEASURE_COLUMNS if spec.measure else ())
    for name, kind in spec.table.columns + derived:
        if name not in frame:
            continue
        if kind in ("integer", "Int64"):
            frame[name] = frame[name].astype("Int64")
        elif kind == "date":
            frame[name] = pd.to_datetime(frame[name])
        elif kind.startswith("decimal") or kind == "float64":
            frame[name] = frame[name].astype("float64")
    for name in frame.columns:
        if name.endswith(("__min", "__max")):
            frame[name] = frame[name].astype("float64")
    return frame


def parameters(spec: DatasetSpec, ref: Reference, regions: set[str]) -> dict[str, Any]:
    """Suite parameters: the years of the file's regions' plans (earliest baseline to latest
    end) and the known codes the dataset's suite checks."""
    known = {f"known_{kind[:-1]}_codes": sorted(ref.known(kind)) for kind in spec.known_codes}
    low, high = ref.year_bounds(regions)
    return {"min_year": low, "max_year": high, **known}
