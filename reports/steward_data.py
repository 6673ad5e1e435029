"""The frames of the steward review, read from the published marts."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from reports.data import Marts

SUBMISSIONS_SQL = """
select log.*, coalesce(department.name_zh, log.department_code) as department_zh,
    department.name_en as department_en,
    strftime(log.received_at, '%Y-%m') as period
from submission_log as log
left join dim_department as department on department.department_code = log.department_code
order by log.received_at desc, log.submission_id
"""
QUARANTINE_SQL = """
select quarantine.*, log.file_name, log.department_code
from quarantine
join submission_log as log on log.submission_id = quarantine.submission_id
order by quarantine.submission_id, quarantine.sheet, quarantine.excel_row, quarantine.column_name
"""
WARNINGS_SQL = """
select warning.*, log.file_name, log.department_code, log.received_at
from submission_warning as warning
join submission_log as log on log.submission_id = warning.submission_id
order by log.received_at desc, warning.sheet, warning.excel_row
"""
REVISIONS_SQL = """
with ordered as (
    select value.*,
        lag(value.value) over keyed as old_value,
        lag(value.submission_id) over keyed as old_submission_id
    from fct_indicator_value as value
    window keyed as (partition by indicator_code, region_code, year order by revision_no)
)
select ordered.indicator_code, indicator.name_zh, indicator.name_en, indicator.unit,
    ordered.region_code, ordered.year, ordered.revision_no, ordered.old_value,
    ordered.value as new_value, ordered.old_submission_id, ordered.submission_id,
    ordered.received_at, ordered.is_current
from ordered
left join dim_indicator as indicator on indicator.indicator_code = ordered.indicator_code
where ordered.revision_no > 1
order by ordered.received_at desc, ordered.indicator_code, ordered.year
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
    labels: dict[str, dict[str, str]] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)


def column_labels(marts: Marts, table: str) -> dict[str, str]:
    """Chinese label of each column of a mart: its description up to the dash."""
    frame = marts.frame(
        "select column_name, comment from duckdb_columns() "
        "where schema_name = 'main' and table_name = ?",
        [table],
    )
    return {
        name: str(comment).split(" — ")[0] if isinstance(comment, str) and comment else name
        for name, comment in zip(frame["column_name"], frame["comment"], strict=True)
    }


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
        submissions=_read(marts, SUBMISSIONS_SQL, "submission_log", "dim_department"),
        quarantine=_read(marts, QUARANTINE_SQL, "quarantine", "submission_log"),
        warnings=_read(marts, WARNINGS_SQL, "submission_warning", "submission_log"),
        completeness=marts.table("rpt_submission_completeness"),
        revisions=_read(marts, REVISIONS_SQL, "fct_indicator_value", "dim_indicator"),
        validation=_read(marts, VALIDATION_SQL, "validation_result"),
        labels={t: column_labels(marts, t) for t in ("rpt_submission_completeness",)},
        missing=[t for t in needed if not marts.has(t)],
    )
