"""Steward actions reach the published marts and survive losing build.duckdb: real seeds,
real dbt build, audit and publish, `planwatch refresh` in its own process."""

from __future__ import annotations

import os
import pwd
import subprocess
import sys
from pathlib import Path
from typing import Any

import duckdb
import pytest

from orchestration.cli import main
from orchestration.intake.reading import Limits
from orchestration.intake.run import run_intake
from orchestration.settings import Paths

pytestmark = pytest.mark.xdist_group("refresh")


def refresh(where: Paths) -> str:
    env = {**os.environ, "PLANWATCH_HOME": str(where.warehouse), "PLANWATCH_RAW": str(where.raw)}
    done = subprocess.run(
        [sys.executable, "-m", "orchestration.cli", "refresh"],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return done.stdout


def published(where: Paths, sql: str) -> list[tuple[Any, ...]]:
    with duckdb.connect(str(where.marts_db), read_only=True) as con:
        return con.execute(sql).fetchall()


def put(where: Paths, relative: str, text: str) -> Path:
    path = where.raw / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def logged_id(where: Paths, relative: str) -> str:
    with duckdb.connect(str(where.build_db), read_only=True) as con:
        return con.execute(
            "select submission_id from raw.submission_log where file_path = ?", [relative]
        ).fetchone()[0]


CURRENT_GDP = """select value, submission_id from fct_indicator_value
                 where indicator_code = 'I01' and year = 2021 and is_current"""


def test_withdraw_and_reprocess_are_published_and_survive_losing_the_build_database(
    warehouse: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    """GIVEN GDP 2021 reported as 330 and later revised to 331, and a file rejected under an
    older, smaller file-size limit WHEN the steward withdraws the revision and a refresh runs
    THEN the published current value is 330 again, the action is in steward_action and the
    withdrawn file no longer counts for completeness; WHEN build.duckdb is then lost and the
    rejected file reprocessed THEN the next refresh publishes it accepted, and the
    withdrawal still stands."""
    put(warehouse, "stats/gdp.csv", "指标代码,年份,数值,单位\nI01,2021,330,亿元\n")
    run_intake()
    put(warehouse, "stats/gdp_更正.csv", "指标代码,年份,数值,单位\nI01,2021,331,亿元\n")
    padding = "说明" * 200
    put(
        warehouse,
        "stats/retail.csv",
        f"指标代码,年份,数值,单位,备注\nI03,2021,150,亿元,{padding}\n",
    )
    run_intake(limits=Limits(max_bytes=400))
    refresh(warehouse)
    revision = logged_id(warehouse, "stats/gdp_更正.csv")
    original = logged_id(warehouse, "stats/gdp.csv")
    assert published(warehouse, CURRENT_GDP) == [(331, revision)]
    files_before = published(
        warehouse,
        """select files_received from rpt_submission_completeness
           where department_code = 'stats' and dataset = 'indicator_values'
             and period_start = date '2021-01-01'""",
    )[0][0]

    assert main(["steward", "withdraw", revision, "--reason", "数据有误 / wrong figure"]) == 0
    after_withdraw = refresh(warehouse)

    assert "rebuild skipped" not in after_withdraw
    assert published(warehouse, CURRENT_GDP) == [(330, original)]
    user = pwd.getpwuid(os.geteuid()).pw_name
    assert published(
        warehouse, "select action, action_zh, submission_id, acted_by, reason from steward_action"
    ) == [("withdraw", "撤回", revision, user, "数据有误 / wrong figure")]
    withdrawn = (
        f"select status, is_withdrawn from submission_log where submission_id = '{revision}'"
    )
    assert published(warehouse, withdrawn) == [("accepted", True)]
    files_after = published(
        warehouse,
        """select files_received from rpt_submission_completeness
           where department_code = 'stats' and dataset = 'indicator_values'
             and period_start = date '2021-01-01'""",
    )[0][0]
    assert files_after == files_before - 1

    warehouse.build_db.unlink()
    rejected = next(
        line.split()[0]
        for line in _listed(capsys, ["steward", "list", "--status", "rejected"])
        if "stats/retail.csv" in line
    )
    assert main(["steward", "reprocess", rejected]) == 0
    assert "stats/retail.csv: accepted (indicator_values)" in capsys.readouterr().out
    refresh(warehouse)

    assert published(warehouse, CURRENT_GDP) == [(330, original)]
    actions = """select action, submission_id, result_submission_id, result_status
                 from steward_action order by acted_at"""
    assert published(warehouse, actions) == [
        ("withdraw", revision, None, None),
        ("reprocess", rejected, f"{rejected}-r1", "accepted"),
    ]
    assert published(
        warehouse,
        "select value from fct_indicator_value where indicator_code = 'I03' and is_current",
    ) == [(150,)]


def _listed(capsys: pytest.CaptureFixture[str], argv: list[str]) -> list[str]:
    capsys.readouterr()
    assert main(argv) == 0
    return capsys.readouterr().out.splitlines()
