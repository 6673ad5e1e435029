"""The landing archive is the record: every arrival is in the ledger before it is read, and
the raw layer rebuilt from landing alone equals the one intake wrote, ids and times included."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import pytest
from intake_support import INDICATOR_HEADER, PROJECT_HEADER, Drop

from orchestration.intake.datasets.registry import RAW_TABLES
from orchestration.intake.run import IntakeStopped
from orchestration.landing import outcomes
from orchestration.landing.ledger import LedgerDamaged, read_ledger


def ledger_lines(drop: Drop) -> list[dict[str, Any]]:
    folder = drop.home / "landing" / "ledger"
    return [json.loads(line) for p in sorted(folder.glob("*.jsonl")) for line in p.open("rb")]


def raw_layer(drop: Drop) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every raw table, every column (ids and times included)."""
    with duckdb.connect(str(drop.db), read_only=True) as con:
        return {
            t: con.execute(f"select * from raw.{t} order by all").fetchall() for t in RAW_TABLES
        }


def fill(drop: Drop) -> None:
    """A mixed drop: accepted, rejected, a byte copy, a pipe, a wrong folder, warnings."""
    drop.csv("stats/1.csv", "指标代码,年份,数值\nI01,2021,330\nI02,2021,52000\n")
    drop.csv("stats/2.csv", "指标代码,年份,数值\nI01,2031,330\n")
    drop.put("stats/3.csv", (drop.raw / "stats/1.csv").read_bytes())
    drop.xlsx(
        "drc/4.xlsx", ("p", [PROJECT_HEADER, ["B08-P001", None, "2023-05", "在建", 500, 10, 20]])
    )
    drop.xlsx("stats/5.xlsx", ("s", [INDICATOR_HEADER, ["I03", None, 2021, 55, None, "=x"]]))
    drop.csv("statistics/6.csv", "指标代码,年份,数值\nI04,2021,20.1\n")
    (drop.raw / "stats" / "pipe.csv").parent.mkdir(exist_ok=True)
    os.mkfifo(drop.raw / "stats" / "pipe.csv")


def test_every_arrival_is_recorded_in_the_ledger_with_its_facts(drop: Drop) -> None:
    path = drop.csv("stats/a.csv", "指标代码,年份,数值\nI01,2021,330\n")
    drop.csv("220581/stats/b.csv", "指标代码,年份,数值\nI02,2021,52000\n")

    drop.run()

    records = ledger_lines(drop)
    arrivals = {r["file_path"]: r for r in records if r["kind"] == "arrival"}
    decisions = {r["submission_id"]: r for r in records if r["kind"] == "decision"}
    first = arrivals["stats/a.csv"]
    log = drop.log("stats/a.csv")
    assert first["submission_id"] == log["submission_id"]
    assert first["sha256"] == log["sha256"] and first["size_bytes"] == path.stat().st_size
    assert (first["department_folder"], first["region_folder"]) == ("stats", None)
    assert first["first_seen_at"].endswith("+00:00") and first["file_mtime"].endswith("+00:00")
    seen = dt.datetime.fromisoformat(first["first_seen_at"])
    assert (
        seen.astimezone(dt.timezone(dt.timedelta(hours=8))).replace(tzinfo=None)
        == (log["received_at"])
    )
    assert (drop.home / "landing" / first["archive_path"]).read_bytes() == path.read_bytes()
    assert arrivals["220581/stats/b.csv"]["region_folder"] == "220581"
    assert decisions[first["submission_id"]]["status"] == "accepted"
    assert [r["seq"] for r in records] == list(range(1, len(records) + 1))
    # the arrival is written before the decision about it
    position = {(r["kind"], r["submission_id"]): i for i, r in enumerate(records)}
    sid = first["submission_id"]
    assert position[("arrival", sid)] < position[("decision", sid)]


def test_the_ledger_only_grows(drop: Drop) -> None:
    drop.csv("stats/a.csv", "指标代码,年份,数值\nI01,2021,330\n")
    drop.run()
    folder = drop.home / "landing" / "ledger"
    before = {p.name: p.read_bytes() for p in folder.glob("*.jsonl")}
    drop.csv("stats/b.csv", "指标代码,年份,数值\nI02,2021,52000\n")

    drop.run()

    after = {p.name: p.read_bytes() for p in folder.glob("*.jsonl")}
    assert all(after[name].startswith(data) for name, data in before.items())
    assert sum(map(len, after.values())) > sum(map(len, before.values()))


