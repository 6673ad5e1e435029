"""The `planwatch` command as a person at a terminal uses it."""

from pathlib import Path

import duckdb
import pytest

from orchestration.cli import main
from orchestration.publish.publish import publish_marts
from orchestration.settings import Paths


def _csv(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_ingest_accepts_a_good_file_and_prints_the_verdict(
    warehouse: Paths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = _csv(tmp_path, "gdp.csv", "指标代码,年份,数值,单位\nI01,2021,330,亿元\n")

    code = main(["ingest", str(good), "--dept", "stats"])

    out = capsys.readouterr().out
    assert code == 0, out
    assert "stats/gdp.csv: accepted (indicator_values)" in out
    assert "rows received 1, accepted 1, quarantined 0" in out
    assert (warehouse.raw / "stats" / "gdp.csv").read_bytes() == good.read_bytes()


def test_ingest_rejects_a_bad_file_with_the_reason(
    warehouse: Paths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = _csv(tmp_path, "gdp.csv", "指标代码,年份,数值,单位\nI01,2031,330,亿元\n")

    code = main(["ingest", str(bad), "--dept", "stats"])

    out = capsys.readouterr().out
    assert code == 1
    assert "stats/gdp.csv: rejected" in out
    assert "2031" in out and "年份" in out


def test_ingest_refuses_a_department_that_escapes_the_drop_folder(
    warehouse: Paths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = _csv(tmp_path, "gdp.csv", "指标代码,年份,数值,单位\nI01,2021,330,亿元\n")

    assert main(["ingest", str(good), "--dept", "../outside"]) == 2
    assert "not a department code" in capsys.readouterr().err
    assert not (warehouse.raw.parent / "outside").exists()


def test_query_without_published_marts_says_what_to_do(
    warehouse: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["query", "select 1"]) == 2
    assert "planwatch refresh" in capsys.readouterr().err


def test_query_and_status_read_the_published_file(
    warehouse: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    with duckdb.connect(str(warehouse.build_db)) as con:
        con.execute("create schema marts")
        con.execute("create table marts.dim_region as select '220581' as region_code")
    publish_marts(warehouse.build_db, warehouse.marts_db, {"marts": ["dim_region"]}, {"x": "y"})

    assert main(["query", "--csv", "select region_code from dim_region"]) == 0
    assert capsys.readouterr().out.splitlines() == ["region_code", "220581"]
    assert main(["query", "create table t (a int)"]) == 1
    assert main(["status"]) == 0
    assert "published: " in capsys.readouterr().out
