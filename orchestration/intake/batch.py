"""New files validated ahead, many per Great Expectations batch, with the same decisions.

A GX validation costs about a second of fixed work whatever its rows, which capped intake at
about one file a second. So intake records a chunk of new files in the ledger, reads each
one and runs its row checks (`process.prepare`), then validates the chunk's files of each
dataset in one batch (`Validator.validate_many`), and only then decides and writes each
file in arrival order, exactly as before.

The one thing a file's suite depends on besides its own rows is the history of accepted
values (last year's value, for the jump check). Ahead of the decisions that history is a
guess: the accepted values so far plus those of the chunk's earlier files that have no
error yet. When a file is decided, last year's values are looked up again in the history
as it then is; if any differs (an earlier file of the chunk was rejected after all), that
file is validated again on its own. Anything that goes wrong ahead is left to the file's
own decision, which reads it again and reports what is wrong as it always did.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from orchestration.intake import archive, frames
from orchestration.intake.process import Outcome, Prepared, SuiteInput, conclude, prepare
from orchestration.intake.process import suite_input as build_input
from orchestration.intake.reading import Limits
from orchestration.intake.rows import Context
from orchestration.intake.rules import ERROR, RULES
from orchestration.intake.validate import Failure, Validator
from orchestration.landing.events import Arrival

log = logging.getLogger(__name__)


class Intake(Protocol):
    """What reading ahead needs of an intake run (orchestration.intake.run.Intake)."""

    landing: Path
    limits: Limits
    validator: Validator

    def history(self, dataset: str) -> frames.History: ...

    def context(self, arrival: Arrival) -> Context: ...


CHUNK_FILES = 250
CHUNK_BYTES = 32 * 1024 * 1024  # the chunk's files are held in memory, read and typed


def full(chunk: list) -> bool:
    """Whether a chunk of drop-folder entries is as large as one batch should be."""
    return len(chunk) >= CHUNK_FILES or sum(entry.size for entry in chunk) >= CHUNK_BYTES


@dataclass
class Ahead:
    """A file read ahead of its decision, and its suite's findings if it needed a suite."""

    name: str
    prepared: Prepared | Outcome
    checked: tuple[SuiteInput, list[Failure]] | None = None


def _overlay(history: frames.History, prepared: Prepared) -> None:
    """Add a file's values to the guessed history, as if it will be accepted."""
    code, measure = prepared.spec.measure or (None, None)
    for record in prepared.originals:
        values = record.values
        key = (values.get(code), values.get("region_code"), values.get("year"))
        if None not in key and values.get(measure) is not None:
            history[key] = values[measure]  # type: ignore[index]


def validate_ahead(intake: Intake, arrivals: list[Arrival]) -> dict[str, Ahead]:
    """Each arrival's file read and row-checked, its suite run in batches per dataset."""
    ahead: dict[str, Ahead] = {}
    waiting: dict[str, list[Ahead]] = {}
    for arrival in arrivals:
        try:
            assert arrival.archive_path and arrival.sha256
            data = archive.read_landed(intake.landing, arrival.archive_path, arrival.sha256)
            found = prepare(data, arrival.file_name, intake.context(arrival), intake.limits)
        except Exception:  # decided on its own later, where the fault is reported
            log.debug("read ahead failed on %s", arrival.file_path, exc_info=True)
            continue
        one = Ahead(arrival.submission_id, found)
        ahead[one.name] = one
        if isinstance(found, Prepared) and found.needs_suite:
            waiting.setdefault(found.dataset, []).append(one)
    for dataset, members in waiting.items():
        try:
            _validate(intake, dataset, members)
        except Exception:
            log.warning("batch validation of %s failed; files validated one by one", dataset)
            for one in members:
                ahead.pop(one.name, None)
    return ahead


ROUNDS = 3  # re-validations ahead, in batches, as the guessed history is corrected


def _rejects(prepared: Prepared, failures: list[Failure]) -> bool:
    """Whether the file will be rejected: an error on a row already, or from its suite."""
    if any(record.errors for record in prepared.originals):
        return True
    return any(f.row_ids and RULES[f.meta["rule"]][0] == ERROR for f in failures)


def _previous(
    base: frames.History, members: list[Ahead], rejected: set[int]
) -> list[dict[int, object]]:
    """Each file's last-year values, from the history guessed from the files before it that
    are not rejected."""
    history = dict(base)
    found = []
    for index, one in enumerate(members):
        prepared = one.prepared
        assert isinstance(prepared, Prepared)
        found.append(frames.previous_value(prepared.spec, prepared.originals, history))
        if prepared.spec.measure is not None and index not in rejected:
            _overlay(history, prepared)
    return found


def _inputs(
    base: frames.History, members: list[Ahead], rejected: set[int], only: list[int]
) -> dict[int, SuiteInput]:
    """The suite inputs of the files `only` names, with the guessed history."""
    history = dict(base)
    inputs = {}
    wanted = set(only)
    for index, one in enumerate(members[: max(only) + 1] if only else []):
        prepared = one.prepared
        assert isinstance(prepared, Prepared)
        if index in wanted:
            inputs[index] = build_input(prepared.spec, prepared.originals, prepared.ctx, history)
        if prepared.spec.measure is not None and index not in rejected:
            _overlay(history, prepared)
    return inputs


def _validate(intake: Intake, dataset: str, members: list[Ahead]) -> None:
    """Validate the files in batches; where a file's guessed history proves wrong (an
    earlier file is rejected by its suite), validate the affected files again, in a batch."""
    first = members[0].prepared
    assert isinstance(first, Prepared)
    base = intake.history(dataset) if first.spec.measure is not None else {}
    prepared = [one.prepared for one in members]
    rejected = {i for i, p in enumerate(prepared) if any(r.errors for r in p.originals)}
    todo = list(range(len(members)))
    used = _inputs(base, members, rejected, todo)  # the input each file's findings came from
    found: list[list[Failure]] = [[] for _ in members]
    for _ in range(ROUNDS):
        given = _inputs(base, members, rejected, todo) if todo != list(used) else used
        items = [(given[i].frame, given[i].parameters, members[i].name) for i in todo]
        for i, failures in zip(todo, intake.validator.validate_many(dataset, items), strict=True):
            found[i], used[i] = failures, given[i]
        now = {i for i, p in enumerate(prepared) if _rejects(p, found[i])}
        if now == rejected:
            break
        rejected = now
        previous = _previous(base, members, rejected)
        todo = [i for i in range(len(members)) if previous[i] != used[i].previous]
        if not todo:
            break
    for index, one in enumerate(members):
        one.checked = (used[index], found[index])


def conclude_ahead(intake: Intake, one: Ahead) -> Outcome:
    """The file's decision from what was found ahead, validated again on its own when last
    year's values it was checked against are not those of the history now."""
    prepared = one.prepared
    if isinstance(prepared, Outcome):
        return prepared
    if one.checked is None:
        return conclude(prepared)
    given, failures = one.checked
    if prepared.spec.measure is not None:
        history = intake.history(prepared.dataset)
        now = frames.previous_value(prepared.spec, prepared.originals, history)
        if now != given.previous:
            given = build_input(prepared.spec, prepared.originals, prepared.ctx, history)
            failures = intake.validator.validate(
                prepared.dataset, given.frame, given.parameters, one.name
            )
    return conclude(prepared, (given, failures))
