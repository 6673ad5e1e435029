"""The skip rule: a refresh with nothing new since the published version does not rebuild."""

from __future__ import annotations

from orchestration.refresh.fingerprint import input_fingerprint, published_fingerprint
from orchestration.settings import Paths

NOTHING_NEW = "nothing new since the published version: rebuild skipped"


def nothing_new(where: Paths) -> bool:
    """True when the published file was built from what the build database and code hold now."""
    return published_fingerprint(where.marts_db) == input_fingerprint(where.build_db)
