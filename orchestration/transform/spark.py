"""The Spark engine's two hand-overs with the build database.

Before dbt runs on Spark, the raw layer that intake wrote in build.duckdb is exported as
parquet, one folder per raw table, which dbt declares as Spark tables (macros/spark). After
dbt has built on Spark, the parquet files of every table it built (seeds, staging,
intermediate, marts) are read back into the same schemas of build.duckdb with the
descriptions dbt gave them, so the audit, the publish and the reports run on what Spark
built exactly as on what DuckDB builds.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import duckdb

from orchestration.intake.datasets.registry import RAW_TABLES
from orchestration.sql import sql_literal

DATA_FILE = "part-0.parquet"


def export_raw_layer(build_db: Path, folder: Path) -> dict[str, int]:
    """Write each raw table as <folder>/<table>/part-0.parquet (swapped in whole); its rows."""
    folder.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    with duckdb.connect(str(build_db), read_only=True) as con:
        for table in RAW_TABLES:
            target = folder / table
            target.mkdir(exist_ok=True)
            temp = target / f".{DATA_FILE}.tmp"
            counts[table] = con.execute(
                f"copy raw.{table} to {sql_literal(str(temp))} (format parquet, compression zstd)"
            ).fetchone()[0]  # COPY answers with the rows it wrote
            os.replace(temp, target / DATA_FILE)
    return counts


def built_tables(manifest: Path) -> dict[tuple[str, str], dict]:
    """The manifest's seeds and models that are tables on the engine, by (schema, name)."""
    nodes = json.loads(manifest.read_text(encoding="utf-8"))["nodes"].values()
    return {
        (node["schema"], node["name"]): node
        for node in nodes
        if node["resource_type"] in ("seed", "model")
        and node["config"].get("materialized") in ("seed", "table", "incremental")
    }


def land_tables(tables: Path, build_db: Path, manifest: Path) -> dict[str, int]:
    """Copy every table Spark built (parquet under tables/<schema>.db/<name>) into the same
    schema of build.duckdb, replacing what was there, with the model's and its columns'
    descriptions; rows per schema.table."""
    counts: dict[str, int] = {}
    with duckdb.connect(str(build_db)) as con:
        for (schema, name), node in sorted(built_tables(manifest).items()):
            files = tables / f"{schema}.db" / name
            if not any(files.rglob("*.parquet")):
                raise FileNotFoundError(
                    f"Spark wrote no parquet files for {schema}.{name} in {files}"
                )
            relation = f'{schema}."{name}"'
            con.execute(f"create schema if not exists {schema}")
            con.execute(f"drop view if exists {relation}")
            con.execute(
                f"create or replace table {relation} as select * from read_parquet("
                f"{sql_literal(str(files / '**' / '*.parquet'))}, hive_partitioning = true)"
            )
            _describe(con, schema, name, node)
            counts[f"{schema}.{name}"] = con.execute(f"select count(*) from {relation}").fetchone()[
                0
            ]
    return counts


def _describe(con: duckdb.DuckDBPyConnection, schema: str, name: str, node: dict) -> None:
    """The descriptions dbt's persist_docs writes on DuckDB, on the landed table."""
    relation = f'{schema}."{name}"'
    if node.get("description"):
        con.execute(f"comment on table {relation} is {sql_literal(node['description'])}")
    present = {
        row[0]
        for row in con.execute(
            "select column_name from duckdb_columns() where schema_name = ? and table_name = ?",
            [schema, name],
        ).fetchall()
    }
    for column, spec in node.get("columns", {}).items():
        if spec.get("description") and column in present:
            con.execute(
                f'comment on column {relation}."{column}" is {sql_literal(spec["description"])}'
            )
