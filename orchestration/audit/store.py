"""The DuckDB side of the audit: read a suite's batch and parameters, keep the results."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from orchestration.audit.suites import MartSuite
from orchestration.sql import sql_literal

AUDIT_SCHEMA = "audit"
VALIDATION_RESULT = "validation_result"

COLUMNS: dict[str, tuple[str, str]] = {
    "run_id": ("varchar not null", "运行编号 — Dagster run that validated."),
    "validated_at": ("timestamptz not null", "校验时间 — When the suite ran."),
    "suite": ("varchar not null", "校验套件 — Great Expectations suite, marts.<model>."),
    "mart": ("varchar not null", "数据集市表 — The mart the suite validated."),
    "expectation_type": ("varchar not null", "校验规则 — Expectation type, or suite_not_run."),
    "column_name": ("varchar", "字段 — Column(s) the expectation is about; null for table-level."),
    "description": ("varchar", "规则说明 — What the expectation asserts, in words."),
    "expectation_kwargs": ("varchar", "规则参数 — Arguments with parameters bound (JSON)."),
    "success": ("boolean not null", "是否通过 — True when the expectation held."),
    "severity": (
        "varchar not null",
        "严重程度 — critical blocks the publish; warning is reported only.",
    ),
    "observed_value": ("varchar", "观测值 — Observed value, or counts of failing rows (JSON)."),
    "unexpected_count": ("bigint", "不符合行数 — Rows that broke the expectation."),
    "failing_sample": ("varchar", "不符合行样本 — Up to 20 failing rows as JSON."),
    "exception": ("varchar", "运行错误 — Error that stopped the expectation or suite."),
}
TABLE_COMMENT = (
    "数据集市校验结果 — Great Expectations results of every audit of the marts, "
    "one row per expectation per run, appended."
)


def read_batch(con: duckdb.DuckDBPyConnection, suite: MartSuite) -> pd.DataFrame:
    """The suite's batch: the whole mart, or its batch_sql, as a DataFrame."""
    return con.execute(suite.batch_sql).df()


def bind_parameters(con: duckdb.DuckDBPyConnection, suite: MartSuite) -> dict[str, Any]:
    """Run each parameter's SQL now; a scalar must return exactly one row. A value set is
    sorted, so the recorded expectation reads the same whatever order the engine stored it in."""
    bound: dict[str, Any] = {}
    for name, parameter in suite.parameters.items():
        rows = con.execute(parameter.sql).fetchall()
        if parameter.kind == "values":
            bound[name] = sorted({row[0] for row in rows}, key=lambda v: (v is None, str(v)))
        elif len(rows) == 1:
            bound[name] = rows[0][0]
        else:
            raise ValueError(f"{suite.name}: parameter {name} returned {len(rows)} rows, not 1")
    return bound


def ensure_table(con: duckdb.DuckDBPyConnection) -> None:
    """Create audit.validation_result (or add columns it lacks), described like the marts."""
    table = f"{AUDIT_SCHEMA}.{VALIDATION_RESULT}"
    con.execute(f"create schema if not exists {AUDIT_SCHEMA}")
    columns = ", ".join(f"{name} {kind}" for name, (kind, _) in COLUMNS.items())
    con.execute(f"create table if not exists {table} ({columns})")
    for name, (kind, _) in COLUMNS.items():
        added = kind.removesuffix(" not null")
        con.execute(f"alter table {table} add column if not exists {name} {added}")
    con.execute(f"comment on table {table} is {sql_literal(TABLE_COMMENT)}")
    for name, (_, comment) in COLUMNS.items():
        con.execute(f"comment on column {table}.{name} is {sql_literal(comment)}")


def append_results(build_db: Path, rows: list[dict[str, Any]]) -> int:
    """Append result rows to audit.validation_result in one transaction; returns the count."""
    with duckdb.connect(str(build_db)) as con:
        ensure_table(con)
        frame = pd.DataFrame(rows, columns=list(COLUMNS))
        con.register("incoming", frame)
        con.execute(
            f"insert into {AUDIT_SCHEMA}.{VALIDATION_RESULT} by name select * from incoming"
        )
        con.unregister("incoming")
    return len(rows)


def results_summary(build_db: Path, run_id: str) -> dict[str, int]:
    """Counts of one run's results, for the provenance of what gets published."""
    with duckdb.connect(str(build_db), read_only=True) as con:
        row = con.execute(
            "select count(distinct suite), count(*), "
            "count(*) filter (where not success and severity = 'critical'), "
            "count(*) filter (where not success and severity <> 'critical') "
            f"from {AUDIT_SCHEMA}.{VALIDATION_RESULT} where run_id = ?",
            [run_id],
        ).fetchone()
    return dict(zip(("suites", "expectations", "failed", "warnings"), row, strict=True))
