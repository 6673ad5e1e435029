"""The steward review: what arrived, what was rejected and why, what is missing or revised."""

from reports.steward.page import write_steward

__all__ = ["write_steward"]
