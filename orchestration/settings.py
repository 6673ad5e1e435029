"""Every path and setting of planwatch, read once from the environment.

This is the only module that knows where things live; everything else imports from here.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT: Path = Path(os.environ.get("PLANWATCH_REPO", Path(__file__).resolve().parent.parent))

RAW_DIR: Path = Path(os.environ.get("PLANWATCH_RAW", REPO_ROOT / "raw"))
TEMPLATES_DIR: Path = RAW_DIR / "templates"
SAMPLES_DIR: Path = RAW_DIR / "samples"
PLAN_TEXT: Path = RAW_DIR / "plan" / "meihekou-14th-five-year-plan.txt"

DBT_PROJECT_DIR: Path = REPO_ROOT / "dbt_project"
SEEDS_DIR: Path = DBT_PROJECT_DIR / "seeds"
EXPECTATIONS_DIR: Path = REPO_ROOT / "expectations"

WAREHOUSE_DIR: Path = Path(os.environ.get("PLANWATCH_HOME", REPO_ROOT / "warehouse"))
BUILD_DB: Path = WAREHOUSE_DIR / "build.duckdb"
MARTS_DB: Path = WAREHOUSE_DIR / "marts.duckdb"
LANDING_DIR: Path = WAREHOUSE_DIR / "landing"
REPORTS_DIR: Path = WAREHOUSE_DIR / "reports"
DAGSTER_HOME: Path = WAREHOUSE_DIR / "dagster"
GX_DIR: Path = WAREHOUSE_DIR / "gx"
DBT_TARGET_DIR: Path = WAREHOUSE_DIR / "dbt_target"

PLAN_START_YEAR: int = 2021
PLAN_END_YEAR: int = 2025
BASELINE_YEAR: int = 2020
DEFAULT_REGION: str = os.environ.get("PLANWATCH_REGION", "220581")
TIMEZONE: str = "Asia/Shanghai"
