"""Projects by box (专栏) and sectors against their 2025 targets, as of an evaluation year."""

from __future__ import annotations

import pandas as pd

from reports.data import Marts

PROJECT_STATUSES: list[tuple[str, str, str]] = [
    ("planning", "前期", "Planning"),
    ("not_started", "未开工", "Not started"),
    ("under_construction", "在建", "Under way"),
    ("completed", "已竣工", "Completed"),
    ("suspended", "停工缓建", "Suspended"),
]


def box_summary(marts: Marts, year: int) -> pd.DataFrame:
    """Per box: projects listed, reported and by status, and investment, as last reported."""
    counts = ",\n".join(
        f"count(*) filter (where latest.project_status_code = '{code}') as n_{code}"
        for code, _, _ in PROJECT_STATUSES
    )
    if not marts.has("dim_project_box", "dim_project", "fct_project_progress"):
        return pd.DataFrame()
    latest = (
        "select * from fct_project_progress where report_month <= make_date(?, 12, 31) "
        "qualify row_number() over (partition by project_code order by report_month desc) = 1"
    )
    return marts.frame(
        f"""
        with latest as ({latest})
        select
            box.box_no, box.box_title_zh, box.box_title_en,
            count(project.project_code) as projects_listed,
            count(latest.project_code) as projects_reported,
            {counts},
            count(latest.project_code) filter (where latest.is_stalled) as n_stalled,
            sum(latest.total_investment)::double as total_investment,
            sum(latest.cumulative_investment)::double as cumulative_investment
        from dim_project_box as box
        left join dim_project as project on project.box_no = box.box_no
        left join latest on latest.project_code = project.project_code
        group by all
        order by box.box_no
        """,
        [year],
    )


def sector_summary(marts: Marts, region_code: str, year: int) -> pd.DataFrame:
    """Per sector: its 2025 output target and the latest output up to `year` with its status."""
    if not marts.has("dim_sector", "fct_sector_output"):
        return pd.DataFrame()
    latest = (
        "select * from fct_sector_output where region_code = ? and year <= ? "
        "and output_value is not null "
        "qualify row_number() over (partition by sector_code order by year desc) = 1"
    )
    return marts.frame(
        f"""
        with latest as ({latest})
        select
            sector.sector_code, sector.name_zh, sector.name_en, sector.sector_group,
            sector.output_target_2025::double as output_target_2025, sector.output_target_unit,
            sector.output_target_comparison, sector.enterprises_target_2025,
            latest.year as latest_year, latest.output_value::double as output_value,
            latest.enterprises, latest.expected_value::double as expected_value,
            latest.share_of_planned_change_achieved::double as share_achieved,
            coalesce(latest.status_code, 'no_data') as status_code,
            latest.status_zh, latest.status_en
        from dim_sector as sector
        left join latest on latest.sector_code = sector.sector_code
        order by sector.output_target_2025 is null, sector.sector_group, sector.sector_code
        """,
        [region_code, year],
    )
