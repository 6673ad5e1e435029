"""Columns a header could not place: ignored with a warning when they are remarks, refused
when they hold values that may be a field's (a label like a field's, a money unit, or no
label at all), so that no value is dropped silently."""

from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher

from orchestration.intake import units
from orchestration.intake.coerce import is_blank
from orchestration.intake.datasets.spec import DatasetSpec, Field
from orchestration.intake.headers import Header, header_key
from orchestration.intake.rules import Issue, issue

SIMILAR = 0.75  # difflib ratio from which a label reads as a misspelt field name


def letter(index: int) -> str:
    """The spreadsheet letter of a 0-based column (0 -> A, 26 -> AA)."""
    name, number = "", index + 1
    while number:
        number, rest = divmod(number - 1, 26)
        name = chr(65 + rest) + name
    return name


def resembles(spec: DatasetSpec, label: str) -> tuple[bool, Field | None]:
    """Whether a label may name one of the dataset's fields: close to a field's spelling, or
    stating a money unit in a dataset with amounts; and which field, when one is close."""
    money = any(f.money for f in spec.fields)
    looks = False
    for part in [label, *re.split(r"[/\n|]", label)]:
        key, unit = header_key(part)
        canonical = units.canonical_unit(unit)
        looks = looks or bool(money and canonical and units.UNITS[canonical][0] == "money")
        for f in spec.fields:
            if f.name == "note":
                continue
            for alias in f.aliases:
                known = header_key(alias)[0]
                inside = min(len(key), len(known)) >= 3 and (known in key or key in known)
                if inside or SequenceMatcher(None, key, known).ratio() >= SIMILAR:
                    return True, f
    return looks, None


def _refused(spec: DatasetSpec, label: str, count: int, close: Field | None, **at) -> Issue:
    if close:
        hint = {"hint_zh": f"（像是“{close.label}”）", "hint_en": f" (it looks like {close.name})"}
        example = close.label
    else:
        hint, example = {}, "、".join(f.label for f in spec.fields if f.money)
    return issue("column_not_mapped", column=label, count=count, example=example, **hint, **at)


def unplaced_issues(sheet: str | None, header: Header, rows: list[list[object]]) -> list[Issue]:
    """Warnings for ignored columns, errors for unplaced ones that hold values; a column with
    values but no label gets one (第5列) so that its cells stay in the record."""
    placed = set(header.columns.values())
    counts: Counter[int] = Counter(
        c for cells in rows for c, v in enumerate(cells) if c not in placed and not is_blank(v)
    )
    at = {"sheet": sheet, "row": header.excel_row}
    found = []
    for c in header.extras:
        label = header.labels[c]
        looks, close = resembles(header.spec, label) if counts[c] else (False, None)
        if looks:
            found.append(_refused(header.spec, label, counts[c], close, **at))
        else:
            found.append(issue("extra_column_ignored", column=label, **at))
    for c in sorted(c for c in counts if c not in header.labels):
        header.labels[c] = f"第{c + 1}列"
        found.append(
            issue("column_without_header", number=c + 1, letter=letter(c), count=counts[c], **at)
        )
    return found
