"""Steward actions are decided from the ledger, recorded in it first, applied to the raw
layer, and survive losing build.duckdb."""

from __future__ import annotations

import os
import pwd
from pathlib import Path
from typing import Any

import duckdb
import pytest

from orchestration.cli import main
from orchestration.intake.datasets.registry import RAW_TABLES
from orchestration.landing.ledger import Ledger, read_ledger
from orchestration.steward.commands import reprocess_submission, withdraw_submission
from tests.orchestration.intake.intake_support import Drop

GDP = "指标代码,年份,数值\nI01,2021,330\n"


def raw_layer(drop: Drop) -> dict[str, list[tuple[Any, ...]]]:
    with duckdb.connect(str(drop.db), read_only=True) as con:
        return {
            t: con.execute(f"select * from raw.{t} order by all").fetchall() for t in RAW_TABLES
        }


def ledger(drop: Drop) -> Ledger:
    return read_ledger(drop.home / "landing" / "ledger")


def test_withdraw_is_recorded_with_who_when_and_why_and_survives_a_rebuild(
    drop: Drop, capsys: pytest.CaptureFixture[str]
) -> None:
    drop.csv("stats/a.csv", GDP)
    drop.run()
    drop.csv("stats/b.csv", "指标代码,年份,数值\nI01,2021,331\n")
    drop.run()
    revision = drop.log("stats/b.csv")["submission_id"]

    assert withdraw_submission(revision, "经核实数据有误 / figures wrong", drop.seeds) == 0

    assert f"withdrawn: {revision} (stats/b.csv)" in capsys.readouterr().out
    (action,) = ledger(drop).actions.values()
    assert (action.action, action.submission_id) == ("withdraw", revision)
    assert action.acted_by == pwd.getpwuid(os.geteuid()).pw_name
    assert action.reason == "经核实数据有误 / figures wrong"
    assert action.acted_at.utcoffset() is not None
    rows = drop.query("select action, submission_id, acted_by from raw.steward_action")
    assert rows == [{"action": "withdraw", "submission_id": revision, "acted_by": action.acted_by}]
    # nothing is deleted: the revision's rows and its log entry stay
    assert len(drop.table("indicator_values")) == 2
    before = raw_layer(drop)

    drop.db.unlink()
    drop.run()

    assert raw_layer(drop) == before


def test_withdraw_is_refused_unless_the_submission_is_accepted_and_standing(
    drop: Drop, capsys: pytest.CaptureFixture[str]
) -> None:
    drop.csv("stats/a.csv", GDP)
    drop.csv("stats/b.csv", "指标代码,年份,数值\nI01,2031,330\n")
    drop.run()
    accepted, rejected = drop.log("stats/a.csv"), drop.log("stats/b.csv")

    assert main(["steward", "withdraw", rejected["submission_id"], "--reason", "x"]) == 2
    assert "only an accepted submission can be withdrawn" in capsys.readouterr().err
    assert main(["steward", "withdraw", "no-such-id", "--reason", "x"]) == 2
    assert "no submission no-such-id" in capsys.readouterr().err
    assert main(["steward", "withdraw", accepted["submission_id"], "--reason", " "]) == 2
    assert withdraw_submission(accepted["submission_id"], "wrong", drop.seeds) == 0
    assert main(["steward", "withdraw", accepted["submission_id"], "--reason", "again"]) == 2
    assert "is withdrawn" in capsys.readouterr().err
    assert len(ledger(drop).actions) == 1


def test_reprocess_after_the_reference_data_changed_accepts_and_survives_a_rebuild(
    drop: Drop, seeds: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """GIVEN a file rejected because its folder was not a department WHEN the department is
    added to the reference data and a steward reprocesses it THEN the re-read is a new
    submission linked to the old one, accepted; the old one stays rejected; both survive
    deleting build.duckdb."""
    drop.csv("statistics/a.csv", GDP)
    drop.run()
    old = drop.log("statistics/a.csv")
    assert old["reason_codes"] == "unknown_department"
    with (seeds / "plan" / "departments.csv").open("a", encoding="utf-8") as handle:
        handle.write("220581,statistics,统计局（新设）,Statistics bureau (new),false,\n")

    assert reprocess_submission(old["submission_id"], None, seeds) == 0

    out = capsys.readouterr().out
    new_id = f"{old['submission_id']}-r1"
    assert f"as {new_id}" in out and "statistics/a.csv: accepted (indicator_values)" in out
    logged = {r["submission_id"]: r for r in drop.table("submission_log")}
    assert logged[new_id]["reprocess_of"] == old["submission_id"]
    assert logged[new_id]["received_at"] == old["received_at"]  # it arrived then
    assert logged[old["submission_id"]]["status"] == "rejected"
    (action,) = ledger(drop).actions.values()
    assert (action.action, action.result_submission_id) == ("reprocess", new_id)
    assert "re-read under today's rules" in action.reason
    before = raw_layer(drop)

    drop.db.unlink()
    drop.run()

    assert raw_layer(drop) == before
    assert [r["indicator_code"] for r in drop.table("indicator_values")] == ["I01"]


def test_a_file_never_read_cannot_be_reprocessed(
    drop: Drop, capsys: pytest.CaptureFixture[str]
) -> None:
    (drop.raw / "stats").mkdir()
    os.mkfifo(drop.raw / "stats" / "pipe.csv")
    drop.run()

    assert main(["steward", "reprocess", drop.log()["submission_id"]]) == 2
    assert "no bytes are archived" in capsys.readouterr().err
    assert ledger(drop).actions == {}


def test_list_filters_by_status_and_department_in_arrival_order(
    drop: Drop, capsys: pytest.CaptureFixture[str]
) -> None:
    drop.csv("stats/a.csv", GDP)
    drop.csv("stats/b.csv", "指标代码,年份,数值\nI01,2031,330\n")
    drop.csv("drc/c.csv", "指标代码,年份,数值\nI01,2032,330\n")
    drop.run()
    withdraw_submission(drop.log("stats/a.csv")["submission_id"], "wrong", drop.seeds)
    capsys.readouterr()

    assert main(["steward", "list", "--status", "rejected", "--dept", "stats"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2 and "stats/b.csv" in out[0] and "[year_out_of_range]" in out[0]
    assert out[1].startswith("1 份报送")

    assert main(["steward", "list"]) == 0
    listed = capsys.readouterr().out.splitlines()
    paths = [next(w for w in line.split() if w.endswith(".csv")) for line in listed[:3]]
    assert paths == ["drc/c.csv", "stats/a.csv", "stats/b.csv"]
    assert " withdrawn " in listed[1] and listed[3].startswith("3 份报送")
