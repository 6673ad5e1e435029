"""A failed audit never blocks publishing for good: the steward withdraws the submission it
names and the next refresh publishes, without `make clean`. Real site, real CLI processes."""

from __future__ import annotations

import duckdb
import pytest
from site_support import SYNTHETIC, planwatch

from orchestration.settings import Paths

pytestmark = pytest.mark.xdist_group("site")

WRONG_UNIT = (
    "项目编号,报告期,项目状态,总投资（万元）,本期完成投资（万元）,累计完成投资（万元）,开工日期\n"
    "B05-P006,2023年一季度,在建,100,500,2000,2021-05-01\n"
)


def test_withdrawing_the_submission_a_failed_audit_names_lets_the_next_refresh_publish(
    published: Paths,
) -> None:
    """GIVEN a project reported in the wrong unit, so the audit blocks the publish WHEN the
    steward runs the withdraw the summary proposes THEN the next refresh succeeds, the
    project's wrong report is not in the marts, the action is published with its reason,
    and `planwatch status` shows the last run succeeded; the file stays in the log."""
    site = published.warehouse.parent
    (published.raw / "energy" / "wrong_unit.csv").write_text(SYNTHETIC + WRONG_UNIT, "utf-8")
    failed = planwatch(site, "refresh")
    assert failed.returncode == 1
    proposed = next(
        line.strip() for line in failed.stdout.splitlines() if "planwatch steward withdraw" in line
    )
    submission = proposed.split("planwatch steward withdraw ")[1].split()[0]

    withdrawn = planwatch(
        site, "steward", "withdraw", submission, "--reason", "单位填错 / wrong unit"
    )
    recovered = planwatch(site, "refresh")
    status = planwatch(site, "status")

    assert withdrawn.returncode == 0, withdrawn.stdout + withdrawn.stderr
    assert recovered.returncode == 0, recovered.stdout[-3000:] + recovered.stderr[-3000:]
    with duckdb.connect(str(published.marts_db), read_only=True) as con:
        assert con.execute(
            "select count(*) from fct_project_progress where project_code = 'B05-P006'"
        ).fetchone() == (0,)
        assert con.execute(
            "select action, submission_id, reason, submission_status from steward_action"
        ).fetchall() == [("withdraw", submission, "单位填错 / wrong unit", "accepted")]
        assert con.execute(
            "select file_path, is_withdrawn from submission_log where submission_id = ?",
            [submission],
        ).fetchall() == [("energy/wrong_unit.csv", True)]
    last_run = next(line for line in status.stdout.splitlines() if line.startswith("last run:"))
    assert "SUCCESS" in last_run
    assert "Traceback" not in withdrawn.stderr + recovered.stderr
