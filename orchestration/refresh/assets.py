"""The intake step of a refresh as a Dagster multi-asset: the six raw tables submissions feed.

It lives in the refresh room, not in intake, because its one decision beyond calling
intake is the refresh's: when nothing is new it yields nothing, so the rebuild, audit and
publish downstream are skipped. Intake itself stays plain logic (`run_intake`).
"""

from collections.abc import Iterator

import dagster as dg

from orchestration.intake.datasets.registry import DESCRIPTIONS
from orchestration.intake.run import run_intake
from orchestration.refresh.skip import NOTHING_NEW, nothing_new
from orchestration.settings import paths


class IntakeConfig(dg.Config):
    """Run options of the intake step."""

    force_rebuild: bool = False


@dg.multi_asset(
    name="intake",
    group_name="intake",
    specs=[
        dg.AssetSpec(dg.AssetKey(["raw", t]), description=d, skippable=True)
        for t, d in DESCRIPTIONS.items()
    ],
)
def intake(
    context: dg.AssetExecutionContext, config: IntakeConfig
) -> Iterator[dg.MaterializeResult]:
    """Archive, validate and load every new file in the drop folder into the raw schema.

    When no file event was logged and the code and reference data are those of the
    published version, nothing is yielded, so the rebuild, audit and publish are skipped.
    """
    summary = run_intake()
    files = {f"files_{k}": dg.MetadataValue.int(v) for k, v in sorted(summary.files.items())}
    context.log.info(f"intake: {dict(summary.files)}")
    if nothing_new(paths()) and not config.force_rebuild:
        context.log.info(NOTHING_NEW)
        return
    for table in DESCRIPTIONS:
        metadata = {"rows_added": dg.MetadataValue.int(summary.rows.get(table, 0))}
        if table == "submission_log":
            metadata |= files
        yield dg.MaterializeResult(asset_key=dg.AssetKey(["raw", table]), metadata=metadata)


intake_assets = [intake]
