"""Write-audit-publish: the audited marts become warehouse/marts.duckdb atomically."""