@pytest.mark.parametrize(
    "damage",
    [
        "deleted",
        "zero_bytes",
        "garbage",
        "cut_in_half",
        "raw_tables_dropped",
        "log_row_deleted",
        "status_changed",
        "data_rows_deleted",
    ],
)
def test_a_lost_or_damaged_build_database_is_rebuilt_from_landing_alone(
    drop: Drop, damage: str
) -> None:
    """GIVEN a mixed drop taken in over two runs WHEN build.duckdb is lost or damaged and the
    drop folder emptied THEN intake rebuilds the same raw layer, ids and receive times included."""
    fill(drop)
    drop.run()
    drop.csv("stats/7_更正.csv", "指标代码,年份,数值\nI01,2021,331\n")
    drop.run()
    before = raw_layer(drop)
    for child in sorted(drop.raw.rglob("*"), reverse=True):
        child.rmdir() if child.is_dir() else child.unlink()
    data = drop.db.read_bytes()
    if damage == "deleted":
        drop.db.unlink()
    elif damage == "zero_bytes":
        drop.db.write_bytes(b"")
    elif damage == "garbage":
        drop.db.write_bytes(b"\x00garbage" * 4096)
    elif damage == "cut_in_half":
        drop.db.write_bytes(data[: len(data) // 2])
    else:
        statement = {
            "raw_tables_dropped": "drop table raw.submission_log",
            "log_row_deleted": "delete from raw.submission_log where file_path = 'stats/2.csv'",
            "status_changed": "update raw.submission_log set status = 'accepted' "
            "where file_path = 'stats/2.csv'",
            "data_rows_deleted": "delete from raw.indicator_values where value = 331",
        }[damage]
        with duckdb.connect(str(drop.db)) as con:
            con.execute(statement)

    summary = drop.run()

    assert summary.rebuilt, summary
    assert summary.replayed == len(before["submission_log"])
    assert raw_layer(drop) == before
    assert drop.run().rebuilt is None


def test_arrival_order_not_path_order_decides_the_current_revision(drop: Drop) -> None:
    """A correction that sorts first by path but arrived later stays the later revision."""
    drop.csv("stats/b.csv", "指标代码,年份,数值\nI01,2023,420\n")
    drop.run()
    drop.csv("stats/a_更正.csv", "指标代码,年份,数值\nI01,2023,427.6\n")
    drop.run()
    order = "select value from raw.indicator_values order by received_at, submission_id"
    assert [r["value"] for r in drop.query(order)] == [420, Decimal("427.6")]

    drop.db.unlink()
    drop.run()

    assert [r["value"] for r in drop.query(order)] == [420, Decimal("427.6")]


def test_a_record_cut_short_by_a_crash_is_dropped_and_the_rest_replayed(drop: Drop) -> None:
    drop.csv("stats/a.csv", "指标代码,年份,数值\nI01,2021,330\n")
    drop.run()
    before = raw_layer(drop)
    (ledger,) = (drop.home / "landing" / "ledger").glob("*.jsonl")
    with ledger.open("ab") as handle:
        handle.write(b'{"kind": "arrival", "seq": 99, "submission_id": "2024')

    drop.db.unlink()
    drop.run()

    assert raw_layer(drop) == before
    assert ledger.read_bytes().endswith(b"\n")
    assert len(read_ledger(ledger.parent).arrivals) == 1


def test_a_damaged_line_inside_the_ledger_stops_intake_and_says_where(drop: Drop) -> None:
    drop.csv("stats/a.csv", "指标代码,年份,数值\nI01,2021,330\n")
    drop.run()
    (ledger,) = (drop.home / "landing" / "ledger").glob("*.jsonl")
    ledger.write_bytes(b"not json\n" + ledger.read_bytes())

    with pytest.raises(LedgerDamaged, match=r"line 1"):
        drop.run()


def test_a_build_database_from_before_the_ledger_is_adopted_with_its_times(drop: Drop) -> None:
    """GIVEN a warehouse written before the ledger existed (no ledger, older raw tables)
    WHEN intake runs THEN its submissions enter the ledger with their receive times."""
    fill(drop)
    drop.run()
    before = raw_layer(drop)
    for path in (drop.home / "landing" / "ledger").iterdir():
        path.unlink()
    with duckdb.connect(str(drop.db)) as con:
        con.execute("drop table raw.steward_action")
        con.execute("alter table raw.submission_log drop column reprocess_of")

    assert drop.run().rebuilt is None
    assert raw_layer(drop) == before

    drop.db.unlink()
    drop.run()
    assert raw_layer(drop) == before


def test_file_names_with_invisible_and_undecodable_characters_survive_a_rebuild(
    drop: Drop,
) -> None:
    (drop.raw / "stats").mkdir()
    # GBK bytes from an old zip tool, a zero-width space and a newline in one file name
    odd = os.fsdecode(b"\xb1\xa8\xcb\xcd\xe2\x80\x8b\n.csv")
    (drop.raw / "stats" / odd).write_text("指标代码,年份,数值\nI01,2021,330\n", encoding="utf-8")
    drop.run()
    before = raw_layer(drop)

    drop.db.unlink()
    drop.run()

    assert raw_layer(drop) == before
    assert drop.log()["file_name"] == "\ufffd\ufffd\ufffd\ufffd\u200b\n.csv"
    lines = [
        line for p in (drop.home / "landing" / "ledger").glob("*.jsonl") for line in p.open("rb")
    ]
    assert len(lines) == 2 and all(line.endswith(b"}\n") for line in lines)  # one line a record


def test_a_fault_of_the_machine_stops_intake_naming_the_file(
    drop: Drop, monkeypatch: pytest.MonkeyPatch
) -> None:
    from orchestration.intake import archive

    drop.csv("stats/a.csv", "指标代码,年份,数值\nI01,2021,330\n")

    def full(source: Path, landing: Path) -> archive.Landed:
        raise archive.LandingFailed("cannot write the landing archive: [Errno 28] No space left")

    with monkeypatch.context() as patch:
        patch.setattr(archive, "land", full)
        with pytest.raises(IntakeStopped, match=r"stats/a\.csv.*No space left"):
            drop.run()
    assert drop.run().files["accepted"] == 1


def test_a_rebuild_writes_the_recorded_decisions_not_those_of_todays_reference_data(
    drop: Drop, tmp_path: Path
) -> None:
    """GIVEN a file rejected because its folder was no department WHEN the department is
    added to the reference data and build.duckdb is lost THEN the rebuild still shows the
    file as it was decided on arrival (re-reading it is a steward's reprocess)."""
    drop.csv("statistics/a.csv", "指标代码,年份,数值\nI01,2021,330\n")
    drop.run()
    before = raw_layer(drop)
    seeds = tmp_path / "seeds-later"
    shutil.copytree(drop.seeds, seeds)
    with (seeds / "plan" / "departments.csv").open("a", encoding="utf-8") as handle:
        handle.write("statistics,统计局（新）,Statistics (new)\n")
    drop.seeds = seeds

    drop.db.unlink()
    summary = drop.run()

    assert summary.rebuilt and summary.decisions_changed == []
    assert raw_layer(drop) == before
    assert drop.log("statistics/a.csv")["reason_codes"] == "unknown_department"


def test_a_crash_after_the_commit_before_the_decision_is_recorded_is_repaired(
    drop: Drop, monkeypatch: pytest.MonkeyPatch
) -> None:
    drop.csv("stats/a.csv", "指标代码,年份,数值\nI01,2021,330\n")
    drop.csv("stats/b.csv", "指标代码,年份,数值\nI02,2021,52000\n")
    real = outcomes.save

    def crash(landing: Path, submission_id: str, tables: outcomes.Tables) -> tuple[str, str]:
        if tables["submission_log"][0]["file_path"] == "stats/b.csv":
            raise KeyboardInterrupt("power cut after the commit")
        return real(landing, submission_id, tables)

    with monkeypatch.context() as patch:
        patch.setattr(outcomes, "save", crash)
        with pytest.raises(KeyboardInterrupt):
            drop.run()
    assert len(read_ledger(drop.home / "landing" / "ledger").decisions) == 1

    drop.run()
    assert len(read_ledger(drop.home / "landing" / "ledger").decisions) == 2
    before = raw_layer(drop)
    drop.db.unlink()
    drop.run()
    assert raw_layer(drop) == before
