"""The frames of the steward review, read from the published marts."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from reports.data import Marts

SUBMISSIONS_SQL = """
select log.* replace (coalesce(log.department_name_zh, log.department_code) as department_name_zh),
    strftime(log.received_at, '%Y-%m') as period,
    coalesce(dataset.dataset_name_zh, '未识别') as dataset_name_zh,
    coalesce(dataset.dataset_name_en, 'unrecognised') as dataset_name_en,
    outcome.status_zh, outcome.status_en, outcome.status_colour
from submission_log as log
left join dim_dataset as dataset using (dataset)
left join dim_submission_status as outcome using (status)
order by log.received_at desc, log.submission_id
"""
QUARANTINE_SQL = """
select * from quarantine order by submission_id, sheet, excel_row, column_name
"""
WARNINGS_SQL = """
select warning.*,
    coalesce(department.name_zh, warning.department_code) as department_name_zh,
    department.name_en as department_name_en
from submission_warning as warning
left join dim_department as department using (department_code)
where warning.rule <> 'synthetic_sample'
order by warning.received_at desc, warning.sheet, warning.excel_row
"""
COMPLETENESS_SQL = """
select completeness.*,
    coalesce(department.name_zh, completeness.department_code) as department_name_zh,
    department.name_en as department_name_en,
    coalesce(dataset.dataset_name_zh, completeness.dataset) as dataset_name_zh,
    dataset.dataset_name_en
from rpt_submission_completeness as completeness
left join dim_department as department using (department_code)
left join dim_dataset as dataset using (dataset)
order by completeness.is_overdue desc, completeness.days_overdue desc,
    completeness.department_code, completeness.dataset, completeness.period_start
"""
REVISIONS_SQL = """
with ordered as (
    select *,
        lag(submission_id) over (
            partition by indicator_code, region_code, year order by revision_no
        ) as old_submission_id
    from fct_indicator_value
)
select indicator_code, indicator_name_zh, indicator_name_en, unit, region_code, year,
    revision_no, previous_revision_value, value, old_submission_id, submission_id, received_at,
    is_current
from ordered
where revision_no > 1
order by received_at desc, indicator_code, year
"""
ACTIONS_SQL = """
select action.*,
    coalesce(department.name_zh, action.department_code) as department_name_zh,
    department.name_en as department_name_en,
    coalesce(dataset.dataset_name_zh, action.dataset) as dataset_name_zh,
    dataset.dataset_name_en,
    result.status_zh as result_status_zh,
    result.status_en as result_status_en
from steward_action as action
left join dim_department as department using (department_code)
left join dim_dataset as dataset using (dataset)
left join dim_submission_status as result on action.result_status = result.status
order by action.acted_at desc, action.action_id
"""
VALIDATION_SQL = """
select * from validation_result
where run_id = (select arg_max(run_id, validated_at) from validation_result)
order by success, suite, expectation_type, column_name
"""


@dataclass
class StewardData:
    """Everything the steward review shows."""

    submissions: pd.DataFrame
    quarantine: pd.DataFrame
    warnings: pd.DataFrame
    completeness: pd.DataFrame
    revisions: pd.DataFrame
    actions: pd.DataFrame
    validation: pd.DataFrame
    outcomes: pd.DataFrame
    labels: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    synthetic_files: int = 0


def _read(marts: Marts, sql: str, *tables: str) -> pd.DataFrame:
    return marts.frame(sql) if marts.has(*tables) else pd.DataFrame()


def load(marts: Marts) -> StewardData:
    """Every frame of the steward review; a table not yet published gives an empty frame."""
    needed = [
        "submission_log",
        "quarantine",
        "submission_warning",
        "rpt_submission_completeness",
        "fct_indicator_value",
        "steward_action",
        "validation_result",
        "dim_department",
        "dim_dataset",
        "dim_submission_status",
    ]
    return StewardData(
        submissions=_read(
            marts, SUBMISSIONS_SQL, "submission_log", "dim_dataset", "dim_submission_status"
        ),
        quarantine=_read(marts, QUARANTINE_SQL, "quarantine"),
        warnings=_read(marts, WARNINGS_SQL, "submission_warning", "dim_department"),
        completeness=_read(
            marts, COMPLETENESS_SQL, "rpt_submission_completeness", "dim_department", "dim_dataset"
        ),
        revisions=_read(marts, REVISIONS_SQL, "fct_indicator_value"),
        actions=_read(
            marts,
            ACTIONS_SQL,
            "steward_action",
            "dim_department",
            "dim_dataset",
            "dim_submission_status",
        ),
        validation=_read(marts, VALIDATION_SQL, "validation_result"),
        outcomes=_read(
            marts,
            "select * from dim_submission_status order by status_sort_order",
            "dim_submission_status",
        ),
        labels={table: marts.labels(table) for table in needed},
        missing=[t for t in needed if not marts.has(t)],
        synthetic_files=marts.synthetic_files,
    )
