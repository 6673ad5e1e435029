"""The intake step of a refresh as a Dagster multi-asset: the raw tables intake feeds.

It lives in the refresh room, not in intake, because its decisions beyond calling intake
are the refresh's: a damaged build database is set aside first (intake rebuilds it), and
when nothing is new it yields nothing, so the rebuild, audit and publish downstream are
skipped. Intake itself stays plain logic (`run_intake`).
"""

from collections.abc import Iterator
from pathlib import Path

import dagster as dg
import duckdb

from orchestration.intake.cache import set_aside
from orchestration.intake.datasets.registry import DESCRIPTIONS
from orchestration.intake.run import run_intake
from orchestration.refresh.progress import progress
from orchestration.refresh.resources import REFRESH_LOCK
from orchestration.refresh.skip import build_db_problem, decide
from orchestration.settings import paths
from orchestration.sql import has_table

SUBMISSION_LOG = dg.AssetKey(["raw", "submission_log"])


class IntakeConfig(dg.Config):
    """Run options of the intake step."""

    force_rebuild: bool = False


def submission_ids(build_db: Path) -> set[str]:
    """Every submission id logged in the build database (none when there is no database)."""
    if not build_db.exists():
        return set()
    with duckdb.connect(str(build_db), read_only=True) as con:
        if not has_table(con, "raw", "submission_log"):
            return set()
        return {
            row[0] for row in con.execute("select submission_id from raw.submission_log").fetchall()
        }


@dg.multi_asset(
    name="intake",
    group_name="intake",
    specs=[
        dg.AssetSpec(dg.AssetKey(["raw", t]), description=d, skippable=True)
        for t, d in DESCRIPTIONS.items()
    ],
    required_resource_keys={REFRESH_LOCK},
)
def intake(
    context: dg.AssetExecutionContext, config: IntakeConfig
) -> Iterator[dg.MaterializeResult]:
    """Archive, validate and load every new file in the drop folder into the raw schema.

    When no file event was logged and the code and reference data are those of the
    published version, nothing is yielded, so the rebuild, audit and publish are skipped;
    never when the raw layer was rebuilt from the landing archive.
    """
    where = paths()
    problem = build_db_problem(where)
    if problem and where.build_db.exists():
        aside = set_aside(where.build_db)
        context.log.warning(f"{problem}: set aside as {aside.name}; rebuilding it")
    before = submission_ids(where.build_db)
    progress("intake", f"reading the drop folder {where.raw}")
    summary = run_intake()
    if summary.rebuilt:
        context.log.warning(f"raw layer rebuilt from the landing archive: {summary.rebuilt}")
    new = sorted(submission_ids(where.build_db) - before)
    problem = problem or summary.rebuilt
    decision = decide(where, force=config.force_rebuild, problem=problem)
    outcomes = ", ".join(f"{n} {k}" for k, n in sorted(summary.files.items()) if k != "seen")
    progress("intake", f"{summary.files['seen']} files seen: {outcomes or 'nothing new'}")
    progress("intake", decision.reason)
    context.log_event(
        dg.AssetObservation(
            asset_key=SUBMISSION_LOG,
            metadata={
                "decision": decision.reason,
                "rebuild": decision.rebuild,
                "new_submissions": dg.MetadataValue.json(new),
            },
        )
    )
    if not decision.rebuild:
        return
    files = {f"files_{k}": dg.MetadataValue.int(v) for k, v in sorted(summary.files.items())}
    for table in DESCRIPTIONS:
        metadata = {"rows_added": dg.MetadataValue.int(summary.rows.get(table, 0))}
        if table == "submission_log":
            metadata |= files
        yield dg.MaterializeResult(asset_key=dg.AssetKey(["raw", table]), metadata=metadata)


intake_assets = [intake]
