"""Audit before publish: Great Expectations suites over the built marts as blocking checks.

Suites are `expectations/suites/marts.<model>.json` (see `suites`); each runs on its mart
read from build.duckdb into pandas, as one batch. Results are appended to
audit.validation_result in build.duckdb (`store`) and rendered as GX Data Docs under
warehouse/gx/data_docs (`validate`); `checks` turns each suite into a blocking check.
"""

from orchestration.audit.checks import audit_checks
from orchestration.audit.store import AUDIT_SCHEMA, VALIDATION_RESULT

__all__ = ["AUDIT_SCHEMA", "VALIDATION_RESULT", "audit_checks"]
