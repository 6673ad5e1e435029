"""A failed audit never blocks publishing silently: the refresh and `status` say what and why.

A department reports a project's total investment in the wrong unit (100 instead of
1,000,000 万元): intake accepts it with a warning, the completion share of the mart is 20,
and the audit of fct_project_progress (completion_share between 0 and 10) blocks the
publish. The summary and `planwatch status` name the check, the failing value, the
submission and its file, and the steward's way out.
"""

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


def test_a_failed_mart_check_is_named_with_its_values_submission_and_remedy(
    published: Paths,
) -> None:
    site = published.warehouse.parent
    (published.raw / "energy" / "wrong_unit.csv").write_text(SYNTHETIC + WRONG_UNIT, "utf-8")
    before = published.marts_db.read_bytes()

    refresh = planwatch(site, "refresh")
    status = planwatch(site, "status")

    with duckdb.connect(str(published.build_db), read_only=True) as con:
        [submission] = con.execute(
            "select submission_id from raw.submission_log where file_path = 'energy/wrong_unit.csv'"
        ).fetchone()
    assert refresh.returncode == 1
    assert published.marts_db.read_bytes() == before
    for output in (refresh.stdout, status.stdout):
        assert "gx_marts_fct_project_progress: expect_column_values_to_be_between" in output
        assert "on completion_share failed (critical, 1 row(s))" in output
        assert "completion_share=20" in output
        assert f"from submission {submission} (energy/wrong_unit.csv)" in output
        assert f"planwatch steward withdraw {submission}" in output
    assert "Traceback" not in refresh.stdout + refresh.stderr
