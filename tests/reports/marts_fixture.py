"""A published-marts file for report tests: real plan dims from the seeds, small synthetic facts.

The dims are built from the dbt seed CSVs with the column names of the marts; the facts
carry the columns of the fact marts (dbt_project/models/marts) so that a renamed column
breaks these tests. Submitted text includes formula and HTML injection attempts.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import duckdb
import fixture_facts as facts
import fixture_submissions
import pandas as pd

from orchestration.settings import SEEDS_DIR

PLAN = SEEDS_DIR / "plan"

DIMS_SQL = {
    "dim_indicator": f"""
        select i.indicator_code, i.seq as indicator_seq, i.category_zh, i.category_en, i.name_zh,
            i.name_zh_published, i.name_en, i.unit, i.baseline_2020 as baseline_value,
            i.target_2025 as target_value, i.published_change, i.attribute_zh, i.attribute_en,
            i.is_binding, i.baseline_status, i.target_status, s.direction, s.path_type,
            s.change_kind, s.target_annual_rate, s.rationale as semantics_rationale,
            i.department_code, i.source_line
        from read_csv('{PLAN}/indicators.csv', header = true, all_varchar = false) as i
        left join read_csv('{PLAN}/indicator_semantics.csv', header = true) as s
            using (indicator_code)""",
    "dim_project_box": f"""
        select box_no, title_zh as box_title_zh, title_en as box_title_en, section_id,
            department_code, project_count, source_line, note
        from read_csv('{PLAN}/project_boxes.csv', header = true)""",
    "dim_project": f"""
        select p.project_code, p.box_no, b.title_zh as box_title_zh, b.title_en as box_title_en,
            p.seq_in_box, p.name_zh, p.name_en, p.item_count, p.is_truncated, b.department_code
        from read_csv('{PLAN}/projects.csv', header = true) as p
        join read_csv('{PLAN}/project_boxes.csv', header = true) as b using (box_no)""",
    "dim_sector": f"""
        select s.sector_code, s.name_zh, s.name_en, s.sector_group,
            o.target_value as output_target_2025, o.unit as output_target_unit,
            o.comparison as output_target_comparison, e.target_value as enterprises_target_2025,
            s.department_code
        from read_csv('{PLAN}/sectors.csv', header = true) as s
        left join (select * from read_csv('{PLAN}/sector_targets.csv', header = true)
                   where metric = 'output_value') as o using (sector_code)
        left join (select * from read_csv('{PLAN}/sector_targets.csv', header = true)
                   where metric = 'enterprises') as e using (sector_code)""",
    "dim_department": f"""
        select department_code, name_zh, name_en, is_assumed
        from read_csv('{PLAN}/departments.csv', header = true)""",
    "dim_region": f"""
        select cast(region_code as varchar) as region_code, name_zh, name_en,
            level as region_level, cast(parent_code as varchar) as parent_region_code, is_default
        from read_csv('{PLAN}/regions.csv', header = true)""",
}


def build_marts(path: Path, *, latest_year: int = 2024) -> Path:
    """Write a marts file like the published one to `path` and return it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(path)) as con:
        for name, sql in DIMS_SQL.items():
            con.execute(f"create table {name} as {sql}")
        indicators = con.execute("select * from dim_indicator order by indicator_seq").df()
        projects = con.execute("select project_code, box_no from dim_project").df()
        sectors = con.execute("select * from dim_sector").df()
        tables: dict[str, pd.DataFrame] = {
            "fct_indicator_value": facts.indicator_values(indicators, latest_year),
            "fct_project_progress": facts.project_progress(projects, latest_year),
            "fct_sector_output": facts.sector_output(sectors, latest_year),
            **fixture_submissions.submissions(),
            "validation_result": fixture_submissions.validation_results(),
        }
        progress = facts.indicator_progress(indicators, tables["fct_indicator_value"], latest_year)
        boxes = con.execute("select * from dim_project_box").df()
        tables["fct_indicator_progress"] = progress
        tables["rpt_plan_scorecard"] = facts.plan_scorecard(progress, indicators)
        tables["rpt_project_box_summary"] = facts.box_summary(boxes, tables["fct_project_progress"])
        for name, frame in tables.items():
            con.register("incoming", frame)
            con.execute(f"create table {name} as select * from incoming")
            con.unregister("incoming")
        con.execute(
            "create table refresh_provenance "
            "(refreshed_at timestamptz, item varchar, value varchar)"
        )
        con.execute(
            "insert into refresh_provenance values (?, 'git_commit', 'abc123'), "
            '(?, \'submissions\', \'{"by_status": {"accepted": 5, "rejected": 2}}\')',
            [datetime(2025, 3, 1, 2, 0), datetime(2025, 3, 1, 2, 0)],
        )
    return path
