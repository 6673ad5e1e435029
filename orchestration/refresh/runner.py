"""Run a refresh in this process: the refresh job, then the reports if they are stale."""

from __future__ import annotations

from typing import Any

import dagster as dg

from orchestration.refresh.outputs import stale
from orchestration.refresh.result import RefreshResult

# Everything Dagster logs, for the log file (the terminal shows only progress lines).
LOGS = {"loggers": {"console": {"config": {"log_level": "DEBUG"}}}}


def _decision(result: dg.ExecuteInProcessResult) -> dict[str, Any]:
    """What the intake step decided (its observation of raw/submission_log)."""
    for event in result.all_events:
        if event.event_type == dg.DagsterEventType.ASSET_OBSERVATION:
            metadata = event.asset_observation_data.asset_observation.metadata
            if "decision" in metadata:
                return {key: value.value for key, value in metadata.items()}
    return {}


def _execute(
    job_name: str,
    instance: dg.DagsterInstance,
    run_config: dict[str, Any],
    run_id: str | None = None,
) -> dg.ExecuteInProcessResult:
    from orchestration.definitions import defs

    job = defs.resolve_job_def(job_name)
    return job.execute_in_process(
        instance=instance, raise_on_error=False, run_config=run_config, run_id=run_id
    )


def run_refresh(*, force: bool = False, run_id: str | None = None) -> RefreshResult:
    """Execute `refresh_job` here; `force` rebuilds even when nothing is new.

    When it succeeded but reports or dbt docs are older than the published marts (the
    rebuild was skipped after a refresh that died before writing them), `reports_job`
    re-writes them in the same process.
    """
    config = {**LOGS, "ops": {"intake": {"config": {"force_rebuild": force}}}}
    with dg.DagsterInstance.get() as instance:
        result = _execute("refresh_job", instance, config, run_id)
        events = result.all_events
        decision = _decision(result)
        outcome = RefreshResult(
            success=result.success,
            run_id=result.run_id,
            failed_steps=[e.step_key for e in events if e.is_step_failure],
            skipped_steps=[e.step_key for e in events if e.is_step_skipped],
            decision=decision.get("decision"),
            rebuilt=bool(decision.get("rebuild")),
            new_submissions=list(decision.get("new_submissions") or []),
        )
        behind = stale() if result.success else []
        if behind:
            reports = _execute("reports_job", instance, LOGS)
            outcome.success = reports.success
            outcome.failed_steps += [e.step_key for e in reports.all_events if e.is_step_failure]
            outcome.rewritten = behind if reports.success else []
    return outcome
