"""Turn one submitted cell into a typed value, or explain (by rule code) why it cannot be."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

# Characters that show nothing yet make two spellings differ: format characters (zero-width
# space and joiners, direction marks, word joiner, byte-order mark, soft hyphen) and, before
# NFKC folds them to spaces, the no-break spaces.
FORMAT_CHARS = "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
_FORMAT = re.compile(f"[{FORMAT_CHARS}]")
_INVISIBLE = re.compile(f"[{FORMAT_CHARS}\u00a0\u2007\u202f]")
# Shown escaped in reasons: controls, format and private-use characters, fillers that draw
# nothing (Hangul fillers), and any space but the plain one.
_HIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\u115f\u1160\u3164\uffa0\ue000-\uf8ff]|(?! )\\s")
BLANKS = {"", "-", "--", "—", "——", "/", "无", "n/a", "na", "none", "null", "nan", "…"}
MAX_ABS = Decimal(10) ** 12


class CoerceError(ValueError):
    """A cell that cannot be read as the wanted type; args[0] is the rule code."""

    def __init__(self, rule: str, **values: object) -> None:
        super().__init__(rule)
        self.rule = rule
        self.values = values


@dataclass(frozen=True)
class Quantity:
    """A number as written: its value, whether it had a % sign, and any unit written after it."""

    value: Decimal
    percent: bool = False
    unit: str | None = None


def strip_invisible(value: str) -> str:
    """The text without format characters such as a zero-width space."""
    return _FORMAT.sub("", value)


def invisible(value: str) -> list[str]:
    """The invisible characters in a text, as code points such as U+200B (each once)."""
    return sorted({f"U+{ord(c):04X}" for c in _INVISIBLE.findall(value)})


def visible(value: str) -> str:
    """The text with every character that would not show escaped, as <U+200B>."""
    value = _INVISIBLE.sub(lambda m: f"<U+{ord(m.group()):04X}>", value)
    return _HIDDEN.sub(lambda m: f"<U+{ord(m.group()):04X}>", value)


def text(cell: object) -> str:
    """A cell as normalised text: full-width forms folded to half-width, format characters
    such as zero-width spaces removed, spaces collapsed, trimmed."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    value = strip_invisible(unicodedata.normalize("NFKC", str(cell))).replace("\u2212", "-")
    return re.sub(r"\s+", " ", value).strip()


def is_blank(cell: object) -> bool:
    """True for an empty cell or a placeholder such as -- or 无."""
    return text(cell).lower() in BLANKS


def check_formula(value: str) -> None:
    """Refuse a code, number or date cell that starts like a spreadsheet formula."""
    if value[:1] in ("=", "@"):
        raise CoerceError("formula_in_cell", char=value[0])


_NUMBER = re.compile(r"([+-]?)(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?")


def quantity(cell: object) -> Quantity:
    """Parse a number with optional thousands separators, % sign or trailing unit (e.g. 600亿元)."""
    if isinstance(cell, bool):
        raise CoerceError("not_a_number")
    if isinstance(cell, int | float | Decimal):
        number = Decimal(repr(cell)) if isinstance(cell, float) else Decimal(cell)
        return _bounded(Quantity(number))
    value = text(cell)
    check_formula(value)
    compact = value.replace(" ", "") if re.fullmatch(r"[\d ,.+-]+", value) else value
    match = _NUMBER.match(compact)
    if match is None or not (match.group(2) or match.group(3)):
        raise CoerceError("not_a_number")
    rest = compact[match.end() :].strip()
    digits = (match.group(2) or "0").replace(",", "") + (match.group(3) or "")
    try:
        number = Decimal(match.group(1) + digits)
    except InvalidOperation as exc:
        raise CoerceError("not_a_number") from exc
    if rest in ("%", "％"):
        return _bounded(Quantity(number, percent=True))
    if rest and not re.fullmatch(r"[^\d.,]+", rest):
        raise CoerceError("not_a_number")
    return _bounded(Quantity(number, unit=rest or None))


def _bounded(q: Quantity) -> Quantity:
    if not q.value.is_finite():
        raise CoerceError("not_a_number")
    if abs(q.value) >= MAX_ABS:
        raise CoerceError("number_too_large")
    return q


def integer(cell: object) -> int:
    """A whole number (e.g. an enterprise count); 150户 and 1,500 are accepted."""
    q = quantity(cell)
    if q.percent or q.value != q.value.to_integral_value():
        raise CoerceError("not_an_integer")
    return int(q.value)


def year(cell: object) -> int:
    """A four-digit year: 2023, 2023.0, "2023年" or full-width "２０２３"."""
    if isinstance(cell, dt.date):
        return cell.year
    value = text(cell)
    check_formula(value)
    match = re.fullmatch(r"(\d{4})(?:\.0+)?\s*(?:年|年度)?", value)
    if match is None:
        raise CoerceError("year_invalid")
    return int(match.group(1))
