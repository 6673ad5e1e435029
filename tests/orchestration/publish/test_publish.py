"""Publishing copies the marts into a new file and swaps it in atomically."""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb
import pytest

from orchestration.publish.publish import list_tables, publish_marts


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def build_db(tmp_path: Path) -> Path:
    """GIVEN a build database with two described mart tables."""
    path = tmp_path / "build.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("create schema marts")
        con.execute("create table marts.dim_a as select range as id from range(5)")
        con.execute("create table marts.dim_b as select 'x' as code")
        con.execute("comment on table marts.dim_a is '甲 — table a'")
        con.execute("comment on column marts.dim_a.id is '编号 — id'")
    return path


def test_publish_copies_tables_comments_and_provenance(build_db: Path, tmp_path: Path) -> None:
    marts = tmp_path / "out" / "marts.duckdb"
    tables = {"marts": list_tables(build_db, "marts")}

    result = publish_marts(build_db, marts, tables, {"git_commit": "abc"})

    assert result.tables == {"dim_a": 5, "dim_b": 1}
    with duckdb.connect(str(marts), read_only=True) as con:
        assert con.execute("select count(*) from dim_a").fetchone()[0] == 5
        comment = con.execute(
            "select comment from duckdb_columns() where table_name = 'dim_a'"
        ).fetchone()[0]
        assert comment == "编号 — id"
        provenance = dict(con.execute("select item, value from refresh_provenance").fetchall())
    assert provenance["git_commit"] == "abc"
    assert list(marts.parent.glob(".marts-*")) == []


def test_failed_publish_leaves_previous_file_byte_for_byte(build_db: Path, tmp_path: Path) -> None:
    marts = tmp_path / "marts.duckdb"
    publish_marts(build_db, marts, {"marts": ["dim_a"]}, {})
    before = _digest(marts)

    with pytest.raises(duckdb.CatalogException):
        publish_marts(build_db, marts, {"marts": ["dim_a", "no_such_table"]}, {})

    assert _digest(marts) == before
    assert list(tmp_path.glob(".marts-*")) == []


def test_stale_temporaries_of_a_crashed_publish_are_removed(build_db: Path, tmp_path: Path) -> None:
    marts = tmp_path / "marts.duckdb"
    stale = tmp_path / ".marts-deadbeef.duckdb.tmp"
    stale.write_bytes(b"half a file")

    publish_marts(build_db, marts, {"marts": ["dim_b"]}, {})

    assert not stale.exists()
    assert marts.exists()


def test_the_published_file_is_written_in_a_storage_format_duckdb_1_reads(
    build_db: Path, tmp_path: Path
) -> None:
    marts = tmp_path / "marts.duckdb"

    publish_marts(build_db, marts, {"marts": ["dim_a"]}, {})

    with duckdb.connect(str(marts), read_only=True) as con:
        [(tags,)] = con.execute(
            "select tags from duckdb_databases() where database_name = 'marts'"
        ).fetchall()
    assert tags["storage_version"].startswith("v1.")
