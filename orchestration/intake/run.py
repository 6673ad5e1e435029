"""Intake of everything new in the drop folder: archive, read, validate, log, load."""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from orchestration.intake import archive, discover, store
from orchestration.intake.frames import History
from orchestration.intake.ledger import Arrival, Clock, rows_for
from orchestration.intake.process import Outcome, process, rejected
from orchestration.intake.reading import DEFAULT_LIMITS, Limits
from orchestration.intake.reference import Reference, load_reference
from orchestration.intake.rows import Context
from orchestration.intake.rules import Issue, issue
from orchestration.intake.validate import Validator
from orchestration.settings import DEFAULT_REGION, EXPECTATIONS_DIR, SEEDS_DIR, paths

log = logging.getLogger(__name__)


@dataclass
class Summary:
    """What one intake run did: files by outcome and rows added per table."""

    files: Counter[str] = field(default_factory=Counter)
    rows: Counter[str] = field(default_factory=Counter)


@dataclass
class Intake:
    """One intake run's connections and reference data; handles one file event at a time."""

    con: store.duckdb.DuckDBPyConnection
    ref: Reference
    validator: Validator
    limits: Limits
    landing: Path
    clock: Clock

    def handle(self, entry: discover.Entry) -> str | None:
        """Archive, decide and write one file event in one transaction; returns its status."""
        if entry.problem:
            return self.unread(entry, issue(entry.problem))
        try:
            landed = archive.land(entry.path, self.landing)
        except (archive.FileChanging, FileNotFoundError):
            return None  # still being written or already gone: the next run sees it settled
        except OSError as exc:
            return self.unread(entry, issue("file_unreadable", detail=exc.strerror or str(exc)))
        arrival = self.arrival(entry, landed)
        if original := store.original_of(self.con, landed.sha256):
            first, first_status, dataset = original
            note = issue("duplicate_file", original=first, original_status=first_status)
            outcome = Outcome("duplicate", dataset, file_issues=[note])
            store.write_submission(self.con, rows_for(arrival, outcome, duplicate_of=first))
            return "duplicate"
        outcome = self.read(entry, landed, arrival.submission_id)
        store.write_submission(self.con, rows_for(arrival, outcome))
        return outcome.status

    def arrival(self, entry: discover.Entry, landed: archive.Landed | None = None) -> Arrival:
        """The log facts of a file event; its id sorts in the order files were received."""
        received = self.clock.now()
        suffix = landed.sha256[:10] if landed else "unread"
        return Arrival(
            f"{received:%Y%m%d%H%M%S%f}-{suffix}",
            entry.relative_path,
            discover.safe_text(entry.path.name),
            entry.folder,
            received,
            landed.size if landed else entry.size,
            entry.mtime,
            landed.sha256 if landed else None,
            landed.relative_path if landed else None,
        )

    def unread(self, entry: discover.Entry, reason: Issue) -> str:
        """Log a file rejected without reading (or archiving) it."""
        store.write_submission(self.con, rows_for(self.arrival(entry), rejected(reason)))
        return "rejected"

    def history(self, dataset: str) -> History:
        """Current accepted values of a dataset, for year-on-year checks."""
        return store.history(self.con, dataset)

    def read(self, entry: discover.Entry, landed: archive.Landed, name: str) -> Outcome:
        """The outcome for bytes not seen before: department, size, then the content itself."""
        if entry.folder not in self.ref.departments:
            return rejected(issue("unknown_department", folder=entry.folder))
        if landed.size > self.limits.max_bytes:
            return rejected(issue("file_too_large", size=landed.size, limit=self.limits.max_bytes))
        ctx = Context(self.ref, entry.folder, DEFAULT_REGION)
        data = (self.landing / landed.relative_path).read_bytes()
        try:
            return process(
                data,
                entry.path.name,
                ctx,
                self.validator,
                limits=self.limits,
                name=name,
                history=self.history,
            )
        except Exception as exc:  # a bug on one file must not stop the others
            log.exception("intake failed on %s", entry.relative_path)
            return rejected(issue("internal_error", detail=f"{type(exc).__name__}: {exc}"[:300]))


def run_intake(
    raw_dir: Path | None = None,
    database: Path | None = None,
    *,
    seeds_dir: Path = SEEDS_DIR,
    expectations_dir: Path = EXPECTATIONS_DIR,
    limits: Limits = DEFAULT_LIMITS,
) -> Summary:
    """Take in every file not seen before (by path, size and mtime) from the drop folder."""
    where = paths()
    raw = (raw_dir or where.raw).resolve()
    ref = load_reference(seeds_dir)
    validator = Validator(expectations_dir, where.gx / "intake_validations")
    con = store.connect(database or where.build_db)
    clock = Clock(store.latest_receipt(con))
    intake, summary = Intake(con, ref, validator, limits, where.landing, clock), Summary()
    try:
        before = store.counts(con)
        for entry in discover.scan(raw):
            summary.files["seen"] += 1
            if store.already_logged(con, entry.relative_path, entry.size, entry.mtime):
                summary.files["unchanged"] += 1
                continue
            summary.files[intake.handle(entry) or "still_changing"] += 1
        summary.rows = store.counts(con) - before
    finally:
        con.close()
    return summary
