"""The quick answer of `planwatch refresh` when nothing is new, given before Dagster starts.

Starting Dagster, dagster-dbt and Great Expectations and parsing the dbt project cost
tens of seconds, which a refresh with nothing to do should not pay. Before any of that,
and under the refresh lock, this module decides from files and two read-only connections
whether the refresh job could only end in "rebuild skipped" with nothing to re-write:

- the published file exists and records the fingerprint of what it was built from;
- every file in the drop folder is one the ledger has seen (same path, size and mtime);
- the build database holds every arrival and steward action of the ledger, and the skip
  rule finds nothing wrong with it (`skip.build_db_problem`);
- the input fingerprint (code, reference data, submissions, actions) equals the published
  one; and no report or dbt docs page is older than the published marts.

Any doubt, any error, means "not quick": the full refresh runs and decides as before.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from orchestration.intake import discover
from orchestration.landing.ledger import LedgerError, read_ledger
from orchestration.refresh.fingerprint import input_fingerprint, published_fingerprint
from orchestration.refresh.outputs import stale
from orchestration.refresh.skip import NOTHING_NEW, build_db_problem
from orchestration.settings import Paths
from orchestration.sql import has_table


def _held_events(build_db: Path) -> set[str]:
    """Submission and steward-action ids the build database's raw layer holds."""
    with duckdb.connect(str(build_db), read_only=True) as con:
        held = {
            row[0] for row in con.execute("select submission_id from raw.submission_log").fetchall()
        }
        if has_table(con, "raw", "steward_action"):
            held |= {
                row[0] for row in con.execute("select action_id from raw.steward_action").fetchall()
            }
    return held


def _unseen_file(where: Paths, seen: set) -> str | None:
    """The first drop-folder file the ledger has not seen, or None."""
    for entry in discover.scan(where.raw.resolve()):
        if (entry.relative_path, entry.size, entry.mtime) not in seen:
            return entry.relative_path
    return None


def why_not_quick(where: Paths, *, force: bool = False) -> str | None:
    """Why the full refresh must run (None: nothing is new and nothing is stale)."""
    if force:
        return "forced"
    published = published_fingerprint(where.marts_db) if where.marts_db.exists() else None
    if published is None:
        return "nothing published yet"
    if not where.build_db.exists() or build_db_problem(where):
        return "the build database needs a look"
    ledger = read_ledger(where.ledger)
    if unseen := _unseen_file(where, ledger.seen):
        return f"a new or changed file: {unseen}"
    if set(ledger.order) != _held_events(where.build_db):
        return "the ledger has events the build database lacks"
    if published != input_fingerprint(where.build_db):
        return "the code or reference data changed"
    if behind := stale(where):
        return f"older than the marts: {behind[0]}"
    return None


def quick_decision(where: Paths, *, force: bool = False) -> str | None:
    """NOTHING_NEW when the refresh may end here; None when the full refresh must run."""
    try:
        return NOTHING_NEW if why_not_quick(where, force=force) is None else None
    except (OSError, duckdb.Error, LedgerError):
        return None
