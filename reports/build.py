"""Build every report from the published marts into one folder."""

from __future__ import annotations

from pathlib import Path

import reports.monitoring.data as md
from orchestration.settings import paths
from reports.data import open_marts
from reports.editions import Edition, edition, editions
from reports.index import find_gx_index, relative_link, render_index
from reports.monitoring.page import write_edition
from reports.notices.page import write_notices
from reports.plans import find_plan, plans, years_with_data
from reports.regions.page import write_regions
from reports.steward.page import write_steward


def build_reports(
    marts_db: Path,
    out_dir: Path,
    *,
    gx_dir: Path | None = None,
    dbt_docs_dir: Path | None = None,
) -> list[Path]:
    """Write, for every plan with data, its latest annual edition and (once their years have
    data) its mid-term and final ones; the region views; the steward review; the department
    notices; and index.html."""
    out_dir.mkdir(parents=True, exist_ok=True)
    gx_index = find_gx_index(gx_dir or paths().gx)
    dbt_index = (dbt_docs_dir or paths().dbt_docs) / "index.html"
    written: list[Path] = []
    with open_marts(marts_db) as marts:
        chosen: list[Edition] = []
        for plan in plans(marts):
            chosen += editions(plan, years_with_data(marts, plan))
        refreshed = md.provenance(marts).get("refreshed_at", "—")
        for one in chosen:
            written += write_edition(marts, one, out_dir)
        synthetic = marts.synthetic_files
        regions = write_regions(marts, out_dir, refreshed, synthetic)
        written += [path for _, path in regions]
        written += write_steward(marts, out_dir, relative_link(gx_index, out_dir), refreshed)
        notices = write_notices(marts, out_dir, refreshed)
        written += notices
    notices_index = out_dir / "notices" / "index.html"
    others = {
        "dbt 数据文档 · dbt docs (tables, columns, lineage)": dbt_index,
        "Great Expectations 数据文档 · GX Data Docs (validation results)": gx_index,
    }
    index = out_dir / "index.html"
    index.write_text(
        render_index(
            chosen,
            regions,
            out_dir,
            others,
            refreshed,
            notices_index if notices else None,
            synthetic,
        ),
        encoding="utf-8",
    )
    return [*written, index]


def build_edition(
    marts_db: Path, out_dir: Path, plan_id: str, year: int, kind: str, region: str | None = None
) -> list[Path]:
    """Write one edition of one plan (planwatch report); an error names what does not fit."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with open_marts(marts_db) as marts:
        plan = find_plan(marts, plan_id)
        if region is not None and region != plan.region_code:
            raise ValueError(
                f"规划 {plan_id} 是区划 {plan.region_code}（{plan.region_name_zh}）的规划，"
                f"不是 {region} 的 · plan {plan_id} is the plan of region {plan.region_code}, "
                f"not of {region}"
            )
        return write_edition(marts, edition(plan, year, kind), out_dir)
