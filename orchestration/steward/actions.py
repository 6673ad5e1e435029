"""What a steward action is, decided from the ledger alone: pure functions, no writing."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from orchestration.landing.events import REPROCESS, WITHDRAW, Arrival, StewardAction, local
from orchestration.landing.ledger import Ledger

REPROCESS_REASON = "按现行规则和参考数据重新读取 / re-read under today's rules and reference data"
STATUSES = ("accepted", "rejected", "duplicate", "withdrawn", "undecided")


class StewardError(Exception):
    """An action that cannot be taken, with the reason for the steward (Chinese, English)."""


@dataclass(frozen=True)
class Listed:
    """One submission as `planwatch steward list` shows it."""

    submission_id: str
    received_at: dt.datetime
    department: str | None
    region: str | None
    dataset: str | None
    status: str
    reason_codes: str | None
    file_path: str
    reprocess_of: str | None


def status_of(ledger: Ledger, submission_id: str) -> str:
    """The standing of a submission: its latest decision, or withdrawn."""
    if submission_id in ledger.withdrawn():
        return "withdrawn"
    decision = ledger.decisions.get(submission_id)
    return decision.status if decision else "undecided"


def listing(
    ledger: Ledger, status: str | None = None, department: str | None = None
) -> list[Listed]:
    """Submissions in the order they arrived, filtered by standing and department folder."""
    found = []
    for arrival in ledger.arrivals.values():
        standing = status_of(ledger, arrival.submission_id)
        decision = ledger.decisions.get(arrival.submission_id)
        elsewhere = department and arrival.department_folder != department
        if (status and standing != status) or elsewhere:
            continue
        found.append(
            Listed(
                arrival.submission_id,
                arrival.received_at,
                arrival.department_folder,
                arrival.region_folder,
                decision.dataset if decision else None,
                standing,
                decision.reason_codes if decision else None,
                arrival.file_path,
                arrival.reprocess_of,
            )
        )
    return found


def _submission(ledger: Ledger, submission_id: str) -> Arrival:
    arrival = ledger.arrivals.get(submission_id)
    if arrival is None:
        raise StewardError(
            f"没有编号为 {submission_id} 的报送（见 planwatch steward list） / no submission "
            f"{submission_id} (see planwatch steward list)"
        )
    return arrival


def _action_id(now: dt.datetime, action: str) -> str:
    return f"{local(now):%Y%m%d%H%M%S%f}-{action}"


def withdraw(
    ledger: Ledger, submission_id: str, reason: str, user: str, now: dt.datetime
) -> StewardAction:
    """The withdrawal of an accepted submission; refused for any other standing."""
    _submission(ledger, submission_id)
    if not reason.strip():
        raise StewardError("请写明撤回原因（--reason） / say why (--reason)")
    standing = status_of(ledger, submission_id)
    if standing != "accepted":
        raise StewardError(
            f"报送 {submission_id} 的状态是 {standing}，只能撤回已接收的报送 / submission "
            f"{submission_id} is {standing}; only an accepted submission can be withdrawn"
        )
    return StewardAction(_action_id(now, WITHDRAW), WITHDRAW, submission_id, reason, user, now)


def reprocess(
    ledger: Ledger, submission_id: str, reason: str | None, user: str, now: dt.datetime
) -> tuple[StewardAction, Arrival]:
    """The action and the new submission event that re-reads an archived submission.

    The new event keeps the original's arrival facts (path, folders, first-seen time, so it
    sorts where the original did) under a new id that names the original.
    """
    original = _submission(ledger, submission_id)
    if original.sha256 is None:
        raise StewardError(
            f"报送 {submission_id} 当时未能读取，没有归档内容可重新读取，请让部门重新报送 / "
            f"submission {submission_id} was never read, so no bytes are archived; ask the "
            "department to submit it again"
        )
    earlier = sum(1 for a in ledger.arrivals.values() if a.reprocess_of == submission_id)
    new_id = f"{submission_id}-r{earlier + 1}"
    action = StewardAction(
        _action_id(now, REPROCESS),
        REPROCESS,
        submission_id,
        (reason or "").strip() or REPROCESS_REASON,
        user,
        now,
        new_id,
    )
    return action, dataclasses.replace(original, submission_id=new_id, reprocess_of=submission_id)
