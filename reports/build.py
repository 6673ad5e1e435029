"""Build every report from the published marts into one folder."""

from __future__ import annotations

from pathlib import Path

import reports.monitoring.data as md
from orchestration.settings import paths
from reports.data import open_marts
from reports.editions import editions
from reports.index import find_gx_index, relative_link, render_index
from reports.monitoring.page import write_edition
from reports.notices.page import write_notices
from reports.steward.page import write_steward


def build_reports(
    marts_db: Path,
    out_dir: Path,
    evaluation_year: int | None = None,
    *,
    gx_dir: Path | None = None,
    dbt_docs_dir: Path | None = None,
) -> list[Path]:
    """Write the monitoring editions, steward review, department notices and index.html."""
    out_dir.mkdir(parents=True, exist_ok=True)
    gx_index = find_gx_index(gx_dir or paths().gx)
    dbt_index = (dbt_docs_dir or paths().dbt_docs) / "index.html"
    written: list[Path] = []
    with open_marts(marts_db) as marts:
        region = md.default_region(marts)["region_code"]
        chosen = editions(md.years_with_data(marts, region), evaluation_year)
        refreshed = md.provenance(marts).get("refreshed_at", "—")
        for edition in chosen:
            written += write_edition(marts, edition, out_dir)
        written += write_steward(marts, out_dir, relative_link(gx_index, out_dir), refreshed)
        notices = write_notices(marts, out_dir, refreshed)
        written += notices
        synthetic = marts.synthetic_files()
    notices_index = out_dir / "notices" / "index.html"
    others = {
        "dbt 数据文档 · dbt docs (tables, columns, lineage)": dbt_index,
        "Great Expectations 数据文档 · GX Data Docs (validation results)": gx_index,
    }
    index = out_dir / "index.html"
    index.write_text(
        render_index(
            chosen, out_dir, others, refreshed, notices_index if notices else None, synthetic
        ),
        encoding="utf-8",
    )
    return [*written, index]
