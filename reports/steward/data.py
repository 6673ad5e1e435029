"""The frames of the steward review, read from the published marts."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from reports.data import Marts

SUBMISSIONS_SQL = """
select * replace (coalesce(department_name_zh, department_code) as department_name_zh),
    strftime(received_at, '%Y-%m') as period
from submission_log
order by received_at desc, submission_id
"""
QUARANTINE_SQL = """
select * from quarantine order by submission_id, sheet, excel_row, column_name
"""
WARNINGS_SQL = """
select * from submission_warning order by received_at desc, sheet, excel_row
"""
COMPLETENESS_SQL = """
select completeness.*,
    coalesce(department.name_zh, completeness.department_code) as department_name_zh,
    department.name_en as department_name_en
from rpt_submission_completeness as completeness
left join dim_department as department using (department_code)
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
    validation: pd.DataFrame
    labels: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)


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
        "validation_result",
    ]
    return StewardData(
        submissions=_read(marts, SUBMISSIONS_SQL, "submission_log"),
        quarantine=_read(marts, QUARANTINE_SQL, "quarantine"),
        warnings=_read(marts, WARNINGS_SQL, "submission_warning"),
        completeness=_read(
            marts, COMPLETENESS_SQL, "rpt_submission_completeness", "dim_department"
        ),
        revisions=_read(marts, REVISIONS_SQL, "fct_indicator_value"),
        validation=_read(marts, VALIDATION_SQL, "validation_result"),
        labels={table: marts.labels(table) for table in [*needed, "dim_department"]},
        missing=[t for t in needed if not marts.has(t)],
    )
