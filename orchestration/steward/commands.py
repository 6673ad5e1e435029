"""`planwatch steward list | withdraw | reprocess`: each action is written to the landing
ledger first, then applied to the build database; the next refresh publishes it."""

from __future__ import annotations

import datetime as dt
import os
import pwd
import sys
from contextlib import nullcontext
from pathlib import Path
from typing import Any

import duckdb

from orchestration.intake.cache import BuildDatabaseBusy
from orchestration.intake.run import run_intake
from orchestration.landing.events import Event
from orchestration.landing.ledger import LedgerBusy, open_ledger, read_ledger
from orchestration.refresh.lock import BUSY, RefreshBusy, refresh_lock
from orchestration.settings import SEEDS_DIR, paths
from orchestration.steward import actions

NEXT_REFRESH = (
    "发布的数据在下次刷新后更新 / the published marts change at the next `planwatch refresh`"
)


def os_user() -> str:
    """Who is acting: the operating-system user of this process (not an environment variable)."""
    try:
        return pwd.getpwuid(os.geteuid()).pw_name
    except KeyError:
        return str(os.geteuid())


def record(build: Any) -> list[Event]:
    """Decide the events from the ledger and append them, under the ledger's lock."""
    with open_ledger(paths().ledger) as ledger:
        events = build(ledger)
        for event in events:
            ledger.append(event)
    return events


def _logged(submission_id: str) -> tuple[Any, ...] | None:
    with duckdb.connect(str(paths().build_db), read_only=True) as con:
        return con.execute(
            """select status, dataset, rows_received, rows_accepted, rows_quarantined, reasons
               from raw.submission_log where submission_id = ?""",
            [submission_id],
        ).fetchone()


def withdraw_submission(submission_id: str, reason: str, seeds_dir: Path = SEEDS_DIR) -> int:
    """Withdraw an accepted submission: recorded, applied, and said what it means; exit code."""
    now = dt.datetime.now(dt.UTC)
    (action,) = record(
        lambda ledger: [actions.withdraw(ledger, submission_id, reason, os_user(), now)]
    )
    run_intake(seeds_dir=seeds_dir, scan=False)
    arrival = read_ledger(paths().ledger).arrivals[submission_id]
    print(f"已撤回 / withdrawn: {submission_id} ({arrival.file_path}), action {action.action_id}")
    print(
        "其数据不再计入任何结果，此前接受的版本重新成为当前值；文件与记录均保留 / its rows no "
        "longer count anywhere, the previous accepted revision is current again; nothing is deleted"
    )
    print(NEXT_REFRESH)
    return 0


def reprocess_submission(
    submission_id: str, reason: str | None, seeds_dir: Path = SEEDS_DIR
) -> int:
    """Re-read an archived submission under today's rules; print the new verdict; exit code."""
    now = dt.datetime.now(dt.UTC)
    action, arrival = record(
        lambda ledger: list(actions.reprocess(ledger, submission_id, reason, os_user(), now))
    )
    run_intake(seeds_dir=seeds_dir, scan=False)
    row = _logged(arrival.submission_id)
    assert row is not None, arrival.submission_id
    status, dataset, received, accepted, quarantined, reasons = row
    print(f"重新读取 / reprocessed {submission_id} as {arrival.submission_id} ({action.action_id})")
    print(f"{arrival.file_path}: {status} ({dataset or 'dataset not recognised'})")
    print(f"rows received {received}, accepted {accepted}, quarantined {quarantined}")
    if reasons:
        print(reasons)
    print(NEXT_REFRESH)
    return 0 if status == "accepted" else 1


def listing(status: str | None, department: str | None) -> int:
    """Print submissions in arrival order, optionally by status and department."""
    found = actions.listing(read_ledger(paths().ledger), status, department)
    for item in found:
        print(
            f"{item.submission_id}  {item.received_at:%Y-%m-%d %H:%M}  {item.status:<9} "
            f"{item.department or '-':<18} {item.dataset or '-':<16} {item.file_path}"
            + (f"  [{item.reason_codes}]" if item.reason_codes else "")
            + (f"  (reprocess of {item.reprocess_of})" if item.reprocess_of else "")
        )
    print(f"{len(found)} 份报送 / submissions")
    return 0


def guarded(step: Any, *, writes: bool = True) -> int:
    """Run a steward command (one that writes under the refresh lock, as a refresh does); a
    refused action or a busy warehouse is an exit code, not a trace."""
    try:
        with refresh_lock(paths().refresh_lock) if writes else nullcontext():
            code: int = step()
    except actions.StewardError as error:
        print(error, file=sys.stderr)
        return 2
    except RefreshBusy as busy:
        print(busy, file=sys.stderr)
        return BUSY
    except (LedgerBusy, BuildDatabaseBusy, duckdb.IOException) as error:
        print(f"the warehouse is busy (a refresh is running?): {error}", file=sys.stderr)
        return BUSY
    return code
