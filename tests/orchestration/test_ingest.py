"""`planwatch ingest` never overwrites a file in the drop folder and checks the department
code against the reference data before it copies anything."""

from __future__ import annotations

from pathlib import Path

import pytest

from orchestration.cli import main
from orchestration.settings import Paths

GDP = "指标代码,年份,数值,单位\nI01,2021,330,亿元\n"


def _csv(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_file_of_the_same_name_in_raw_is_never_overwritten(
    warehouse: Paths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    earlier = _csv(warehouse.raw / "stats", "gdp.csv", GDP)
    revised = _csv(tmp_path / "mail", "gdp.csv", "指标代码,年份,数值,单位\nI01,2021,331,亿元\n")

    code = main(["ingest", str(revised), "--dept", "stats"])

    out = capsys.readouterr().out
    assert code == 0, out
    assert earlier.read_text(encoding="utf-8") == GDP
    assert (warehouse.raw / "stats" / "gdp-2.csv").read_bytes() == revised.read_bytes()
    assert "另存为 gdp-2.csv" in out and "saved as gdp-2.csv" in out
    assert "stats/gdp-2.csv: accepted (indicator_values)" in out

    assert main(["ingest", str(revised), "--dept", "stats"]) == 1
    assert "stats/gdp-3.csv: duplicate" in capsys.readouterr().out
    assert sorted(p.name for p in (warehouse.raw / "stats").iterdir()) == [
        "gdp-2.csv",
        "gdp-3.csv",
        "gdp.csv",
    ]


def test_the_same_bytes_already_in_raw_are_not_copied_again(
    warehouse: Paths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _csv(tmp_path / "mail", "gdp.csv", GDP)
    assert main(["ingest", str(source), "--dept", "stats"]) == 0
    capsys.readouterr()

    assert main(["ingest", str(source), "--dept", "stats"]) == 0

    out = capsys.readouterr().out
    assert "内容相同，未再复制" in out and "already there, identical" in out
    assert [p.name for p in (warehouse.raw / "stats").iterdir()] == ["gdp.csv"]


@pytest.mark.parametrize("department", ["statistics", "../outside", "templates", ""])
def test_a_wrong_department_code_is_refused_before_copying_with_the_valid_codes(
    warehouse: Paths, tmp_path: Path, capsys: pytest.CaptureFixture[str], department: str
) -> None:
    source = _csv(tmp_path / "mail", "gdp.csv", GDP)

    assert main(["ingest", str(source), "--dept", department]) == 2

    err = capsys.readouterr().err
    assert "不是已登记的部门代码" in err and "not a department code" in err
    assert "stats " in err and "梅河口市统计局" in err
    assert list(warehouse.raw.iterdir()) == []
    assert not (warehouse.raw.parent / "outside").exists()
