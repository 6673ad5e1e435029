"""A submitted number in the unit it is stored in: money in 万元 or 亿元, indicator values in
the catalogue unit."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from orchestration.intake import coerce, units
from orchestration.intake.coerce import CoerceError, Quantity
from orchestration.intake.headers import Header
from orchestration.intake.rows import Record, parse_field


@dataclass(frozen=True)
class Amount:
    """A number in the unit it is stored in, the unit it was read in, and where that unit was
    written: cell (after the number), column (a unit column), header, or default (nowhere:
    the stored unit is assumed)."""

    value: Decimal
    unit: str
    source: str


def money(value: object, header_unit: str | None, target: str) -> Amount:
    """An amount in target (万元 or 亿元), from the unit written after it or in the header."""
    q = coerce.quantity(value)
    if q.percent:
        raise CoerceError("not_a_number")
    unit = units.canonical_unit(q.unit or header_unit) if (q.unit or header_unit) else target
    converted = units.convert(q.value, unit, target) if unit else None
    if converted is None or unit is None:
        raise CoerceError("unit_not_convertible", unit=q.unit or header_unit, target=target)
    source = "cell" if q.unit else "header" if header_unit else "default"
    return Amount(converted, unit, source)


def parse_amount(
    rec: Record, h: Header, name: str, cells: list[Any], parse: Callable[[Any], Amount]
) -> Decimal | None:
    """A field parsed to an Amount: its value, with the unit it was read in kept on the record
    for the plausibility reasons."""
    found = parse_field(rec, h, name, cells, parse)
    if found is None:
        return None
    rec.read_units[name] = (found.unit, found.source)
    return found.value


def indicator_value(q: Quantity, given: str | None, target: str) -> Decimal:
    """The value in the catalogue unit; for % a bare number in (-1, 1] is ambiguous (0.61?)."""
    canon = units.canonical_unit(given)
    if target == "%":
        if q.percent:
            if given is not None and canon != "%":
                raise CoerceError("unit_conflict", unit="%", other=given)
            return q.value
        if given is None or canon == "%":
            if 0 < abs(q.value) <= 1:
                raise CoerceError(
                    "percent_ambiguous", percent=format((q.value * 100).normalize(), "f")
                )
            return q.value
        if canon == "小数":
            return q.value * 100
        raise CoerceError("unit_not_convertible", unit=given, target=target)
    if q.percent:
        raise CoerceError("unit_not_convertible", unit="%", target=target)
    if given is None or canon == target or units.unit_key(given) == units.unit_key(target):
        return q.value
    converted = units.convert(q.value, canon, target) if canon else None
    if converted is None:
        raise CoerceError("unit_not_convertible", unit=given, target=target)
    return converted


def same_unit(a: str, b: str) -> bool:
    """Two spellings of one known unit (e.g. 亿元 and 亿 元)."""
    return units.canonical_unit(a) is not None and units.canonical_unit(a) == units.canonical_unit(
        b
    )
