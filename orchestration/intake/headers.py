"""Header cells and rows: which field of a dataset a header cell names, and its unit."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from orchestration.intake.coerce import strip_invisible, text
from orchestration.intake.datasets.spec import DatasetSpec


def header_key(cell: str) -> tuple[str, str | None]:
    """A header spelling folded for comparison, and the unit written in brackets after it."""
    value = strip_invisible(unicodedata.normalize("NFKC", cell)).strip().lower().strip("*").strip()
    unit = None
    if match := re.search(r"[(\[]([^()\[\]]*)[)\]]\s*$", value):
        unit, value = match.group(1).strip() or None, value[: match.start()]
    return re.sub(r"[\s_]+", " ", value).strip(), unit


@cache
def _spellings(spec: DatasetSpec) -> dict[str, str]:
    """Folded header spelling -> field name, for one dataset (worked out once per spec)."""
    return {header_key(alias)[0]: f.name for f in spec.fields for alias in f.aliases}


def field_of(spec: DatasetSpec, key: str) -> str | None:
    """The field a folded header spelling names in this dataset, if any."""
    return _spellings(spec).get(key)


@dataclass
class Header:
    """A recognised header (one row, or two with first_row above): which column holds which
    field, the labels as written, the units they state, and what else is there."""

    spec: DatasetSpec
    excel_row: int
    columns: dict[str, int] = field(default_factory=dict)
    labels: dict[int, str] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)
    extras: list[int] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    first_row: int | None = None
    ambiguous: list[tuple[str, str, str]] = field(default_factory=list)  # label, why (zh, en)

    @property
    def dataset(self) -> str:
        return self.spec.name


def match_cell(spec: DatasetSpec, cell: object) -> tuple[str | None, str | None]:
    """The field a header cell names in this dataset, and its bracketed unit; bilingual cells
    such as "指标代码 / indicator_code" or "数值(value)" match on any part."""
    spellings = _spellings(spec)
    for part in re.split(r"[/\n|]", str(cell).replace("\\n", "\n")):
        key, unit = header_key(part)
        if key in spellings:
            translated = unit is not None and header_key(unit)[0] in spellings
            return spellings[key], None if translated else unit
    return None, None


def match_row(spec: DatasetSpec, number: int, cells: list[object]) -> Header | None:
    """The Header if this row names the dataset's key column and at least one other field."""
    header = Header(spec, number)
    for index, cell in enumerate(cells):
        if not text(cell):
            continue
        header.labels[index] = str(cell).strip()
        name, unit = match_cell(spec, cell)
        if name is None:
            header.extras.append(index)
        elif name in header.columns:
            header.duplicates.append(text(cell))
        else:
            header.columns[name] = index
            if unit:
                header.units[name] = unit
    keys = [k for k in spec.keys if k in header.columns]
    others = [f for f in header.columns if f not in spec.keys and f != "note"]
    return header if keys and others else None


def missing_required(header: Header) -> list[str]:
    """Labels of the required columns the header lacks."""
    spec = header.spec
    return [spec.field(f).label for f in spec.required if f not in header.columns]
