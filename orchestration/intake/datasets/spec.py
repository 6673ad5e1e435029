"""What defines a submission dataset and a raw table; each dataset module fills one in."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

EITHER, REQUIRED, OPTIONAL = "二选一 either", "必填 required", "选填 optional"
# The sheets every template carries besides its data sheet; intake never reads them as data.
HELP_SHEET, CODES_SHEET = "说明 Instructions", "代码表 Codes"
# Every dataset table starts with where its rows came from and ends with when they arrived.
PROVENANCE = (
    ("submission_id", "varchar"),
    ("department_code", "varchar"),
    ("sheet", "varchar"),
    ("excel_row", "integer"),
)
RECEIVED = (("received_at", "timestamp"),)

# parse_row(context, record, header, cells) fills record.values (and record.issues); typed
# loosely here because the row types (rows.Record, headers.Header) build on this module.
RowParser = Callable[[Any, Any, Any, list[Any]], None]


@dataclass(frozen=True)
class Table:
    """A table in the raw schema of build.duckdb: its columns in order, with DuckDB types."""

    name: str
    description: str
    columns: tuple[tuple[str, str], ...]
    primary_key: str | None = None

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self.columns]

    @property
    def types(self) -> dict[str, str]:
        return dict(self.columns)

    @property
    def ddl(self) -> str:
        """The column list of `create table`."""
        key = {self.primary_key: " primary key"} if self.primary_key else {}
        return ", ".join(f"{name} {kind}{key.get(name, '')}" for name, kind in self.columns)


def data_table(name: str, description: str, *columns: tuple[str, str]) -> Table:
    """A dataset's raw table: provenance columns, the typed fields, then received_at."""
    return Table(name, description, (*PROVENANCE, *columns, *RECEIVED))


@dataclass(frozen=True)
class Field:
    """One column a submission may have: the header spellings intake accepts, and how the
    template and the reasons show it.

    header is the template's header cell, "中文/english" (None: not in the template); its
    Chinese part names the column in reasons. money is the unit an amount is stored in
    (万元, 亿元), converted from the unit written. choices names the template's drop-down.
    """

    name: str
    aliases: tuple[str, ...]
    header: str | None = None
    help_zh: str = ""
    help_en: str = ""
    money: str | None = None
    choices: str | None = None  # years, statuses, regions or codes (the codes sheet)

    @property
    def label(self) -> str:
        return (self.header or self.name).split("/")[0]


@dataclass(frozen=True)
class CodeList:
    """Seed rows the template's codes sheet lists: the seed and the columns shown, in the
    order of the sheet's labelled columns."""

    seed: str
    columns: tuple[str, ...]


# The example row's note: intake ignores a row whose note starts with 示例 or example.
EXAMPLE_NOTE = "示例 / example：仅为填写示范，入库时忽略 / shown to help, ignored by intake"


@dataclass(frozen=True)
class Template:
    """The fill-in template: its data sheet, the labelled codes sheet (code lists from the
    seeds; the drop-down of a field with choices="codes" lists their first column), and an
    example row (a value per field; {code}, {name}, {extra}, {year}, {month}, {status} and
    {region} are filled in from the seeds and the plans' years)."""

    sheet: str
    title: str
    code_labels: tuple[str, ...]
    codes: tuple[CodeList, ...]
    example: tuple[tuple[str, object], ...] = ()


@dataclass(frozen=True, eq=False)
class DatasetSpec:
    """One submission dataset, start to finish; compared by identity (one of each).

    - keys: the fields that identify a row (a code, or a name resolved to it)
    - required: the other fields every row needs
    - header_hint: what its header must name (Chinese, English), for the reason given when
      no header is recognised
    - table: its raw table; suite: the GX suite run on each file
      (expectations/suites/<suite>.json); template: its fill-in template
    - parse_row: types one row into the table's columns
    - period: the field naming what a row reports on: a year (an integer) or a month (a date)
    - measure: (code field, value field) compared with the year before
    - known_codes: the Reference code sets its suite checks against
    - frame_columns: extra columns its suite needs, derived from a row's typed values, with
      their pandas dtypes in frame_types
    - bounds: the plausible range of each checked field of a row, judged against the plan
      (plausibility.Plan -> {field: plausibility.Bound}); the suite compares the field with
      the frame columns <field>__min and <field>__max
    """

    name: str
    fields: tuple[Field, ...]
    keys: tuple[str, ...]
    required: tuple[str, ...]
    header_hint: tuple[str, str]
    table: Table
    suite: str
    template: Template
    parse_row: RowParser
    period: str = "year"
    measure: tuple[str, str] | None = None
    known_codes: tuple[str, ...] = ()
    frame_columns: Callable[[dict[str, Any]], dict[str, Any]] | None = None
    frame_types: tuple[tuple[str, str], ...] = ()
    bounds: Callable[[dict[str, Any], Any], dict[str, Any]] | None = None

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    @property
    def template_fields(self) -> list[Field]:
        return [f for f in self.fields if f.header]

    def requirement(self, name: str) -> str:
        """How the template marks a field: one of two keys, required, or optional."""
        if name in self.keys:
            return EITHER if len(self.keys) > 1 else REQUIRED
        return REQUIRED if name in self.required else OPTIONAL
