"""Stand-ins for dbt's Jinja context: sqlfluff's jinja templater renders models without dbt or a db.

Each stub renders SQL close to what dbt-duckdb would; vars come from dbt_project.yml.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

_PROJECT_VARS: dict[str, Any] = yaml.safe_load(
    (Path(__file__).resolve().parent.parent / "dbt_project.yml").read_text(encoding="utf-8")
).get("vars", {})

execute = False


def var(name: str, default: Any = None) -> Any:
    """A project var as dbt_project.yml sets it, else the default."""
    return _PROJECT_VARS.get(name, default)


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


def path_formula(path_type: str, baseline_value: str, target_value: str) -> str:
    """A stand-in of macros/planned_path.sql's formula name, of the same shape."""
    return f"case when {path_type} is null or {target_value} is null then null else 'linear' end"


def path_value(path_formula: str, baseline_value: str, target_value: str, years: str) -> str:
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
    def date_trunc(datepart: str, date: str) -> str:
        return f"date_trunc('{datepart}', {date})"


api = _Api()
dbt = _Dbt()
