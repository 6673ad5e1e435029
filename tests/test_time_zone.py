"""The warehouse's time zone is settings.TIMEZONE; dbt's fallbacks for a bare `dbt` run (the
profile's TimeZone, on the DuckDB and the Spark target, and the zoned_time macro) must name
the same zone."""

from __future__ import annotations

import os
import re

import pytest

from orchestration.settings import (
    DBT_PROJECT_DIR,
    TIMEZONE,
    dbt_environment,
    export_dbt_environment,
    paths,
)

FALLBACK = re.compile(r"env_var\(\s*['\"]PLANWATCH_TIMEZONE['\"]\s*,\s*['\"]([^'\"]+)['\"]\s*\)")


def test_dbt_falls_back_to_the_settings_time_zone() -> None:
    files = (DBT_PROJECT_DIR / "profiles.yml", DBT_PROJECT_DIR / "macros" / "zoned_time.sql")
    found = {path.name: set(FALLBACK.findall(path.read_text(encoding="utf-8"))) for path in files}
    assert found == {"profiles.yml": {TIMEZONE}, "zoned_time.sql": {TIMEZONE}}  # each target's


def test_dbt_is_told_the_settings_time_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in dbt_environment(paths()):  # each restored afterwards
        monkeypatch.setenv(name, "unset")
    export_dbt_environment()
    assert os.environ["PLANWATCH_TIMEZONE"] == TIMEZONE
