"""What the ledger records: arrivals, intake's decisions and steward actions, as JSON objects.

Times are stored as ISO 8601 with their zone (UTC). The raw layer's existing timestamp
columns are naive Asia/Shanghai; `local` converts for them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from orchestration.settings import TIMEZONE

ARRIVAL, DECISION, STEWARD_ACTION = "arrival", "decision", "steward_action"
WITHDRAW, REPROCESS = "withdraw", "reprocess"


def local(moment: dt.datetime) -> dt.datetime:
    """An aware time as naive Asia/Shanghai, the convention of the raw layer's timestamps."""
    return moment.astimezone(ZoneInfo(TIMEZONE)).replace(tzinfo=None)


def utc(moment: dt.datetime) -> dt.datetime:
    """An aware time in UTC; a naive one is taken as Asia/Shanghai (the raw layer's times)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(TIMEZONE))
    return moment.astimezone(dt.UTC)


class Clock:
    """Aware UTC times, strictly increasing, also across runs (from the ledger's last time)."""

    def __init__(self, last: dt.datetime | None = None) -> None:
        self.last = last or dt.datetime.min.replace(tzinfo=dt.UTC)

    def now(self) -> dt.datetime:
        self.last = max(dt.datetime.now(dt.UTC), self.last + dt.timedelta(microseconds=1))
        return self.last


@dataclass(frozen=True)
class Arrival:
    """A file event, recorded before its content is read: the facts a rebuild starts from.

    unread_rule is set (and sha256 is not) when intake could not or would not read the
    file (a link, a pipe, a permission error); reprocess_of names the submission whose
    archived bytes a steward asked to read again.
    """

    submission_id: str
    file_path: str
    file_name: str
    department_folder: str | None
    region_folder: str | None
    first_seen_at: dt.datetime
    size_bytes: int
    file_mtime: dt.datetime
    sha256: str | None = None
    archive_path: str | None = None
    unread_rule: str | None = None
    unread_detail: str | None = None
    reprocess_of: str | None = None

    @property
    def received_at(self) -> dt.datetime:
        return local(self.first_seen_at)


@dataclass(frozen=True)
class Decision:
    """What intake decided about a submission; the latest one per submission stands.

    outcome_path (under landing/) holds the rows written for it, checked by outcome_sha256;
    rebuilt marks a decision re-derived from the bytes because no rows were saved.
    """

    submission_id: str
    status: str
    dataset: str | None
    reason_codes: str | None
    decided_at: dt.datetime
    outcome_path: str | None = None
    outcome_sha256: str | None = None
    rebuilt: bool = False


@dataclass(frozen=True)
class StewardAction:
    """A data steward's withdraw or reprocess of one submission: when, who, why and what."""

    action_id: str
    action: str
    submission_id: str
    reason: str
    acted_by: str
    acted_at: dt.datetime
    result_submission_id: str | None = None


Event = Arrival | Decision | StewardAction
KINDS: dict[str, type[Arrival] | type[Decision] | type[StewardAction]] = {
    ARRIVAL: Arrival,
    DECISION: Decision,
    STEWARD_ACTION: StewardAction,
}
TIMES = {"first_seen_at", "file_mtime", "decided_at", "acted_at"}


def to_record(event: Event) -> dict[str, Any]:
    """The JSON object of an event (without its sequence number)."""
    kind = next(k for k, cls in KINDS.items() if isinstance(event, cls))
    record: dict[str, Any] = {"kind": kind}
    for item in dataclasses.fields(event):
        value = getattr(event, item.name)
        record[item.name] = utc(value).isoformat() if item.name in TIMES else value
    return record


def from_record(record: dict[str, Any]) -> Event:
    """The event a ledger line holds; unknown keys are an error (the ledger is a contract)."""
    cls = KINDS[record["kind"]]
    values = {k: v for k, v in record.items() if k not in ("kind", "seq")}
    for name in TIMES & set(values):
        values[name] = dt.datetime.fromisoformat(values[name])
    return cls(**values)
