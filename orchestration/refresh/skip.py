"""The skip rule: what a refresh must redo, given what the published file was built from.

A refresh rebuilds when a submission arrived or the code or reference data changed
(`fingerprint`), when forced, and whenever the build database cannot be trusted: missing,
unreadable, without its submission log, or missing submissions the published version was
built from. A damaged build database never passes as "nothing new". When the rebuild is
skipped, the reports and dbt docs are still re-written if they are older than the
published marts (a refresh killed after publishing left them stale).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

from orchestration.refresh.fingerprint import input_fingerprint, published_fingerprint
from orchestration.settings import Paths
from orchestration.sql import has_table

NOTHING_NEW = "nothing new since the published version: rebuild skipped"


@dataclass(frozen=True)
class Decision:
    """Whether this refresh rebuilds, and why, in one line for the log and the summary."""

    rebuild: bool
    reason: str


def _published_submissions(marts_db: Path) -> set[str]:
    with duckdb.connect(str(marts_db), read_only=True) as con:
        if not has_table(con, "main", "submission_log"):
            return set()
        return {
            row[0] for row in con.execute("select submission_id from submission_log").fetchall()
        }


def build_db_problem(where: Paths) -> str | None:
    """What is wrong with the build database as the cache of the published version, or None."""
    published = where.marts_db.exists()
    if not where.build_db.exists():
        return "the build database is missing" if published else None
    try:
        with duckdb.connect(str(where.build_db), read_only=True) as con:
            if not has_table(con, "raw", "submission_log"):
                return "the build database has no submission log (raw.submission_log)"
            logged = {
                r[0] for r in con.execute("select submission_id from raw.submission_log").fetchall()
            }
    except duckdb.Error as error:
        return f"the build database cannot be read ({type(error).__name__}: {error})"
    lost = _published_submissions(where.marts_db) - logged if published else set()
    if lost:
        return (
            f"the build database lacks {len(lost)} submission(s) the published version was "
            f"built from (e.g. {min(lost)})"
        )
    return None


def decide(where: Paths, *, force: bool = False, problem: str | None = None) -> Decision:
    """The decision after intake ran; `problem` is what build_db_problem found before it."""
    if problem:
        return Decision(True, f"rebuild: {problem}")
    if force:
        return Decision(True, "rebuild: forced (--force)")
    published = published_fingerprint(where.marts_db)
    if published is None:
        return Decision(True, "rebuild: nothing published yet")
    if published != input_fingerprint(where.build_db):
        return Decision(True, "rebuild: new submissions, or the code or reference data changed")
    return Decision(False, NOTHING_NEW)


def stale_outputs(where: Paths, report_files: list[str]) -> list[str]:
    """Reports and docs that are missing or older than the published marts.

    `report_files` are the names the last report run wrote (when unknown, the index stands
    for them all).
    """
    if not where.marts_db.exists():
        return []
    published = where.marts_db.stat().st_mtime
    expected = [where.reports / name for name in report_files or ["index.html"]]
    expected.append(where.dbt_docs / "index.html")
    stale = [p for p in expected if not p.exists() or p.stat().st_mtime < published]
    return [str(p.relative_to(where.warehouse)) for p in stale]
