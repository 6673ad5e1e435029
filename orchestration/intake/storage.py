"""What a raw column's type can hold (from the dataset spec's table), checked per cell once
units are converted: a value beyond the type's range is refused naming the cell and the
limit, one with more decimals than the type keeps is rounded as DuckDB would and warned."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from orchestration.intake.datasets.spec import DatasetSpec
from orchestration.intake.rows import Record
from orchestration.intake.rules import issue

INTEGERS = {
    "smallint": 2**15 - 1,
    "integer": 2**31 - 1,
    "bigint": 2**63 - 1,
}
_DECIMAL = re.compile(r"decimal\((\d+),\s*(\d+)\)")


def capacity(kind: str) -> tuple[Decimal, int | None] | None:
    """The largest magnitude a numeric column type holds and its decimals (None: whole
    numbers); None for a type that is not numeric."""
    if match := _DECIMAL.fullmatch(kind.strip().lower()):
        precision, scale = int(match.group(1)), int(match.group(2))
        return Decimal(10) ** (precision - scale) - Decimal(10) ** -scale, scale
    if kind in INTEGERS:
        return Decimal(INTEGERS[kind]), None
    return None


def _unit(spec: DatasetSpec, record: Record, name: str) -> str:
    field = next((f for f in spec.fields if f.name == name), None)
    return (field.money if field else None) or (
        record.values.get("unit") if name == "value" else ""
    )


def fit(spec: DatasetSpec, record: Record) -> None:
    """Round each numeric value to its column's decimals (warned) or refuse it when it is
    beyond the column's range (the value becomes empty, the row is rejected)."""
    for name, kind in spec.table.columns:
        value = record.values.get(name)
        room = capacity(kind)
        if room is None or value is None or isinstance(value, bool):
            continue
        limit, scale = room
        at = {"sheet": record.sheet, "row": record.excel_row, "column": record.labels.get(name)}
        unit = _unit(spec, record, name) or ""
        spaced = f" {unit}" if unit else ""
        number = Decimal(value)
        stored = number if scale is None else number.quantize(Decimal(10) ** -scale, ROUND_HALF_UP)
        if abs(stored) > limit:
            shown = format(limit.normalize(), "f")
            record.issues.append(
                issue(
                    "value_out_of_range",
                    field=name,
                    value=format(number.normalize(), "f"),
                    limit_zh=f"（本列按 {kind} 存储，绝对值最大为 {shown}{unit}）",
                    limit_en=f" (the column is stored as {kind}: at most {shown}{spaced})",
                    **at,
                )
            )
            record.values[name] = None
        elif stored != number:
            record.issues.append(
                issue(
                    "precision_truncated",
                    field=name,
                    value=format(number.normalize(), "f"),
                    stored=format(stored, "f"),
                    scale=scale,
                    unit=unit,
                    **at,
                )
            )
            record.values[name] = stored
