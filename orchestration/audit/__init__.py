"""Audit before publish: Great Expectations suites over the built marts as blocking checks.

A suite is `expectations/suites/marts.<model>.json`, plain GX suite JSON; adding a file
adds a check named gx_marts_<model> on that mart (`checks`). Its `meta.planwatch` holds
`parameters` (SQL over build.duckdb bound to `$PARAMETER`, so expected counts and key
sets come from the reference data at run time) and, rarely, a `batch_sql` for derived
columns (`suites`). Each suite runs on its mart read into pandas as one batch
(`validate`); an expectation with `"severity": "warning"` is reported but does not block.
Every result is appended to audit.validation_result in build.duckdb (`store`), with a
sample of the failing rows, and the Data Docs site is built under warehouse/gx/data_docs.
"""
