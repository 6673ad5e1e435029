"""Where a sheet's header is: below any title rows, in one row or two (a merged group cell
such as 投资情况（万元） above its columns, or a row of units), with any unit stated above it
(单位：万元)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from orchestration.intake import dates, units
from orchestration.intake.coerce import CoerceError, quantity, text
from orchestration.intake.datasets.spec import DatasetSpec
from orchestration.intake.headers import Header, field_of, header_key, match_cell, match_row
from orchestration.intake.reading import Row

HEADER_SEARCH_ROWS = 30
STATED_UNIT = re.compile(r"(?:金额|计量|货币)?单位\s*[:：]\s*([^\s,，;；)）]+)")


def _reads_as_value(cell: object) -> bool:
    """True for a cell that is data rather than a label: a number or a date."""
    if not isinstance(cell, str):
        return True
    for parse in (quantity, dates.calendar_date, dates.report_month):
        try:
            parse(cell)
            return True
        except CoerceError:
            continue
    return False


def label_like(cells: list[object]) -> bool:
    """True when every filled cell of the row is a label (no number, no date)."""
    filled = [c for c in cells if text(c)]
    return bool(filled) and not any(_reads_as_value(c) for c in filled)


def _unit_of(cell: str) -> str | None:
    """The unit bracketed after a label (any part of a bilingual one)."""
    for part in re.split(r"[/\n|]", cell):
        if unit := header_key(part)[1]:
            return unit
    return None


def _applies(unit: str | None) -> str | None:
    """A group cell's unit passes to its columns when it is a unit (an unknown one that names
    money too, so that it is refused rather than ignored); other brackets are remarks."""
    return unit if unit and (units.canonical_unit(unit) or "元" in unit) else None


def _parents(number: int, upper: list[object], lower: list[object], merged) -> dict[int, int]:
    """For each column, the column of the upper-row cell above it: its own, or a group cell's
    (a merged range in the upper row, else a filled cell followed by empty ones whose
    columns are labelled in the lower row)."""
    width = max(len(upper), len(lower))
    get = lambda row, c: row[c] if c < len(row) else None  # noqa: E731
    parents = {c: c for c in range(width) if text(get(upper, c))}
    spans = [(left, right) for top, left, _, right in merged if top == number and right > left]
    for left, right in spans:
        parents.update({c: left for c in range(left, right + 1) if c < width})
    if spans:
        return parents
    group = None
    for c in range(width):
        if text(get(upper, c)):
            group = c if text(get(lower, c)) else None
        elif group is not None and text(get(lower, c)):
            parents[c] = group
        else:
            group = None
    return parents


def _place(
    spec: DatasetSpec, parent: str, child: str, alone: bool
) -> tuple[str | None, str | None, str, tuple[str, str] | None]:
    """The field, unit and label of a column headed by a group cell and its own cell, or why it
    cannot be told: the child names the field (the group's unit applying), or both together
    do (本期 under 完成投资), or the group alone when it heads only this column."""
    label = f"{parent}/{child}" if parent and child else parent or child
    p_name, p_unit = match_cell(spec, parent) if parent else (None, None)
    group_unit = _applies(p_unit or (_unit_of(parent) if parent else None))
    if not child:
        return (p_name if alone else None), p_unit, label, None
    c_name, c_unit = match_cell(spec, child)
    if not parent:
        return c_name, c_unit, label, None
    if c_name is None and units.canonical_unit(child):
        return (p_name if alone else None), child, label, None
    name = c_name
    if name is None:
        p_key, c_key = header_key(parent)[0], header_key(child)[0]
        joined = (p_key + c_key, c_key + p_key, f"{p_key} {c_key}", f"{c_key} {p_key}")
        name = next((n for k in joined if (n := field_of(spec, k))), None)
    if name is None and alone:
        name = p_name
    if name is None:
        return None, None, label, None
    if c_unit and group_unit and units.canonical_unit(c_unit) != units.canonical_unit(group_unit):
        why = (f"上下两行的单位“{group_unit}”与“{c_unit}”不一致", f"units {group_unit}, {c_unit}")
        return None, None, label, why
    return name, c_unit or group_unit, child if c_name else label, None


def combine(spec: DatasetSpec, upper: Row, lower: Row, merged) -> Header:
    """The header spread over two adjacent rows, a group row above a row of labels."""
    (top, up), (number, low) = upper, lower
    parents = _parents(top, up, low, merged)
    heads = Counter(parents.values())
    header = Header(spec, number, first_row=top)
    for c in range(max(len(up), len(low))):
        parent = str(up[parents[c]]).strip() if c in parents and text(up[parents[c]]) else ""
        below = low[c] if c < len(low) else None
        child = str(below).strip() if text(below) and text(below) != text(parent) else ""
        if not parent and not child:
            continue
        name, unit, label, why = _place(spec, parent, child, heads[parents.get(c)] == 1)
        header.labels[c] = label
        if why:
            header.ambiguous.append((label, *why))
        elif name is None:
            header.extras.append(c)
        elif name in header.columns:
            other = header.labels[header.columns[name]]
            why = (f"“{other}”与“{label}”两列都对应同一字段", f"{other} and {label} both map")
            header.ambiguous.append((label, *why))
        else:
            header.columns[name] = c
            if unit:
                header.units[name] = unit
    return header


def _usable(header: Header) -> bool:
    spec = header.spec
    keys = [k for k in spec.keys if k in header.columns]
    return bool(keys) and any(f not in spec.keys and f != "note" for f in header.columns)


def _groups(upper: list[object], lower: list[object]) -> bool:
    """A row of group cells, not a title: two cells or more, or one that is not above the
    first labelled column."""
    filled = [c for c, v in enumerate(upper) if text(v)]
    first = next((c for c, v in enumerate(lower) if text(v)), 0)
    return len(filled) > 1 or (len(filled) == 1 and filled[0] > first)


def _adds(header: Header, lower: list[object]) -> bool:
    """True when the row below a one-row header completes it: labels under its unnamed or
    unplaced columns, or units, and nothing else under the columns it already placed."""
    placed = set(header.columns.values())
    added = False
    for c, cell in enumerate(lower):
        if not text(cell):
            continue
        is_unit = units.canonical_unit(text(cell)) is not None
        if c in placed and not is_unit and text(cell) != text(header.labels.get(c)):
            return False
        added = added or is_unit or c not in placed
    return added


def _stated_unit(header: Header, above: list[Row]) -> Header:
    """Money columns without a unit of their own take one stated above the table."""
    found = (m.group(1) for _, cells in above for c in cells for m in STATED_UNIT.finditer(text(c)))
    stated = next((unit for unit in found if _applies(unit)), None)
    if stated:
        for f in header.spec.fields:
            if f.money and f.name in header.columns and f.name not in header.units:
                header.units[f.name] = stated
    return header


def find_header(
    rows: list[Row], specs: Iterable[DatasetSpec], merged: list[tuple[int, int, int, int]] = ()
) -> Header | None:
    """The first header among the top rows (title rows skipped); datasets are tried in the
    order given, a two-row reading before a one-row one."""
    specs, top = tuple(specs), rows[:HEADER_SEARCH_ROWS]
    for i, (number, cells) in enumerate(top):
        lower = top[i + 1] if i + 1 < len(top) and top[i + 1][0] == number + 1 else None
        pair = (
            lower is not None
            and label_like(cells)
            and label_like(lower[1])
            and _groups(cells, lower[1])
        )
        for spec in specs:
            single = match_row(spec, number, cells)
            if pair and (single is None or _adds(single, lower[1])):  # type: ignore[index]
                two = combine(spec, (number, cells), lower, merged)  # type: ignore[arg-type]
                if _usable(two):
                    return _stated_unit(two, top[: i + 1])
            if single:
                return _stated_unit(single, top[:i])
    return None
