"""Header-row detection: which row below any title rows names which dataset's fields."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from orchestration.intake.coerce import text
from orchestration.intake.fields import FIELDS, KEYS, LABELS, REQUIRED

HEADER_SEARCH_ROWS = 30


def header_key(cell: str) -> tuple[str, str | None]:
    """A header spelling folded for comparison, and the unit written in brackets after it."""
    value = unicodedata.normalize("NFKC", cell).strip().lower().strip("*").strip()
    unit = None
    if match := re.search(r"[(\[]([^()\[\]]*)[)\]]\s*$", value):
        unit, value = match.group(1).strip() or None, value[: match.start()]
    return re.sub(r"[\s_]+", " ", value).strip(), unit


_SPELLINGS = {
    dataset: {header_key(alias)[0]: name for name, aliases in spec.items() for alias in aliases}
    for dataset, spec in FIELDS.items()
}


@dataclass
class Header:
    """A recognised header row: which column holds which field, and what else is there."""

    dataset: str
    excel_row: int
    columns: dict[str, int] = field(default_factory=dict)
    labels: dict[int, str] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)
    extras: list[int] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)


def match_cell(dataset: str, cell: object) -> tuple[str | None, str | None]:
    """The field a header cell names in this dataset, and its bracketed unit; bilingual cells
    such as "指标代码 / indicator_code" or "数值(value)" match on any part."""
    for part in re.split(r"[/\n|]", str(cell).replace("\\n", "\n")):
        key, unit = header_key(part)
        if key in _SPELLINGS[dataset]:
            translated = unit is not None and header_key(unit)[0] in _SPELLINGS[dataset]
            return _SPELLINGS[dataset][key], None if translated else unit
    return None, None


def match_row(dataset: str, number: int, cells: list[object]) -> Header | None:
    """The Header if this row names the dataset's key column and at least one other field."""
    header = Header(dataset, number)
    for index, cell in enumerate(cells):
        if not text(cell):
            continue
        header.labels[index] = str(cell).strip()
        name, unit = match_cell(dataset, cell)
        if name is None:
            header.extras.append(index)
        elif name in header.columns:
            header.duplicates.append(text(cell))
        else:
            header.columns[name] = index
            if unit:
                header.units[name] = unit
    keys = [k for k in KEYS[dataset] if k in header.columns]
    others = [f for f in header.columns if f not in KEYS[dataset] and f != "note"]
    return header if keys and others else None


def find_header(rows: list[tuple[int, list[object]]]) -> Header | None:
    """The first row among the top rows that is a header of some dataset (title rows skipped)."""
    for number, cells in rows[:HEADER_SEARCH_ROWS]:
        for dataset in FIELDS:
            if header := match_row(dataset, number, cells):
                return header
    return None


def missing_required(header: Header) -> list[str]:
    """Labels of the required columns the header lacks."""
    return [LABELS[f] for f in REQUIRED[header.dataset] if f not in header.columns]
