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
from typing import TYPE_CHECKING

from orchestration.intake import archive, frames
from orchestration.intake.process import Outcome, Prepared, SuiteInput, conclude, prepare
from orchestration.intake.process import suite_input as build_input
from orchestration.intake.validate import Failure

if TYPE_CHECKING:
    from orchestration.intake.run import Intake
    from orchestration.landing.events import Arrival

log = logging.getLogger(__name__)

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


def _validate(intake: Intake, dataset: str, members: list[Ahead]) -> None:
    first = members[0].prepared
    assert isinstance(first, Prepared)
    measured = first.spec.measure is not None
    history = dict(intake.history(dataset)) if measured else {}
    inputs = []
    for one in members:
        prepared = one.prepared
        assert isinstance(prepared, Prepared)
        inputs.append(build_input(prepared.spec, prepared.originals, prepared.ctx, history))
        if measured and not any(record.errors for record in prepared.originals):
            _overlay(history, prepared)
    items = [
        (given.frame, given.parameters, one.name)
        for given, one in zip(inputs, members, strict=True)
    ]
    found = intake.validator.validate_many(dataset, items)
    for one, given, failures in zip(members, inputs, found, strict=True):
        one.checked = (given, failures)


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
