"""The intake as a Dagster multi-asset: the six raw tables that department submissions feed."""

from collections.abc import Iterator

import dagster as dg

from orchestration.intake.datasets.registry import DESCRIPTIONS
from orchestration.intake.run import run_intake
from orchestration.publish.fingerprint import input_fingerprint, published_fingerprint
from orchestration.settings import paths

NOTHING_NEW = "nothing new since the published version: rebuild skipped"


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
    where = paths()
    unchanged = published_fingerprint(where.marts_db) == input_fingerprint(where.build_db)
    if unchanged and not config.force_rebuild:
        context.log.info(NOTHING_NEW)
        return
    for table in DESCRIPTIONS:
        metadata = {"rows_added": dg.MetadataValue.int(summary.rows.get(table, 0))}
        if table == "submission_log":
            metadata |= files
        yield dg.MaterializeResult(asset_key=dg.AssetKey(["raw", table]), metadata=metadata)


intake_assets = [intake]
