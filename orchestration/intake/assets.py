"""The intake as a Dagster multi-asset: the six raw tables that department submissions feed."""

from collections.abc import Iterator

import dagster as dg

from orchestration.intake.run import run_intake

DESCRIPTIONS = {
    "submission_log": "One row per file event in the drop folder: accepted, rejected or duplicate, with counts and reasons.",  # noqa: E501
    "quarantine": "Every row of a submitted file that was not loaded, with the rule it broke and its original cells.",  # noqa: E501
    "submission_warning": "Findings that did not block a file (ignored columns, sharp changes) for the data steward.",  # noqa: E501
    "indicator_values": "Indicator values from accepted submissions, in the catalogue unit, every revision kept.",  # noqa: E501
    "project_progress": "Monthly or quarterly major-project progress from accepted submissions, investments in 万元.",  # noqa: E501
    "sector_output": "Annual industry sector output (亿元) and enterprise counts from accepted submissions.",  # noqa: E501
}


@dg.multi_asset(
    name="intake",
    group_name="intake",
    specs=[dg.AssetSpec(dg.AssetKey(["raw", t]), description=d) for t, d in DESCRIPTIONS.items()],
)
def intake(context: dg.AssetExecutionContext) -> Iterator[dg.MaterializeResult]:
    """Archive, validate and load every new file in the drop folder into the raw schema."""
    summary = run_intake()
    files = {f"files_{k}": dg.MetadataValue.int(v) for k, v in sorted(summary.files.items())}
    context.log.info(f"intake: {dict(summary.files)}")
    for table in DESCRIPTIONS:
        metadata = {"rows_added": dg.MetadataValue.int(summary.rows.get(table, 0))}
        if table == "submission_log":
            metadata |= files
        yield dg.MaterializeResult(asset_key=dg.AssetKey(["raw", table]), metadata=metadata)


intake_assets = [intake]
