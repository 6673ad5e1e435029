"""Steward actions reach the published marts and survive losing build.duckdb: real seeds,
real dbt build, audit and publish, `planwatch refresh` in its own process."""

from __future__ import annotations

import os
import pwd
import re
import subprocess
import sys
from html import escape
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import duckdb
import pytest
from openpyxl import load_workbook

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
    shows_the_actions_on_the_steward_page_and_workbook(warehouse)


def shows_the_actions_on_the_steward_page_and_workbook(where: Paths) -> None:
    """THEN the steward page lists both actions after the rejections, in Asia/Shanghai time,
    and steward-review.xlsx has them on a sheet with Chinese headers and real date cells."""
    actions = published(
        where,
        """select a.acted_at, a.acted_by, a.action_zh, a.file_name, a.submission_id, a.reason,
                  a.result_submission_id, s.status_zh
           from steward_action as a left join dim_submission_status as s
               on a.result_status = s.status
           order by a.acted_at desc""",
    )
    assert [(a[2], a[3]) for a in actions] == [("重新读取", "retail.csv"), ("撤回", "gdp_更正.csv")]
    html = (where.reports / "steward-review.html").read_text(encoding="utf-8")
    order = re.findall(r'<section id="([^"]+)">', html)
    assert order.index("actions") == order.index("rejections") + 1, order
    section = re.search(r'<section id="actions">(.*?)</section>', html, re.S).group(1)
    rows = section.split("<tr>")[2:]
    assert len(rows) == 2 and "共 2 项" in section
    for row, (at, by, what, name, submission, why, result, result_zh) in zip(
        rows, actions, strict=True
    ):
        beijing = at.astimezone(ZoneInfo("Asia/Shanghai"))
        assert beijing.strftime("%Y-%m-%d %H:%M") in row, (row, at)
        for text in (by, what, name, submission, why):
            assert escape(text) in row, (text, row)
        if result:
            assert result in row and result_zh in row
    sheet = load_workbook(where.reports / "steward-review.xlsx")["操作记录 Actions"]
    header, *body = list(sheet.iter_rows())
    labels = [str(c.value).split("\n")[0] for c in header]
    assert labels[:3] == ["操作时间", "操作人", "操作（中文）"], labels
    assert len(body) == 2
    for cells, (at, _, what, name, _, why, _, result_zh) in zip(body, actions, strict=True):
        when = cells[0]
        beijing = at.astimezone(ZoneInfo("Asia/Shanghai")).replace(tzinfo=None, microsecond=0)
        assert when.is_date and when.value.replace(microsecond=0) == beijing
        values = [c.value for c in cells]
        assert what in values and name in values and why in values
        assert (result_zh is not None) == (what == "重新读取")
        assert result_zh is None or result_zh in values


def _listed(capsys: pytest.CaptureFixture[str], argv: list[str]) -> list[str]:
    capsys.readouterr()
    assert main(argv) == 0
    return capsys.readouterr().out.splitlines()
