"""Data rows under a header: skipping blank, footnote and total rows; typed fields with issues."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from orchestration.cells import neutralise
from orchestration.intake.coerce import CoerceError, invisible, is_blank, text, visible
from orchestration.intake.headers import Header
from orchestration.intake.reading import Uncomputed
from orchestration.intake.reference import Reference
from orchestration.intake.rules import Issue, issue

TOTALS = {"合计", "总计", "小计", "合 计", "总 计", "total", "subtotal", "grand total"}
# The template's example row says so in its note cell: 示例 / example …
EXAMPLE = re.compile(r"^\s*(示例|example\b)", re.I)
FOOTNOTE = re.compile(
    r"^(注|说明|备注|数据来源|资料来源|来源|填报|审核|制表|负责人|联系人|联系电话|单位负责人|note|source|\*|※)",
    re.I,
)


@dataclass
class Context:
    """What parsing a row needs besides the row: reference data, the department folder and
    the region folder above it (None in the single-region layout raw/<department>/)."""

    ref: Reference
    department: str
    folder_region: str | None = None

    @property
    def region(self) -> str:
        """The file's region: its region folder, else the default region."""
        return self.folder_region or self.ref.default_region


@dataclass(eq=False)
class Record:
    """One data row: where it is, its original cells, its typed values and what is wrong."""

    sheet: str | None
    excel_row: int
    raw: dict[str, Any]
    labels: dict[str, str] = field(default_factory=dict)
    values: dict[str, Any] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    read_units: dict[str, tuple[str, str]] = field(default_factory=dict)  # unit, where written

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.is_error]

    def raw_json(self) -> str:
        """The original cells as JSON, keyed by the header as written."""
        return json.dumps(self.raw, ensure_ascii=False, default=_jsonable)


def _jsonable(value: object) -> object:
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return str(value)


def cell(header: Header, cells: list[object], name: str) -> object:
    """The cell of a field in this row (None when the column is absent)."""
    index = header.columns.get(name)
    return cells[index] if index is not None and index < len(cells) else None


def kind(header: Header, cells: list[object]) -> str:
    """blank, total, example (the template's), footnote or data: only data rows are received."""
    used = [cells[i] for i in header.labels if i < len(cells)]
    if all(is_blank(c) for c in used):
        return "blank"
    if "note" in header.columns and EXAMPLE.match(text(cell(header, cells, "note"))):
        return "example"
    keys = [text(cell(header, cells, k)) for k in header.spec.keys]
    if any(k.lower() in TOTALS for k in keys):
        return "total"
    required = [cell(header, cells, f) for f in header.spec.required]
    no_key = all(not k for k in keys) or any(FOOTNOTE.match(k) for k in keys)
    if no_key and all(is_blank(c) for c in required):
        return "footnote"
    return "data"


def new_record(header: Header, sheet: str | None, number: int, cells: list[object]) -> Record:
    """A Record holding the row's original cells keyed by header label."""
    raw: dict[str, Any] = {}
    for index, label in header.labels.items():
        value = cells[index] if index < len(cells) else None
        raw[label if label not in raw else f"{label}#{index + 1}"] = value
    labels = {name: header.labels[index] for name, index in header.columns.items()}
    return Record(sheet, number, raw, labels)


def mark_copies(records: list[Record]) -> list[Record]:
    """Rows identical in every cell to an earlier row: warned about and not loaded twice."""
    first: dict[str, Record] = {}
    copies = []
    for record in records:
        signature = record.raw_json()
        if signature in first:
            original = first[signature]
            record.issues.append(
                issue(
                    "duplicate_row",
                    sheet=record.sheet,
                    row=record.excel_row,
                    first_row=original.excel_row,
                )
            )
            copies.append(record)
        else:
            first[signature] = record
    return copies


def flag(record: Record, header: Header, name: str, rule: str, **values: object) -> None:
    """Add an issue about one field's cell of this row."""
    label = header.labels.get(header.columns[name])
    record.issues.append(
        issue(rule, sheet=record.sheet, row=record.excel_row, column=label, field=name, **values)
    )


def parse_field(
    record: Record, header: Header, name: str, cells: list[object], parse: Callable[[Any], Any]
) -> Any:
    """Parse one field's cell; a blank gives None, a bad cell gives None plus an issue. A
    formula saved without its result is an error; invisible characters (a zero-width space)
    are dropped with a warning that shows them."""
    value = cell(header, cells, name)
    if isinstance(value, Uncomputed):
        flag(record, header, name, "formula_without_value", formula=str(value)[:80])
        return None
    if isinstance(value, str) and (found := invisible(value)):
        chars = "、".join(found)
        flag(
            record,
            header,
            name,
            "invisible_character_removed",
            value=visible(value),
            chars=chars,
            clean=text(value),
        )
    if is_blank(value):
        return None
    try:
        return parse(value)
    except CoerceError as exc:
        shown = visible(text(value)) if not isinstance(value, dt.date) else value.isoformat()
        flag(record, header, name, exc.rule, **{"value": shown, **exc.values})
        return None


def note(record: Record, header: Header, cells: list[object]) -> str | None:
    """The free-text note, made safe against formula injection (with a warning if changed)."""
    value = cell(header, cells, "note")
    if isinstance(value, Uncomputed):
        flag(record, header, "note", "formula_without_value", formula=str(value)[:80])
        return None
    if is_blank(value):
        return None
    safe, char = neutralise(str(value).strip())
    if char:
        label = header.labels.get(header.columns["note"])
        record.issues.append(
            issue(
                "formula_neutralised",
                sheet=record.sheet,
                row=record.excel_row,
                column=label,
                char=char,
            )
        )
    return safe
