"""Spreadsheet cells from untrusted text: what a spreadsheet would run as a formula, defused."""

from __future__ import annotations

import re

# A cell typed with one of these first characters is taken for a formula (OWASP CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
SIGNED_NUMBER = re.compile(r"[+-]?\d[\d.,]*%?")


def neutralise(value: str) -> tuple[str, str | None]:
    """Text safe to open in a spreadsheet, and the formula character that was defused.

    An apostrophe goes in front when the text (after any leading spaces) starts like a
    formula; a plain signed number such as -5 or +3% is left as it is.
    """
    raw = value.lstrip(" ")
    if raw[:1] in FORMULA_STARTS and not SIGNED_NUMBER.fullmatch(raw):
        return "'" + value, raw[0]
    return value, None
