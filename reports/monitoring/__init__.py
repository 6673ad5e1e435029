"""The monitoring report (annual, mid-term and final editions): HTML page and xlsx workbook."""

from reports.monitoring.page import write_edition

__all__ = ["write_edition"]
