"""fct_project_progress built incrementally, by submission, equals the full build.

Real raw tables as intake writes them, real `dbt build` runs on DuckDB: one on the first
submissions, one incremental after new ones, one `--full-refresh` of the same database.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime

import duckdb

from orchestration.intake import store
from orchestration.settings import Paths
from tests.dbt_project.test_progress_marts import AS_OF, insert, log, project

# the fact, what reads it and their other parents; tests only where all their parents are built
SELECTED = [
    *("--select", "@fct_project_progress", "--indirect-selection", "buildable"),
    *("--vars", json.dumps({"as_of_date": AS_OF})),
]
MARTS = [
    "fct_project_progress",
    "rpt_project_box_summary",
    "rpt_project_box_summary_as_of",
    "rpt_project_reporting_as_of",
]
BUILDING = "under_construction"
FIRST = {
    # submission: (received, reports as (project, month, total, period, cumulative))
    "A1": ("2024-02-10 09:00", [("B01-P001", "01", "100", "50", "50"),
                                ("B01-P002", "01", "900", "90", "90")]),
    "Q1": ("2024-02-11 09:00", [("B01-P003", "01", "300", "10", "10")]),
    # wholly superseded by A2, which arrived a day later
    "F1": ("2024-03-09 09:00", [("B01-P001", "02", "100", "0", "50")]),
    "A2": ("2024-03-10 09:00", [("B01-P001", "02", "100", "0", "50"),
                                ("B01-P002", "02", "900", "0", "90"),
                                ("B01-P003", "02", "300", "0", "10")]),
    "S1": ("2024-03-11 09:00", [("B01-P002", "02", "900", "10", "100")]),
    "W1": ("2024-03-12 09:00", [("B01-P003", "03", "300", "20", "30")]),
}  # fmt: skip
SECOND = {
    "A3": ("2024-04-10 09:00", [("B01-P001", "03", "120", "0", "70"),
                                ("B01-P002", "03", "900", "0", "100")]),
    # a revision of January, and a steward's reprocess of Q1 (sorts right after Q1)
    "R1": ("2024-04-11 09:00", [("B01-P001", "01", "100", "70", "70")]),
    "Q1-r1": ("2024-02-11 09:00", [("B01-P003", "01", "300", "10", "10")]),
}  # fmt: skip


def submit(where: Paths, submissions: dict, withdrawn: tuple[str, ...] = ()) -> None:
    """Accepted project-progress submissions (and withdrawals) into the raw tables."""
    reports = [
        project((sid, code, f"2024-{month}-01", BUILDING, total, period, cum, "2023-05-01"), at)
        for sid, (at, rows) in submissions.items()
        for code, month, total, period, cum in rows
    ]
    logged = [
        log(sid, "hightech_zone", "project_progress", at, "accepted", len(rows))
        for sid, (at, rows) in submissions.items()
    ]
    actions = [
        {"action_id": f"withdraw-{sid}", "action": "withdraw", "submission_id": sid,
         "reason": "wrong figures", "acted_by": "steward",
         "acted_at": datetime.fromisoformat("2024-04-12 09:00")}
        for sid in withdrawn
    ]  # fmt: skip
    con = store.connect(where.build_db)
    try:
        insert(con, "submission_log", logged)
        insert(con, "project_progress", reports)
        insert(con, "steward_action", actions)
    finally:
        con.close()


def digests(where: Paths) -> dict[str, str]:
    """A content digest of each project mart, rows in a stable order."""
    with duckdb.connect(str(where.build_db), read_only=True) as con:
        return {
            name: hashlib.sha256(
                repr(con.execute(f"select * from marts.{name} order by all").fetchall()).encode()
            ).hexdigest()
            for name in MARTS
        }


def test_a_refresh_recomputes_only_changed_months_and_equals_a_full_refresh(
    warehouse: Paths, run_dbt
) -> None:
    """GIVEN a build on January and February, with a wholly superseded submission and a
    March report of B01-P003 WHEN a new March arrives for two projects, a revision of
    B01-P001's January, a reprocess of B01-P003's January, the March of B01-P003 is withdrawn,
    and dbt builds incrementally THEN only the months from each project's earliest change on
    are rewritten (B01-P002's January and February are not), the withdrawn month is gone, and
    `--full-refresh` gives the same marts."""
    submit(warehouse, FIRST)
    run_dbt("build", *SELECTED)
    fact = "marts.fct_project_progress"
    with duckdb.connect(str(warehouse.build_db)) as con:
        # marks what the incremental build must leave alone (and restored below)
        con.execute(f"update {fact} set note = 'kept' where project_code = 'B01-P002'")

    submit(warehouse, SECOND, withdrawn=("W1",))
    run_dbt("build", *SELECTED)

    run = warehouse.dbt_target / "run/planwatch/models/marts/projects/fct_project_progress.sql"
    assert "delete from" in run.read_text(), "the incremental path, not a rebuild"
    with duckdb.connect(str(warehouse.build_db)) as con:
        built = con.execute(
            f"select project_code, month(report_month), submission_id, note is not null, "
            f"previous_cumulative_investment, first_total_investment, revision_count "
            f"from {fact} order by all"
        ).fetchall()
        con.execute(f"update {fact} set note = null")
    assert built == [
        ("B01-P001", 1, "R1", False, None, 100, 2),
        ("B01-P001", 2, "A2", False, 70, 100, 2),
        ("B01-P001", 3, "A3", False, 50, 100, 1),
        ("B01-P002", 1, "A1", True, None, 900, 1),
        ("B01-P002", 2, "S1", True, 90, 900, 2),
        ("B01-P002", 3, "A3", False, 100, 900, 1),
        ("B01-P003", 1, "Q1-r1", False, None, 300, 2),
        ("B01-P003", 2, "A2", False, 10, 300, 1),
    ]
    incremental = digests(warehouse)

    run_dbt("build", "--full-refresh", *SELECTED)
    assert digests(warehouse) == incremental
