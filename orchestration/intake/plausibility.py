"""How large a value may plausibly be once converted to the unit it is stored in, judged
against the own figures of the plan the row belongs to (its region's GDP; an indicator's
baseline and target), and what to tell the clerk when it is not: the value as read, how far
off, and the likely unit."""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from orchestration.intake import units
from orchestration.intake.reference import Indicator, Plan, Reference


@dataclass(frozen=True)
class Basis:
    """A figure of the plan that a value is compared with, in the value's unit, and its name."""

    value: Decimal
    zh: str
    en: str


@dataclass(frozen=True)
class Bound:
    """The plausible range of one value in unit (None: open), and the figures its ends are
    taken from."""

    unit: str = ""
    low: Decimal | None = None
    high: Decimal | None = None
    low_basis: Basis | None = None
    high_basis: Basis | None = None


def plan_of_row(ref: Reference, row: dict[str, object], year: int | None) -> Plan | None:
    """The plan a row's region and year belong to (None: no plan, nothing to judge by)."""
    region = row.get("region_code")
    return ref.plan_for(region, year) if isinstance(region, str) and year else None


def _money(unit: str) -> str | None:
    canonical = units.canonical_unit(unit)
    return canonical if canonical and units.UNITS[canonical][0] == "money" else None


def _figures(ind: Indicator, plan: Plan) -> list[tuple[Decimal, str, str]]:
    """The indicator's positive baseline and target in the plan, named by the plan's years."""
    base, end = plan.baseline_year, plan.end_year
    found = [
        (ind.baseline, f"{base} 年基期值", f"{base} baseline"),
        (ind.target, f"{end} 年目标值", f"{end} target"),
    ]
    return [(v, zh, en) for v, zh, en in found if v is not None and v > 0]


def economy(plan: Plan) -> Indicator | None:
    """The largest money indicator of the plan by its baseline or target: the GDP of a
    five-year plan, found from the data rather than assumed by code."""

    def size(ind: Indicator) -> Decimal:
        factor = units.UNITS[_money(ind.unit) or "元"][1]
        return max(v for v, _, _ in _figures(ind, plan)) * factor

    money = [i for i in plan.indicators.values() if _money(i.unit) and _figures(i, plan)]
    return max(money, key=size, default=None)


# Bounds per plan object (and multiple and unit): every row of a file asks for the same few,
# and finding the plan's GDP walks all its indicators. Plans are immutable once loaded.
_ECONOMY_BOUNDS: dict[tuple[int, int, str], tuple[Plan, Bound]] = {}


def multiple_of_economy(plan: Plan | None, multiple: int, unit: str) -> Bound:
    """At most `multiple` times the plan's GDP (its larger of baseline and target), in unit;
    open when there is no plan or it states no GDP."""
    if plan is None:
        return Bound(unit)
    key = (id(plan), multiple, unit)
    known = _ECONOMY_BOUNDS.get(key)
    if known is None or known[0] is not plan:
        if len(_ECONOMY_BOUNDS) > 100_000:
            _ECONOMY_BOUNDS.clear()
        known = _ECONOMY_BOUNDS[key] = (plan, _multiple_of_economy(plan, multiple, unit))
    return known[1]


def _multiple_of_economy(plan: Plan, multiple: int, unit: str) -> Bound:
    ind = economy(plan)
    if ind is None:
        return Bound(unit)
    value, zh, en = max(_figures(ind, plan))
    in_unit = units.convert(value, _money(ind.unit) or "", unit)
    if in_unit is None:
        return Bound(unit)
    shown = f"{short(value)} {ind.unit}"
    basis = Basis(in_unit, f"{ind.name_zh}（{zh} {shown}）", f"{ind.name_en} ({en} {shown})")
    return Bound(unit, high=in_unit * multiple, high_basis=basis)


def indicator_range(ind: Indicator, plan: Plan, spread: int) -> Bound:
    """Within `spread` times the indicator's baseline and target in the plan either way (below
    only when both are given and positive); none for percentages, which have their own range."""
    figures = _figures(ind, plan)
    if not figures or units.canonical_unit(ind.unit) == "%":
        return Bound(ind.unit)

    def basis(figure: tuple[Decimal, str, str]) -> Basis:
        value, zh, en = figure
        shown = f"{short(value)} {ind.unit}"
        return Basis(value, f"该指标的 {zh}（{shown}）", f"the indicator's {en} ({shown})")

    small, big = min(figures), max(figures)
    low = small[0] / spread if len(figures) == 2 else None
    return Bound(ind.unit, low, big[0] * spread, basis(small) if low else None, basis(big))


