"""build.duckdb as a cache of the landing ledger: opened, checked against it, rebuilt if need be.

The raw layer agrees with the ledger when its submissions and steward actions are the
ledger's first events, with the same arrival facts and decisions, and the rows add up to
what submission_log says. Events after those are pending (a crash between the ledger and
the database) and are applied in order. Anything else empties the raw layer, and every
event is applied again from the landing archive alone.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from dataclasses import dataclass
from pathlib import Path

import duckdb

from orchestration.intake import store
from orchestration.landing import outcomes
from orchestration.landing.events import Arrival, Decision, Event, utc
from orchestration.landing.ledger import Ledger
from orchestration.settings import damaged_copy

log = logging.getLogger(__name__)


class BuildDatabaseBusy(Exception):
    """Another process has build.duckdb open."""


@dataclass
class Cache:
    """The open build database, the ledger events it still lacks, and why it was rebuilt."""

    con: duckdb.DuckDBPyConnection
    pending: list[Event]
    rebuilt: str | None = None


def set_aside(database: Path) -> Path:
    """Move a damaged build database (and its WAL) out of the way; nothing is deleted."""
    target = damaged_copy(database, dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ"))
    os.replace(database, target)
    wal = database.with_name(database.name + ".wal")
    if wal.exists():
        os.replace(wal, target.with_name(target.name + ".wal"))
    return target


def _open(database: Path) -> tuple[duckdb.DuckDBPyConnection, str | None]:
    """Connect; a file DuckDB cannot open (empty, truncated, garbage) is discarded."""
    existed = database.exists()
    database.parent.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(str(database))
        store.missing_tables(con)
    except duckdb.Error as exc:
        if "lock" in str(exc).lower():
            raise BuildDatabaseBusy(f"{database} is in use by another process: {exc}") from exc
        aside = set_aside(database)
        log.warning("%s cannot be opened (%s); set aside as %s", database, exc, aside.name)
        return duckdb.connect(str(database)), f"build database damaged ({exc})"
    return con, None if existed else "build database missing"


def keep_decision(
    con: duckdb.DuckDBPyConnection, ledger: Ledger, landing: Path, submission_id: str
) -> None:
    """Save the rows the raw layer holds for a submission and record them as its decision."""
    tables = store.export(con, submission_id)
    entry = tables["submission_log"][0]
    path, sha256 = outcomes.save(landing, submission_id, tables)
    decided = (entry["status"] or "", entry["dataset"], entry["reason_codes"])
    ledger.append(Decision(submission_id, *decided, dt.datetime.now(dt.UTC), path, sha256))


def adopt(con: duckdb.DuckDBPyConnection, ledger: Ledger, landing: Path) -> int:
    """Record in an empty ledger the submissions of a build database older than the ledger,
    with their receive times and rows, so upgrading loses none of them; how many."""
    if not store.has_log(con):
        return 0
    store.add_missing_columns(con)
    rows = con.execute(
        """select submission_id, file_path, file_name, department_code, received_at,
                  size_bytes, file_mtime, sha256, archive_path, reason_codes
           from raw.submission_log order by received_at, submission_id"""
    ).fetchall()
    for sid, path, name, folder, received, size, mtime, sha, archived, codes in rows:
        facts = (sid, path, name, folder, None, utc(received), size, utc(mtime), sha, archived)
        ledger.append(Arrival(*facts, unread_rule=codes if sha is None else None))
        keep_decision(con, ledger, landing, sid)
    log.warning("recorded the %d submissions of the build database in a new ledger", len(rows))
    return len(rows)


def disagreement(con: duckdb.DuckDBPyConnection, ledger: Ledger) -> tuple[str | None, int]:
    """Why the raw layer does not agree with the ledger (None if it does), and how many of the
    ledger's events it already holds."""
    logged, actions = store.logged(con), store.action_ids(con)
    order = ledger.order
    held = len(logged) + len(actions)
    if set(logged) | actions != set(order[:held]):
        unknown = len((set(logged) | actions) - set(order))
        return f"raw layer and ledger disagree ({unknown} events not in the ledger)", 0
    for submission_id, (received_at, sha256, file_path, status, dataset, codes) in logged.items():
        arrival = ledger.arrivals.get(submission_id)
        facts = arrival and (arrival.received_at, arrival.sha256, arrival.file_path)
        if (received_at, sha256, file_path) != facts:
            return f"submission {submission_id} differs from its ledger record", 0
        decision = ledger.decisions.get(submission_id)
        if decision and (decision.status, decision.dataset, decision.reason_codes) != (
            status,
            dataset,
            codes,
        ):
            return f"submission {submission_id} is {status}, in the ledger {decision.status}", 0
    if problems := store.row_count_problems(con):
        return "; ".join(problems), 0
    return None, held


def _checked(
    con: duckdb.DuckDBPyConnection, database: Path, ledger: Ledger
) -> tuple[duckdb.DuckDBPyConnection, str | None, int]:
    """The connection, why the raw layer must be rebuilt (None if not), events it holds."""
    try:
        store.read_everything(con)
        reason, held = disagreement(con, ledger)
        return con, reason, held
    except duckdb.Error as exc:
        if isinstance(exc, duckdb.OutOfMemoryException | duckdb.InterruptException):
            raise
        con.close()
        aside = set_aside(database)
        log.warning("%s is damaged (%s); set aside as %s", database, exc, aside.name)
        return duckdb.connect(str(database)), f"build database damaged ({exc})", 0


def open_cache(database: Path, ledger: Ledger, landing: Path) -> Cache:
    """The build database made to agree with the ledger, and the events still to apply."""
    con, reason = _open(database)
    held = 0
    if reason is None and not ledger.events:
        adopt(con, ledger, landing)
    if reason is None and (missing := store.missing_tables(con)):
        reason = f"raw tables missing: {', '.join(missing)}"
    if reason is None:
        con, reason, held = _checked(con, database, ledger)
    if reason is not None:
        if ledger.events:
            log.warning("rebuilding the raw layer from the landing archive: %s", reason)
        store.reset(con)
    for submission_id in set(store.logged(con)) - set(ledger.decisions):
        keep_decision(con, ledger, landing, submission_id)  # committed, then a crash
    steps = [e for e in ledger.events if not isinstance(e, Decision)]
    return Cache(con, steps[held:], reason if (reason and ledger.events) else None)
