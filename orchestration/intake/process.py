"""One submitted file, start to finish without side effects: read, map, type, validate, decide."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pandas as pd

from orchestration.intake import frames, rows, storage
from orchestration.intake.datasets.registry import DATASETS, header_hints
from orchestration.intake.datasets.spec import DatasetSpec
from orchestration.intake.formats import read_file
from orchestration.intake.plan_checks import check_row
from orchestration.intake.plausibility import explain
from orchestration.intake.reading import DEFAULT_LIMITS, FileRejected, Limits, Sheet
from orchestration.intake.rows import Context
from orchestration.intake.rules import Issue, issue
from orchestration.intake.sheets import read_sheet
from orchestration.intake.validate import Failure, Validator


@dataclass
class Outcome:
    """What intake decided about one file and why."""

    status: str
    dataset: str | None = None
    accepted: list[rows.Record] = field(default_factory=list)
    quarantined: list[rows.Record] = field(default_factory=list)
    file_issues: list[Issue] = field(default_factory=list)
    submitted_on: dt.date | None = None

    @property
    def rows_received(self) -> int:
        return len(self.accepted) + len(self.quarantined)

    @property
    def row_issues(self) -> list[Issue]:
        return [i for r in self.accepted + self.quarantined for i in r.issues]


def rejected(*reasons: Issue) -> Outcome:
    """A file rejected as a whole before any data row was read."""
    return Outcome("rejected", file_issues=list(reasons))


def _name_of(field_name: str) -> str:
    return field_name.removesuffix("_code") + "_name"


def _same(a: str | None, b: str) -> bool:
    """The code and name columns of a key are one field for reporting purposes."""
    return a is not None and (a == b or a == _name_of(b))


def shown(value: object) -> str:
    """A value as a clerk would write it: 8000 not 8000.0, dates as 2023-05-01."""
    if isinstance(value, float):
        value = Decimal(repr(float(value))) if value == value else None
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value)


@dataclass
class SuiteInput:
    """The batch a file's suite validates, its parameters, and the history it was built with."""

    frame: pd.DataFrame
    parameters: dict[str, Any]
    previous: dict[int, Any]


def suite_input(
    spec: DatasetSpec, records: list[rows.Record], ctx: Context, history: frames.History
) -> SuiteInput:
    """The frame and parameters of one file's validation (row_id = position in records)."""
    frame = frames.build_frame(spec, records, history, ctx.ref)
    regions = {r.values.get("region_code") for r in records} & set(ctx.ref.regions)
    params = frames.parameters(spec, ctx.ref, regions or {ctx.region})
    return SuiteInput(frame, params, frames.previous_value(spec, records, history))


def attach_failures(
    spec: DatasetSpec,
    records: list[rows.Record],
    ctx: Context,
    given: SuiteInput,
    failures: list[Failure],
) -> None:
    """Attach the suite's findings to the rows (no field is reported twice)."""
    frame, params = given.frame, given.parameters
    for failure in failures:
        meta = failure.meta
        field_name = meta["field"]
        extra = {k: v for k, v in meta.items() if k not in ("rule", "field", "note")}
        for row_id in failure.row_ids:
            record = records[row_id]
            if any(_same(i.field, field_name) and i.is_error for i in record.issues):
                continue
            values = {k: shown(v) for k, v in record.values.items()}
            previous = frame.at[row_id, "previous"] if "previous" in frame else None
            label = record.labels.get(field_name) or record.labels.get(_name_of(field_name))
            why = {}
            if meta["rule"] == "implausible_scale" and spec.bounds:
                bound = spec.bounds(record.values, ctx.ref)[field_name]
                read = record.read_units.get(field_name)
                why = explain(record.values[field_name], read, bound)
            record.issues.append(
                issue(
                    meta["rule"],
                    sheet=record.sheet,
                    row=record.excel_row,
                    column=label,
                    field=field_name,
                    **{
                        **params,
                        **values,
                        **extra,
                        **why,
                        "value": values.get(field_name),
                        "previous": shown(previous),
                    },
                )
            )


@dataclass
class Prepared:
    """A file read, mapped and checked row by row, waiting for its suite (`conclude`)."""

    dataset: str
    spec: DatasetSpec
    ctx: Context
    originals: list[rows.Record]
    copies: list[rows.Record]
    file_issues: list[Issue]
    header_ok: bool
    submitted_on: dt.date | None

    @property
    def needs_suite(self) -> bool:
        return self.header_ok and bool(self.originals)


def prepare(data: bytes, file_name: str, ctx: Context, limits: Limits) -> Outcome | Prepared:
    """Everything about one file's bytes short of its suite; an Outcome when already decided."""
    try:
        sheets: list[Sheet] = read_file(data, file_name, limits)
    except FileRejected as exc:
        return rejected(exc.reason)
    parsed = [read_sheet(sheet) for sheet in sheets]
    file_issues = [i for p in parsed for i in p.issues]
    found = sorted({p.header.dataset for p in parsed if p.header})
    if not found:
        empty = all(not s.rows for s in sheets)
        reason = issue("no_data_rows") if empty else issue("dataset_unrecognised", **header_hints())
        return rejected(reason, *file_issues)
    if len(found) > 1:
        return rejected(issue("mixed_datasets", datasets="、".join(found)), *file_issues)
    dataset, spec = found[0], DATASETS[found[0]]
    records = [r for p in parsed for r in p.records]
    if not records:
        file_issues.append(issue("no_data_rows"))
    header_ok = not any(i.is_error for i in file_issues)
    for p in parsed:
        if p.header and header_ok:
            for record, cells in zip(p.records, p.cells, strict=True):
                spec.parse_row(ctx, record, p.header, cells)
                check_row(spec, ctx, record, p.header)
                storage.fit(spec, record)
    copies = rows.mark_copies(records)
    copy_ids = {id(r) for r in copies}
    originals = [r for r in records if id(r) not in copy_ids]
    stated = next((p.submitted_on for p in parsed if p.submitted_on), None)
    return Prepared(dataset, spec, ctx, originals, copies, file_issues, header_ok, stated)


def conclude(
    prepared: Prepared, checked: tuple[SuiteInput, list[Failure]] | None = None
) -> Outcome:
    """Accepted or rejected, once the suite's findings (if it ran) are on the rows."""
    p = prepared
    if checked is not None:
        attach_failures(p.spec, p.originals, p.ctx, *checked)
    if p.header_ok and not any(r.errors for r in p.originals):
        return Outcome("accepted", p.dataset, p.originals, p.copies, p.file_issues, p.submitted_on)
    for record in p.originals:
        if not record.errors:
            record.issues.append(issue("file_rejected", sheet=record.sheet, row=record.excel_row))
    return Outcome("rejected", p.dataset, [], p.originals + p.copies, p.file_issues, p.submitted_on)


def process(
    data: bytes,
    file_name: str,
    ctx: Context,
    validator: Validator,
    *,
    limits: Limits = DEFAULT_LIMITS,
    history: Callable[[str], frames.History] | None = None,
    name: str = "file",
) -> Outcome:
    """Decide accepted or rejected for one file's bytes; errors reject the whole file."""
    prepared = prepare(data, file_name, ctx, limits)
    if isinstance(prepared, Outcome):
        return prepared
    if not prepared.needs_suite:
        return conclude(prepared)
    past = history(prepared.dataset) if history else {}
    given = suite_input(prepared.spec, prepared.originals, ctx, past)
    failures = validator.validate(prepared.dataset, given.frame, given.parameters, name)
    return conclude(prepared, (given, failures))