def short(value: Decimal) -> str:
    """A number to three significant digits, never rounding its whole part: 58.3, 3.5, 600."""
    if value == 0:
        return "0"
    step = Decimal(1).scaleb(min(value.adjusted() - 2, 0))
    return format(value.quantize(step).normalize(), "f")


SPOKEN = (
    ("万亿元", Decimal(10) ** 12),
    ("亿元", Decimal(10) ** 8),
    ("万元", Decimal(10) ** 4),
    ("元", Decimal(1)),
)


def readable(value: Decimal, unit: str) -> str:
    """An amount as a clerk would say it: 3.5 万亿元 rather than 35000000000 万元."""
    canonical = _money(unit)
    if canonical is None:
        return f"{short(value)} {unit}"
    yuan = value * units.UNITS[canonical][1]
    name, size = next(((n, s) for n, s in SPOKEN if abs(yuan) >= s), SPOKEN[-1])
    return f"{short(yuan / size)} {name}"


def likely_unit(number: Decimal, bound: Bound, near: Decimal, written: str) -> str | None:
    """The unit, other than the one written, in which the number as written would be
    plausible: the stored unit when it fits; else one a 万 or 亿 step away from the written
    unit (the usual slip: 万元 for 亿元, 亩 for 万亩); else the one nearest the plan's figure."""
    stored = units.canonical_unit(bound.unit) or ""
    dimension = units.UNITS.get(stored, ("",))[0]
    fits: dict[str, tuple[bool, float]] = {}
    for unit, (dim, factor) in units.UNITS.items():
        if dim != dimension or unit == written or written not in units.UNITS:
            continue
        value = units.convert(number, unit, stored)
        if value is None or value <= 0 or (bound.low is not None and value < bound.low):
            continue
        if bound.high is None or value <= bound.high:
            step = math.log10(factor / units.UNITS[written][1])
            fits[unit] = (round(step) % 4 != 0, abs(math.log10(value / near)))
    if stored in fits:
        return stored
    return min(fits, key=fits.__getitem__, default=None)


SOURCES = {
    "header": ("表头单位", "the header's unit"),
    "column": ("单位列", "the unit column"),
    "cell": ("数值后写的单位", "the unit written after the value"),
    "default": ("单位", "the unit"),
}


def explain(value: Decimal, read: tuple[str, str] | None, bound: Bound) -> dict[str, str]:
    """The message values of implausible_scale: the value as read, how many times the plan's
    figure it is, and the unit it was probably meant in."""
    written, source = read or (bound.unit, "default")
    too_large = bound.high is not None and value > bound.high
    basis = bound.high_basis if too_large else bound.low_basis
    if basis is None or basis.value <= 0 or value <= 0:
        return {}
    ratio = value / basis.value
    if too_large:
        times = short(ratio)
        ratio_zh, ratio_en = f"约为{basis.zh}的 {times} 倍", f"about {times} times {basis.en}"
    else:
        part = short(1 / ratio)
        ratio_zh, ratio_en = f"仅为{basis.zh}的 1/{part}", f"only 1/{part} of {basis.en}"
    canonical = units.canonical_unit(written) or bound.unit
    number = units.convert(value, units.canonical_unit(bound.unit) or "", canonical) or value
    unit = likely_unit(number, bound, basis.value, canonical)
    where_zh, where_en = SOURCES[source]
    if unit is None:
        hint_zh, hint_en = "请核对数值和单位", "check the value and its unit"
    elif source == "default":
        hint_zh = f"未注明单位，按{bound.unit}计；单位是否应为{unit}？"
        hint_en = f"no unit was written, so {bound.unit} was assumed; should it be {unit}?"
    else:
        hint_zh, hint_en = f"{where_zh}是否应为{unit}？", f"should {where_en} be {unit}?"
    amount = readable(value, bound.unit)
    return {
        "read_unit": canonical,
        "amount_zh": amount,
        "amount_en": amount,
        "ratio_zh": ratio_zh,
        "ratio_en": ratio_en,
        "hint_zh": hint_zh,
        "hint_en": hint_en,
    }
