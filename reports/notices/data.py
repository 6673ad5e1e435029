"""The frames of the department notices, read from the published marts."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from reports.data import Marts

NEEDED = [
    "dim_department",
    "dim_dataset",
    "submission_log",
    "quarantine",
    "rpt_submission_completeness",
]
DEPARTMENTS_SQL = """
select department_code, name_zh, name_en from dim_department order by department_code
"""
# A rejection still to fix: no file of the same department and dataset was accepted after it.
REJECTED_SQL = """
with accepted as (
    select department_code, dataset, max(received_at) as last_accepted_at
    from submission_log
    where status = 'accepted'
    group by all
)

select log.department_code, log.submission_id, log.file_name, log.received_at, log.reasons,
    coalesce(dataset.dataset_name_zh, '未识别的数据') as dataset_name_zh,
    coalesce(dataset.dataset_name_en, 'unrecognised') as dataset_name_en
from submission_log as log
left join accepted using (department_code, dataset)
left join dim_dataset as dataset using (dataset)
where log.status = 'rejected'
    and (accepted.last_accepted_at is null or log.received_at > accepted.last_accepted_at)
order by log.department_code, log.received_at desc, log.submission_id
"""
ERRORS_SQL = """
select submission_id, sheet, excel_row, column_name, reason_zh, reason_en
from quarantine
order by submission_id, sheet, excel_row, column_name
"""
OWED_SQL = """
select completeness.department_code, completeness.period_label, completeness.period_start,
    completeness.due_date, completeness.expected_items, completeness.accepted_items,
    completeness.missing_items, completeness.days_overdue,
    coalesce(dataset.dataset_name_zh, completeness.dataset) as dataset_name_zh,
    dataset.dataset_name_en
from rpt_submission_completeness as completeness
left join dim_dataset as dataset using (dataset)
where completeness.is_due and completeness.missing_items > 0
order by completeness.department_code, completeness.days_overdue desc,
    dataset.dataset_sort_order, completeness.period_start
"""


@dataclass
class NoticeData:
    """Every department, its unfixed rejections with their errors, and the items it owes."""

    departments: pd.DataFrame
    rejected: pd.DataFrame
    errors: pd.DataFrame
    owed: pd.DataFrame

    def of(self, department_code: str) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
        """One department's rejections, their quarantined errors, and the periods it owes."""
        rejected = self.rejected[self.rejected["department_code"] == department_code]
        errors = self.errors[self.errors["submission_id"].isin(rejected["submission_id"])]
        owed = self.owed[self.owed["department_code"] == department_code]
        return rejected, errors, owed


def load(marts: Marts) -> NoticeData | None:
    """The notice frames, or None when a table they need is not published."""
    if not marts.has(*NEEDED):
        return None
    return NoticeData(
        departments=marts.frame(DEPARTMENTS_SQL),
        rejected=marts.frame(REJECTED_SQL),
        errors=marts.frame(ERRORS_SQL),
        owed=marts.frame(OWED_SQL),
    )
