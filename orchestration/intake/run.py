"""Intake of everything new in the drop folder: archive, read, validate, log, load."""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from orchestration.intake import archive, discover, store
from orchestration.intake.formats import Limits
from orchestration.intake.ledger import Arrival, rows_for
from orchestration.intake.parsers import Context
from orchestration.intake.process import Outcome, process, rejected
from orchestration.intake.reference import Reference, load_reference
from orchestration.intake.rules import issue
from orchestration.intake.validate import Validator
from orchestration.settings import DEFAULT_REGION, EXPECTATIONS_DIR, SEEDS_DIR, TIMEZONE, paths

log = logging.getLogger(__name__)


@dataclass
class Summary:
    """What one intake run did: files by outcome and rows added per table."""

    files: Counter[str] = field(default_factory=Counter)
    rows: Counter[str] = field(default_factory=Counter)


class Clock:
    """Local (Asia/Shanghai) receive times, strictly increasing within a run."""

    def __init__(self) -> None:
        self.last = dt.datetime.min

    def now(self) -> dt.datetime:
        now = dt.datetime.now(ZoneInfo(TIMEZONE)).replace(tzinfo=None)
        self.last = max(now, self.last + dt.timedelta(microseconds=1))
        return self.last


def _read(entry: discover.Entry, landed: archive.Landed, landing: Path, ref: Reference,
          validator: Validator, limits: Limits, con: store.duckdb.DuckDBPyConnection,
          name: str) -> Outcome:  # fmt: skip
    """The outcome for a file whose bytes are new: department check, size check, then content."""
    if entry.folder not in ref.departments:
        return rejected(issue("unknown_department", folder=entry.folder))
    if landed.size > limits.max_bytes:
        return rejected(issue("file_too_large", size=landed.size, limit=limits.max_bytes))
    ctx = Context(ref, entry.folder, DEFAULT_REGION)
    data = (landing / landed.relative_path).read_bytes()
    try:
        return process(data, entry.path.name, ctx, validator, limits=limits, name=name,
                       history=lambda dataset: store.history(con, dataset))  # fmt: skip
    except Exception as exc:  # a bug reading one file must not stop the others
        log.exception("intake failed on %s", entry.relative_path)
        return rejected(issue("internal_error", detail=f"{type(exc).__name__}: {exc}"[:300]))


def handle(entry: discover.Entry, con: store.duckdb.DuckDBPyConnection, ref: Reference,
           validator: Validator, limits: Limits, landing: Path, clock: Clock) -> str | None:  # fmt: skip
    """Archive, decide and write one file event in one transaction; returns its status."""
    if entry.problem:
        received = clock.now()
        arrival = Arrival(f"{received:%Y%m%d%H%M%S%f}-unread", entry.relative_path,
                          discover.safe_text(entry.path.name), entry.folder, received,
                          entry.size, entry.mtime)  # fmt: skip
        store.write_submission(con, rows_for(arrival, rejected(issue(entry.problem))))
        return "rejected"
    try:
        landed = archive.land(entry.path, landing)
    except archive.FileChanging:
        return None
    received = clock.now()
    sid = f"{received:%Y%m%d%H%M%S%f}-{landed.sha256[:10]}"
    arrival = Arrival(sid, entry.relative_path, discover.safe_text(entry.path.name), entry.folder,
                      received, landed.size, entry.mtime, landed.sha256, landed.relative_path)  # fmt: skip
    original = store.original_of(con, landed.sha256)
    if original:
        first, first_status, dataset = original
        note = issue("duplicate_file", original=first, original_status=first_status)
        outcome = Outcome("duplicate", dataset, file_issues=[note])
        store.write_submission(con, rows_for(arrival, outcome, duplicate_of=first))
        return "duplicate"
    outcome = _read(entry, landed, landing, ref, validator, limits, con, sid)
    store.write_submission(con, rows_for(arrival, outcome))
    return outcome.status


def run_intake(raw_dir: Path | None = None, database: Path | None = None, *,
               seeds_dir: Path = SEEDS_DIR, expectations_dir: Path = EXPECTATIONS_DIR,
               limits: Limits = Limits()) -> Summary:  # fmt: skip
    """Take in every file not seen before (by path, size and mtime) from the drop folder."""
    where = paths()
    raw = (raw_dir or where.raw).resolve()
    ref = load_reference(seeds_dir)
    validator = Validator(expectations_dir, where.gx / "validations")
    con = store.connect(database or where.build_db)
    summary, clock = Summary(), Clock()
    try:
        before = store.counts(con)
        for entry in discover.scan(raw):
            summary.files["seen"] += 1
            if store.already_logged(con, entry.relative_path, entry.size, entry.mtime):
                summary.files["unchanged"] += 1
                continue
            status = handle(entry, con, ref, validator, limits, where.landing, clock)
            summary.files[status or "still_changing"] += 1
        summary.rows = store.counts(con) - before
    finally:
        con.close()
    return summary
