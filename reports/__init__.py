"""Reports built with pandas from the published marts: monitoring report, steward review, index."""

from reports.build import build_reports

__all__ = ["build_reports"]
