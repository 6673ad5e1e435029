"""Marts built once per session by real dbt; each test audits its own copy of the file.

Two builds: one over a few hand-made accepted submissions (with a revision, a rejected
file and a project report), one over none at all (a first refresh before anything arrived).
"""

import shutil
from datetime import datetime
from pathlib import Path

import pytest

from orchestration.settings import Paths

LOG = [
    ("s1", "indicator_values", "accepted", 2, 2, 0, datetime(2022, 3, 1, 9)),
    ("s2", "indicator_values", "accepted", 1, 1, 0, datetime(2022, 3, 10, 9)),
    ("s3", "indicator_values", "rejected", 1, 0, 1, datetime(2022, 3, 11, 9)),
    ("s4", "project_progress", "accepted", 1, 1, 0, datetime(2021, 7, 5, 9)),
]
INDICATOR_VALUES = [
    ("s1", "I01", 2021, 330, "亿元", datetime(2022, 3, 1, 9)),
    ("s1", "I02", 2021, 52000, "元", datetime(2022, 3, 1, 9)),
    ("s2", "I01", 2021, 335, "亿元", datetime(2022, 3, 10, 9)),
]


def _submit(build_db: Path) -> None:
    """Write accepted and rejected submissions the way intake lays out the raw schema."""
    from orchestration.intake.store import connect

    con = connect(build_db)
    try:
        for sid, dataset, status, received, accepted, quarantined, at in LOG:
            con.execute(
                "insert into raw.submission_log by name select ? as submission_id, "
                "'stats/' || ? || '.csv' as file_path, ? || '.csv' as file_name, "
                "'stats' as department_code, ? as dataset, ? as sha256, 100 as size_bytes, "
                "? as received_at, ? as status, ? as rows_received, ? as rows_accepted, "
                "? as rows_quarantined",
                [sid, sid, sid, dataset, sid * 32, at, status, received, accepted, quarantined],
            )
        con.execute(
            "insert into raw.quarantine by name select 's3' as submission_id, 'Sheet1' as sheet, "
            "2 as excel_row, 'value' as column_name, 'not_a_number' as rule, "
            "'数值不是数字' as reason_zh, 'value is not a number' as reason_en"
        )
        for sid, code, year, value, unit, at in INDICATOR_VALUES:
            con.execute(
                "insert into raw.indicator_values by name select ? as submission_id, "
                "'stats' as department_code, 'Sheet1' as sheet, 2 as excel_row, "
                "? as indicator_code, ? as year, ? as value, ? as unit, ? as received_at",
                [sid, code, year, value, unit, at],
            )
        con.execute(
            "insert into raw.project_progress by name select 's4' as submission_id, "
            "'energy' as department_code, 'Sheet1' as sheet, 2 as excel_row, "
            "'B05-P003' as project_code, date '2021-06-01' as report_month, "
            "'under_construction' as status_code, 1000 as total_investment, "
            "100 as period_investment, 300 as cumulative_investment, "
            "date '2021-03-01' as start_date, timestamp '2021-07-05 09:00' as received_at"
        )
    finally:
        con.close()


def _dbt_build(home: Path, *, submissions: bool) -> Path:
    """Seeds and models by real dbt; dbt's own tests are left to the dbt test suite."""
    from orchestration.transform.project import dbt_resource

    build_db = home / "build.duckdb"
    if submissions:
        _submit(build_db)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PLANWATCH_BUILD_DB", str(build_db))
        dbt_resource().cli(
            ["build", "--exclude-resource-type", "test", "unit_test"],
            target_path=home / "dbt_target",
        ).wait()
    return build_db


@pytest.fixture(scope="session")
def built_marts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every model built by `dbt build` over the hand-made submissions."""
    return _dbt_build(tmp_path_factory.mktemp("built"), submissions=True)


@pytest.fixture(scope="session")
def built_marts_before_submissions(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every model built by `dbt build` before any submission arrived."""
    return _dbt_build(tmp_path_factory.mktemp("empty"), submissions=False)


@pytest.fixture
def built(warehouse: Paths, built_marts: Path) -> Paths:
    """GIVEN an isolated warehouse whose build.duckdb holds freshly built marts."""
    shutil.copyfile(built_marts, warehouse.build_db)
    return warehouse
