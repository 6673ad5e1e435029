"""Stand-ins for dbt's Jinja context: sqlfluff's jinja templater renders models without dbt or a db.

Each stub renders SQL close to what dbt-duckdb would. The models read no dbt vars (a plan's
years are data), so there is no `var` stand-in: a model that calls one fails the lint.
"""

from __future__ import annotations

from typing import Any

execute = False


def load_relation(relation: Any) -> None:
    """No database while linting: every relation is unknown."""
    return None


def raw_source(table_name: str) -> str:
    """The raw table as dbt renders it once intake has created it."""
    return f"select * from raw.{table_name}"


def measure_type() -> str:
    return "decimal(20,6)"


def money_type() -> str:
    return "decimal(18,2)"


def try_cast(expression: str, data_type: str) -> str:
    return f"try_cast({expression} as {data_type})"


def zoned_time(expression: str) -> str:
    return f"timezone('Asia/Shanghai', cast({expression} as timestamp))"


def raw_column(table_name: str, column_name: str, data_type: str) -> str:
    """The raw column as dbt renders it once intake writes it."""
    return f"cast({column_name} as {data_type})"


def as_of_date() -> str:
    """A stand-in of macros/as_of.sql's as-of date."""
    return "cast(now() as date)"


def evaluation_date(year: str) -> str:
    """A stand-in of macros/as_of.sql's 31 December of a year."""
    return f"cast(cast({year} as varchar) || '-12-31' as date)"


def revisioned(rows: str, key: list[str], id_name: str, id_columns: list[str], **_: Any) -> str:
    """A stand-in of macros/revisions.sql: the revisions of `rows`, numbered per key."""
    partition = ", ".join(key)
    return (
        f"select md5({' || '.join(id_columns)}) as {id_name}, counted.*,\n"
        f"        row_number() over (partition by {partition} order by received_at) as revision_no\n"
        f"    from {rows} as counted"
    )


def path_formula(
    path_type: str, baseline_value: str, target_value: str, annual_target_value: str = "null"
) -> str:
    """A stand-in of macros/planned_path.sql's formula name, of the same shape."""
    return f"case when {path_type} is null or {target_value} is null then null else 'linear' end"


def path_value(
    path_formula: str,
    baseline_value: str,
    target_value: str,
    years: str,
    span: str,
    annual_target_value: str = "null",
) -> str:
    """A stand-in of macros/planned_path.sql's value on the path, of the same type."""
    return f"cast(case {path_formula} when 'flat' then {baseline_value} end as decimal(20,6))"


class _Column:
    @staticmethod
    def numeric_type(dtype: str, precision: int, scale: int) -> str:
        return f"{dtype}({precision},{scale})"


class _Api:
    Column = _Column


class _Dbt:
    """The cross-database macros the models call, rendered for DuckDB."""

    @staticmethod
    def hash(field: str) -> str:
        return f"md5(cast({field} as varchar))"

    @staticmethod
    def concat(fields: list[str]) -> str:
        return " || ".join(fields)

    @staticmethod
    def type_string() -> str:
        return "varchar"

    @staticmethod
    def current_timestamp() -> str:
        return "now()"

    @staticmethod
    def datediff(first_date: str, second_date: str, datepart: str) -> str:
        return f"date_diff('{datepart}', {first_date}, {second_date})"

    @staticmethod
    def dateadd(datepart: str, interval: object, from_date_or_timestamp: str) -> str:
        return f"date_add({from_date_or_timestamp}, interval ({interval}) {datepart})"

    @staticmethod
    def date_trunc(datepart: str, date: str) -> str:
        return f"date_trunc('{datepart}', {date})"

    @staticmethod
    def split_part(string_text: str, delimiter_text: str, part_number: int) -> str:
        return f"split_part({string_text}, {delimiter_text}, {part_number})"

    @staticmethod
    def listagg(measure: str, delimiter_text: str = "','", order_by_clause: str = "") -> str:
        return f"string_agg({measure}, {delimiter_text} {order_by_clause})"

    @staticmethod
    def generate_series(upper_bound: int) -> str:
        return f"select range as generated_number from range(1, {upper_bound} + 1)"


api = _Api()
dbt = _Dbt()


def accepted_raw_rows(staging_model: str, columns: list[str]) -> str:
    """A stand-in of macros/tests/accepted_raw_rows.sql: accepted, not withdrawn rows."""
    listed = "".join(f"staged.{c}, " for c in columns)
    return (
        f"select staged.submission_id, {listed}staged.region_code\n"
        f"    from {staging_model} as staged"
    )


def project_report_revisions(rows: str) -> str:
    """A stand-in of macros/project_reports.sql: the revisions of project reports."""
    return revisioned(
        rows,
        key=["region_code", "project_code", "report_month"],
        id_name="project_report_id",
        id_columns=["submission_id", "region_code", "project_code", "report_month"],
    )


def sequenced_project_reports(reports: str, carried: str | None = None) -> str:
    """A stand-in of macros/project_reports.sql: the reports with their month-ordered windows."""
    return (
        "select *, lag(cumulative_investment) over (\n"
        "        partition by region_code, project_code order by report_month\n"
        f"    ) as previous_cumulative_investment\n    from {reports}"
    )


def recomputed_project_reports(built: str) -> str:
    """A stand-in of macros/project_reports_incremental.sql: the recomputed reports."""
    return sequenced_project_reports(built)


def delete_withdrawn_reports(relation: str) -> str:
    """A stand-in of macros/project_reports_incremental.sql's post-hook."""
    return f"delete from {relation} where false"
