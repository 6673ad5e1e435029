"""Intake: bring build.duckdb up to the landing ledger, then take in what is new in raw/.

Every new file event is recorded in the ledger (after its bytes are archived) before it is
read; then it is decided and written in one transaction, and the decision is recorded.
Anything wrong with one file rejects that file; only a fault of the machine (the ledger or
archive cannot be written, the database fails) stops intake, naming the file it was on.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from orchestration.intake import archive, batch, cache, discover, store
from orchestration.intake.frames import History
from orchestration.intake.plan_checks import department_problem
from orchestration.intake.process import Outcome, process, rejected, shown
from orchestration.intake.raw_rows import log_facts, rows_for, steward_action_row
from orchestration.intake.reading import DEFAULT_LIMITS, Limits
from orchestration.intake.reference import Reference, load_reference
from orchestration.intake.rows import Context
from orchestration.intake.rules import Issue, issue
from orchestration.intake.validate import Validator
from orchestration.landing import outcomes
from orchestration.landing.events import Arrival, Clock, Decision, Event, StewardAction, local
from orchestration.landing.ledger import Ledger, open_ledger
from orchestration.settings import EXPECTATIONS_DIR, paths

log = logging.getLogger(__name__)
T = TypeVar("T")


class IntakeStopped(Exception):
    """A fault of the machine, not of a file: intake stopped, at the file it names."""


@dataclass
class Summary:
    """What one intake run did: files by outcome, rows added per table, what was rebuilt."""

    files: Counter[str] = field(default_factory=Counter)
    rows: Counter[str] = field(default_factory=Counter)
    rebuilt: str | None = None
    replayed: int = 0
    decisions_changed: list[str] = field(default_factory=list)


def not_stored(outcome: Outcome, failure: store.NotStored) -> Outcome:
    """The file rejected because a value could not be stored: the cell named where it is known."""
    cell = failure.cell
    record = None
    if cell is not None and outcome.status == "accepted":
        at = (cell.row.get("sheet"), int(cell.row.get("excel_row") or 0))
        record = next((r for r in outcome.accepted if (r.sheet, r.excel_row) == at), None)
    if cell is None or record is None:
        where = f" ({cell.table}.{cell.column} = {cell.value})" if cell else ""
        detail = f"{failure}{where}"[:300]
        return rejected(issue("internal_error", detail=detail))
    record.issues.append(
        issue(
            "value_out_of_range",
            sheet=record.sheet,
            row=record.excel_row,
            column=record.labels.get(cell.column, cell.column),
            field=cell.column,
            value=shown(record.values.get(cell.column, cell.value)),
            limit_zh="（超出本列存储类型的范围）",
            limit_en=" (beyond the range of its column's storage type)",
        )
    )
    for other in outcome.accepted:
        if not other.errors:
            other.issues.append(issue("file_rejected", sheet=other.sheet, row=other.excel_row))
    rows = outcome.accepted + outcome.quarantined
    return Outcome("rejected", outcome.dataset, [], rows, outcome.file_issues)


@dataclass
class Intake:
    """One intake run's connections, reference data and ledger; one file event at a time."""

    con: store.duckdb.DuckDBPyConnection
    ref: Reference
    validator: Validator
    limits: Limits
    landing: Path
    ledger: Ledger
    clock: Clock
    summary: Summary
    ahead: dict[str, batch.Ahead] = field(default_factory=dict)

    def take(self, entry: discover.Entry) -> str | None:
        """Archive a new file event and record it in the ledger, then decide it; its status."""
        arrival = self.arrive(entry)
        return None if arrival is None else self.apply(arrival)

    def arrive(self, entry: discover.Entry) -> Arrival | None:
        """Archive a new file event and record it in the ledger (None: not settled yet)."""
        landed: archive.Landed | None = None
        unread = (entry.problem, None) if entry.problem else None
        if unread is None:
            try:
                landed = archive.land(entry.path, self.landing)
            except (archive.FileChanging, FileNotFoundError):
                return None  # still being written or already gone: the next run sees it settled
            except OSError as exc:
                unread = ("file_unreadable", exc.strerror or str(exc))
        arrival = self.arrival(entry, landed, unread)
        self.ledger.append(arrival)
        return arrival

    def prevalidate(self, arrivals: list[Arrival]) -> None:
        """Read the files of these arrivals that will reach their suite and validate them in
        batches (`batch.validate_ahead`); `decide` then uses each file's findings if the
        history they were validated with is still the history it would see."""
        known: set[str | None] = set()
        content = []
        for arrival in arrivals:
            if self._reaches_content(arrival, known):
                content.append(arrival)
            known.add(arrival.sha256)
        self.ahead = batch.validate_ahead(self, content)

    def arrival(
        self,
        entry: discover.Entry,
        landed: archive.Landed | None,
        unread: tuple[str, str | None] | None,
    ) -> Arrival:
        """The ledger facts of a file event; its id sorts in the order files were first seen."""
        seen = self.clock.now()
        suffix = landed.sha256[:10] if landed else "unread"
        return Arrival(
            submission_id=f"{local(seen):%Y%m%d%H%M%S%f}-{suffix}",
            file_path=entry.relative_path,
            file_name=discover.safe_text(entry.path.name),
            department_folder=entry.folder,
            region_folder=entry.region,
            first_seen_at=seen,
            size_bytes=landed.size if landed else entry.size,
            file_mtime=entry.mtime,
            sha256=landed.sha256 if landed else None,
            archive_path=landed.relative_path if landed else None,
            unread_rule=unread[0] if unread else None,
            unread_detail=unread[1] if unread else None,
        )

    def replay(self, event: Event) -> None:
        """Apply one ledger event the build database does not hold yet."""
        if isinstance(event, StewardAction):
            store.write_submission(self.con, steward_action_row(event))
        elif isinstance(event, Arrival):
            self.apply(event)

    def apply(self, arrival: Arrival) -> str:
        """Write an arrival's rows in one transaction: the rows saved with its decision when
        there are, else decided now from the bytes (and then saved and recorded)."""
        earlier = self.ledger.decisions.get(arrival.submission_id)
        if earlier and earlier.outcome_path and earlier.outcome_sha256:
            saved = outcomes.load(self.landing, earlier.outcome_path, earlier.outcome_sha256)
            facts = {k: None if v is None else str(v) for k, v in log_facts(arrival).items()}
            saved["submission_log"][0].update(facts)  # arrival facts only from the ledger
            store.write_submission(self.con, saved)
            return earlier.status
        outcome, duplicate_of = self.decide(arrival)
        region = self.region_of(arrival)
        tables = rows_for(arrival, outcome, duplicate_of=duplicate_of, region=region)
        try:
            store.write_submission(self.con, tables)
        except store.NotStored as failure:
            log.warning("%s: rows not storable, file rejected: %s", arrival.file_path, failure)
            tables = rows_for(arrival, not_stored(outcome, failure), region=region)
            store.write_submission(self.con, tables)
        return self.record(arrival, {t: store.as_text(t, rows) for t, rows in tables.items()})

    def record(self, arrival: Arrival, tables: outcomes.Tables) -> str:
        """Save the rows written for an arrival and record the decision; its status."""
        entry = tables["submission_log"][0]
        path, sha256 = outcomes.save(self.landing, arrival.submission_id, tables)
        earlier = self.ledger.decisions.get(arrival.submission_id)
        decision = Decision(
            arrival.submission_id,
            entry["status"] or "",
            entry["dataset"],
            entry["reason_codes"],
            dt.datetime.now(dt.UTC),
            path,
            sha256,
            rebuilt=earlier is not None,
        )
        if earlier and (earlier.status, earlier.dataset, earlier.reason_codes) != (
            decision.status,
            decision.dataset,
            decision.reason_codes,
        ):
            self.summary.decisions_changed.append(arrival.submission_id)
            log.warning(
                "%s (%s) decided %s from its bytes today, %s when it arrived",
                arrival.submission_id,
                arrival.file_path,
                decision.status,
                earlier.status,
            )
        self.ledger.append(decision)
        return decision.status

    def decide(self, arrival: Arrival) -> tuple[Outcome, str | None]:
        """Unread, then folder (region, department), then duplicate, then size, then content."""
        if arrival.unread_rule:
            return rejected(issue(arrival.unread_rule, detail=arrival.unread_detail)), None
        if problem := self.folder_problem(arrival):
            return rejected(problem), None
        assert arrival.sha256 and arrival.archive_path
        original = None if arrival.reprocess_of else store.original_of(self.con, arrival.sha256)
        if original:
            first, first_status, dataset = original
            note = issue("duplicate_file", original=first, original_status=first_status)
            return Outcome("duplicate", dataset, file_issues=[note]), first
        if arrival.size_bytes > self.limits.max_bytes:
            size = issue("file_too_large", size=arrival.size_bytes, limit=self.limits.max_bytes)
            return rejected(size), None
        try:
            ahead = self.ahead.pop(arrival.submission_id, None)
            if ahead is not None:
                return batch.conclude_ahead(self, ahead), None
            data = archive.read_landed(self.landing, arrival.archive_path, arrival.sha256)
            outcome = process(
                data,
                arrival.file_name,
                self.context(arrival),
                self.validator,
                limits=self.limits,
                name=arrival.submission_id,
                history=self.history,
            )
        except Exception as exc:  # a bug on one file must not stop the others
            log.exception("intake failed on %s", arrival.file_path)
            detail = f"{type(exc).__name__}: {exc}"[:300]
            outcome = rejected(issue("internal_error", detail=detail))
        return outcome, None

    def folder_problem(self, arrival: Arrival) -> Issue | None:
        """Why the folder a file was dropped in takes no submissions (None when it does)."""
        region, folder = arrival.region_folder, arrival.department_folder
        if region is not None and region not in self.ref.regions:
            return issue("unknown_region_folder", folder=region)
        if folder in discover.NOT_DEPARTMENTS:
            return issue("reserved_folder", folder=folder)
        return department_problem(self.ref, region or self.ref.default_region, folder)

    def region_of(self, arrival: Arrival) -> str | None:
        """The region a file was dropped for: its region folder, else the default region
        (None for a region folder not in the region list)."""
        region = arrival.region_folder or self.ref.default_region
        return region if region in self.ref.regions else None

    def history(self, dataset: str) -> History:
        """Current accepted values of a dataset, for year-on-year checks."""
        return store.history(self.con, dataset)

    def context(self, arrival: Arrival) -> Context:
        return Context(self.ref, arrival.department_folder or "", arrival.region_folder)

    def _reaches_content(self, arrival: Arrival, earlier: set[str | None]) -> bool:
        """Whether `decide` will read this file's content (no earlier file has its bytes)."""
        return bool(
            not arrival.unread_rule
            and arrival.sha256
            and arrival.archive_path
            and self.folder_problem(arrival) is None
            and arrival.sha256 not in earlier
            and (arrival.reprocess_of or store.original_of(self.con, arrival.sha256) is None)
            and arrival.size_bytes <= self.limits.max_bytes
        )


