"""The ledger: JSON lines under warehouse/landing/ledger/, one file per UTC day, each record
written and fsynced before intake acts on it, read back in sequence order.

One process writes at a time (an exclusive lock on ledger/.lock). A record cut short by a
crash was never acknowledged, so the next writer removes it; a damaged line anywhere else
stops intake, because the record can no longer be trusted to be complete.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import logging
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from orchestration.landing.events import (
    Arrival,
    Decision,
    Event,
    StewardAction,
    from_record,
    to_record,
)

log = logging.getLogger(__name__)

SUFFIX = ".jsonl"
LOCK = ".lock"
DEFAULT_WAIT_SECONDS = 60.0
BUSY = (
    "另一个 planwatch 进程（刷新、报送或数据管理操作）正在使用登记簿，请稍后再试 / another "
    "planwatch process (a refresh, ingest or steward command) is using the landing ledger "
    "{directory}; try again when it has finished"
)


class LedgerError(Exception):
    """The ledger cannot be used: damaged, or held by another process."""


class LedgerDamaged(LedgerError):
    """A complete line of the ledger is not a valid record."""


class LedgerBusy(LedgerError):
    """Another planwatch process holds the ledger."""


def fsync_directory(directory: Path) -> None:
    """Make the names in a directory durable (after a create or a rename)."""
    handle = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def _make_directory(directory: Path) -> None:
    """Create the directory and its missing parents, each made durable in its parent."""
    missing = [d for d in (directory, *directory.parents) if not d.exists()]
    for folder in reversed(missing):
        folder.mkdir(exist_ok=True)
        fsync_directory(folder.parent)


def _read_file(path: Path, repair: bool) -> list[dict]:
    """The records of one ledger file; a cut-off last line is dropped (and removed if repair)."""
    data = path.read_bytes()
    complete = data.rfind(b"\n") + 1
    if complete < len(data):
        log.warning("%s: dropping a record cut short by a crash", path)
        if repair:
            with path.open("r+b") as handle:
                handle.truncate(complete)
                handle.flush()
                os.fsync(handle.fileno())
    records = []
    for number, line in enumerate(data[:complete].splitlines(), 1):
        try:
            record = json.loads(line)
            from_record(record)
        except (ValueError, KeyError, TypeError) as exc:
            raise LedgerDamaged(f"{path} line {number}: not a ledger record ({exc})") from exc
        records.append(record)
    return records


def read_records(directory: Path, *, repair: bool = False) -> list[dict]:
    """Every record in the ledger directory, in sequence order."""
    if not directory.is_dir():
        return []
    records = [r for p in sorted(directory.glob("*" + SUFFIX)) for r in _read_file(p, repair)]
    records.sort(key=lambda r: r["seq"])
    numbers = [r["seq"] for r in records]
    if len(set(numbers)) != len(numbers):
        raise LedgerDamaged(f"{directory}: a sequence number appears twice")
    return records


class Ledger:
    """The ledger's events in order, with the views intake and the steward commands need."""

    def __init__(self, directory: Path, records: list[dict], writable: bool) -> None:
        self.directory, self.writable = directory, writable
        self.next_seq = (records[-1]["seq"] + 1) if records else 1
        self.events: list[Event] = []
        self.arrivals: dict[str, Arrival] = {}
        self.decisions: dict[str, Decision] = {}
        self.actions: dict[str, StewardAction] = {}
        self.seen: set[tuple[str, int, dt.datetime]] = set()
        for record in records:
            self._note(from_record(record))

    def _note(self, event: Event) -> None:
        self.events.append(event)
        if isinstance(event, Arrival):
            self.arrivals[event.submission_id] = event
            self.seen.add((event.file_path, event.size_bytes, event.file_mtime))
        elif isinstance(event, Decision):
            self.decisions[event.submission_id] = event
        else:
            self.actions[event.action_id] = event

    @property
    def order(self) -> list[str]:
        """Arrival and steward-action ids in the order they were recorded."""
        return [
            e.submission_id if isinstance(e, Arrival) else e.action_id
            for e in self.events
            if not isinstance(e, Decision)
        ]

    def withdrawn(self) -> dict[str, StewardAction]:
        """Withdrawn submissions and the action that withdrew each."""
        return {a.submission_id: a for a in self.actions.values() if a.action == "withdraw"}

    def last_time(self) -> dt.datetime | None:
        """The latest first-seen time recorded, so new arrivals sort after every earlier one."""
        times = [a.first_seen_at for a in self.arrivals.values()]
        return max(times) if times else None

    def append(self, event: Event) -> None:
        """Write one record to today's file and fsync it (and the folder for a new file)."""
        if not self.writable:
            raise LedgerError("the ledger was opened read-only")
        record = {"seq": self.next_seq, **to_record(event)}
        line = (json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")
        path = self.directory / f"{dt.datetime.now(dt.UTC):%Y-%m-%d}{SUFFIX}"
        created = not path.exists()
        handle = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            view = memoryview(line)
            while view:
                view = view[os.write(handle, view) :]
            os.fsync(handle)
        finally:
            os.close(handle)
        if created:
            fsync_directory(self.directory)
        self.next_seq += 1
        self._note(event)


def read_ledger(directory: Path) -> Ledger:
    """The ledger as it is now, for reading only (no lock, nothing repaired)."""
    return Ledger(directory, read_records(directory), writable=False)


@contextmanager
def open_ledger(directory: Path, wait_seconds: float = DEFAULT_WAIT_SECONDS) -> Iterator[Ledger]:
    """The ledger for writing, held exclusively until the block ends."""
    _make_directory(directory)
    handle = os.open(directory / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise LedgerBusy(BUSY.format(directory=directory)) from None
                time.sleep(0.2)
        yield Ledger(directory, read_records(directory, repair=True), writable=True)
    finally:
        os.close(handle)
