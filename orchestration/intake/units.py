"""Unit spellings, their dimension and factor, conversion, and plausible ranges per unit."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

# canonical unit: (dimension, factor to the dimension's base unit)
UNITS: dict[str, tuple[str, Decimal]] = {
    "元": ("money", Decimal(1)),
    "千元": ("money", Decimal(10) ** 3),
    "万元": ("money", Decimal(10) ** 4),
    "百万元": ("money", Decimal(10) ** 6),
    "亿元": ("money", Decimal(10) ** 8),
    "%": ("percent", Decimal(1)),
    "小数": ("percent", Decimal(100)),
    "岁": ("age", Decimal(1)),
    "个": ("count", Decimal(1)),
    "亩": ("area", Decimal(1)),
    "万亩": ("area", Decimal(10) ** 4),
    "公顷": ("area", Decimal(15)),
    "立方米": ("volume", Decimal(1)),
    "吨标准煤": ("energy", Decimal(1)),
    "万吨标准煤": ("energy", Decimal(10) ** 4),
    "斤": ("grain", Decimal(1)),
    "公斤": ("grain", Decimal(2)),
    "吨": ("grain", Decimal(2000)),
    "万斤": ("grain", Decimal(10) ** 4),
    "万吨": ("grain", Decimal(2) * Decimal(10) ** 7),
    "亿斤": ("grain", Decimal(10) ** 8),
}

_ALIASES: dict[str, tuple[str, ...]] = {
    "元": ("元/人", "元每人", "yuan", "cny", "rmb", "yuan per person"),
    "万元": ("10k yuan", "10,000 yuan", "ten thousand yuan", "10 thousand yuan"),
    "亿元": ("100m yuan", "100 million yuan", "hundred million yuan", "亿元人民币"),
    "%": ("百分比", "百分数", "percent", "pct", "per cent"),
    "小数": ("fraction", "ratio", "小数形式"),
    "岁": ("years", "year", "年", "周岁"),
    "个": ("张", "个/千人", "places", "托位", "个托位", "张/千人"),
    "亩": ("mu",),
    "万亩": ("10k mu", "10,000 mu"),
    "公顷": ("hectare", "hectares", "ha"),
    "立方米": ("m3", "方", "立方米/万元", "m3/万元", "cubic metres", "cubic meters"),
    "吨标准煤": ("吨标煤", "tce"),
    "万吨标准煤": ("万吨标煤", "万tce", "10k tce"),
    "公斤": ("千克", "kg"),
    "吨": ("t", "tonnes", "tons"),
}
_SPELLINGS: dict[str, str] = {unit: unit for unit in UNITS} | {
    alias: unit for unit, aliases in _ALIASES.items() for alias in aliases
}


def unit_key(text: str) -> str:
    """Normalise a unit spelling: full-width to half-width, lower case, no spaces or brackets."""
    text = unicodedata.normalize("NFKC", text).strip().lower().replace("³", "3")
    return re.sub(r"[\s()\[\]]", "", text)


_LOOKUP: dict[str, str] = {unit_key(k): v for k, v in _SPELLINGS.items()}


def canonical_unit(text: str | None) -> str | None:
    """The canonical unit for a spelling, or None when the spelling is unknown."""
    if text is None or not str(text).strip():
        return None
    return _LOOKUP.get(unit_key(str(text)))


def convert(value: Decimal, unit: str, target: str) -> Decimal | None:
    """Value in unit expressed in target, or None when the two are not convertible."""
    if unit not in UNITS or target not in UNITS:
        return None
    (dim, factor), (target_dim, target_factor) = UNITS[unit], UNITS[target]
    if dim != target_dim:
        return None
    return value * factor / target_factor


def plausible_range(unit: str) -> tuple[float | None, float | None]:
    """Inclusive bounds a value in this catalogue unit may take (None = unbounded)."""
    if unit == "%":
        return (-100.0, 100.0)
    if unit == "岁":
        return (0.0, 120.0)
    return (0.0, None)
