"""The reports, rebuilt from the published marts at the end of every refresh."""

import dagster as dg

from orchestration.refresh.outputs import record_report_files
from orchestration.refresh.progress import progress
from orchestration.settings import paths
from reports import build_reports


@dg.asset(group_name="reports", deps=[dg.AssetKey("marts_duckdb")], key="monitoring_reports")
def monitoring_reports(context: dg.AssetExecutionContext) -> dg.MaterializeResult:
    """The monitoring report (HTML + xlsx), steward review and index in warehouse/reports/."""
    where = paths()
    files = build_reports(where.marts_db, where.reports)
    record_report_files(where.reports, files)
    context.log.info(f"wrote {len(files)} report files to {where.reports}")
    progress("reports", f"{len(files)} report files written to {where.reports}")
    return dg.MaterializeResult(
        metadata={
            "index": dg.MetadataValue.path(str(where.reports / "index.html")),
            "files": dg.MetadataValue.json(
                [path.relative_to(where.reports).as_posix() for path in files]
            ),
        }
    )