def _guarded(where: str, step: Callable[[], T]) -> T:
    """Run one file's step; anything that escapes it is systemic and names the file."""
    try:
        return step()
    except Exception as exc:
        raise IntakeStopped(
            f"入库在处理“{where}”时因系统故障中止 / intake stopped at {where} by a fault of the "
            f"system, not of the file: {type(exc).__name__}: {exc}"
        ) from exc


def _take_chunk(intake: Intake, chunk: list[discover.Entry]) -> None:
    """Record a chunk of new files in the ledger, validate them ahead in batches, then decide
    and write each in turn, as one file at a time would."""
    arrivals = []
    for entry in chunk:
        arrival = _guarded(entry.relative_path, lambda e=entry: intake.arrive(e))
        if arrival is None:
            intake.summary.files["still_changing"] += 1
        else:
            arrivals.append(arrival)
    intake.prevalidate(arrivals)
    for arrival in arrivals:
        status = _guarded(arrival.file_path, lambda a=arrival: intake.apply(a))
        intake.summary.files[status] += 1


def run_intake(
    raw_dir: Path | None = None,
    database: Path | None = None,
    *,
    seeds_dir: Path | None = None,
    expectations_dir: Path = EXPECTATIONS_DIR,
    limits: Limits = DEFAULT_LIMITS,
    scan: bool = True,
) -> Summary:
    """Bring the raw layer up to the ledger, then take in every new file event from raw/;
    reference data from seeds_dir, by default the seeds of the dbt project dbt runs."""
    where = paths()
    raw = (raw_dir or where.raw).resolve()
    ref = load_reference(seeds_dir)
    validator = Validator(expectations_dir, where.intake_validations)
    with open_ledger(where.ledger) as ledger:
        held = cache.open_cache(database or where.build_db, ledger, where.landing)
        summary = Summary(rebuilt=held.rebuilt)
        clock = Clock(ledger.last_time())
        intake = Intake(held.con, ref, validator, limits, where.landing, ledger, clock, summary)
        try:
            before = store.counts(held.con)
            for event in held.pending:
                name = getattr(event, "file_path", getattr(event, "action_id", "?"))
                _guarded(f"{name} (ledger)", lambda e=event: intake.replay(e))
                summary.replayed += 1
            chunk: list[discover.Entry] = []
            for entry in discover.scan(raw) if scan else ():
                summary.files["seen"] += 1
                if (entry.relative_path, entry.size, entry.mtime) in ledger.seen:
                    summary.files["unchanged"] += 1
                    continue
                chunk.append(entry)
                if batch.full(chunk):
                    _take_chunk(intake, chunk)
                    chunk = []
            _take_chunk(intake, chunk)
            summary.rows = store.counts(held.con) - before
        finally:
            held.con.close()
    return summary
