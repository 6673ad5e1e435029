"""The reports asset: monitoring report, steward review and index written after every publish."""

from orchestration.reports.assets import monitoring_reports

report_assets = [monitoring_reports]

__all__ = ["monitoring_reports", "report_assets"]
