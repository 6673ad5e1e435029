"""Every path and setting of planwatch; the only module that knows where things live.

Source-tree paths are constants. Paths of generated state (the warehouse) and of the
drop folder are read from the environment each time `paths()` is called, so a test or
a second deployment can move them with one variable: PLANWATCH_HOME (warehouse/) and
PLANWATCH_RAW (the drop folder, raw/ by default). PLANWATCH_DBT_PROJECT points dbt at a
copy of the dbt project (a test that appends reference rows to copies of the seeds).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT: Path = Path(__file__).resolve().parent.parent
DBT_PROJECT_DIR: Path = REPO_ROOT / "dbt_project"
SEEDS_DIR: Path = DBT_PROJECT_DIR / "seeds"
EXPECTATIONS_DIR: Path = REPO_ROOT / "expectations"
TEMPLATES_DIR: Path = REPO_ROOT / "raw" / "templates"
PLAN_TEXT: Path = REPO_ROOT / "raw" / "plan" / "meihekou-14th-five-year-plan.txt"
PACKAGE_DIR: Path = REPO_ROOT / "orchestration"
REPORTS_CODE_DIR: Path = REPO_ROOT / "reports"
# planwatch's templates for the GX Data Docs pages (offline: no CDN, all styles inline).
DATA_DOCS_TEMPLATES: Path = PACKAGE_DIR / "audit" / "docs_templates"

# What shapes the published marts and reports: a change to any of these files means the
# next refresh rebuilds even when no submission arrived. Intake code is left out because a
# change there only matters to files that arrive later.
BUILD_INPUTS: tuple[Path, ...] = (
    DBT_PROJECT_DIR / "models",
    DBT_PROJECT_DIR / "seeds",
    DBT_PROJECT_DIR / "macros",
    DBT_PROJECT_DIR / "tests",
    DBT_PROJECT_DIR / "dbt_project.yml",
    EXPECTATIONS_DIR,
    PACKAGE_DIR / "audit",
    PACKAGE_DIR / "publish",
    REPORTS_CODE_DIR,
)

# The schema of build.duckdb that dbt builds the marts in (dbt_project.yml, +schema).
MARTS_SCHEMA: str = "marts"

TIMEZONE: str = "Asia/Shanghai"

# The engines dbt builds on (PLANWATCH_ENGINE): DuckDB by default, Apache Spark for volume.
# Each is a target of dbt_project/profiles.yml.
ENGINES: dict[str, str] = {"duckdb": "build", "spark": "spark"}


@dataclass(frozen=True)
class Paths:
    """Locations of the drop folder and of everything generated."""

    raw: Path
    warehouse: Path

    @property
    def build_db(self) -> Path:
        return self.warehouse / "build.duckdb"

    @property
    def marts_db(self) -> Path:
        return self.warehouse / "marts.duckdb"

    @property
    def landing(self) -> Path:
        return self.warehouse / "landing"

    @property
    def ledger(self) -> Path:
        """The append-only record of arrivals, decisions and steward actions (JSON lines)."""
        return self.landing / "ledger"

    @property
    def reports(self) -> Path:
        return self.warehouse / "reports"

    @property
    def dagster_home(self) -> Path:
        return self.warehouse / "dagster"

    @property
    def gx(self) -> Path:
        return self.warehouse / "gx"

    @property
    def intake_validations(self) -> Path:
        """Where intake writes each file's GX validation result (<submission_id>.json)."""
        return self.gx / "intake_validations"

    @property
    def dbt_target(self) -> Path:
        return self.warehouse / "dbt_target"

    @property
    def dbt_docs(self) -> Path:
        return self.warehouse / "dbt_docs"

    @property
    def refresh_lock(self) -> Path:
        return self.warehouse / "refresh.lock"

    @property
    def logs(self) -> Path:
        return self.warehouse / "logs"

    @property
    def spark(self) -> Path:
        """The Spark engine's state: the raw layer as parquet, its tables and metastore."""
        return self.warehouse / "spark"

    @property
    def spark_raw(self) -> Path:
        """The raw layer as parquet (one folder per raw table), which Spark reads."""
        return self.spark / "raw"

    @property
    def spark_tables(self) -> Path:
        """Spark's warehouse folder: every table dbt builds there, as parquet."""
        return self.spark / "tables"

    @property
    def spark_metastore(self) -> Path:
        return self.spark / "metastore"


def damaged_copy(database: Path, stamp: str) -> Path:
    """Where a damaged database file is set aside: beside it, named with the time."""
    return database.with_name(f"{database.name}.damaged-{stamp}")


def paths() -> Paths:
    """The current locations, read from the environment now."""
    return Paths(
        raw=Path(os.environ.get("PLANWATCH_RAW", REPO_ROOT / "raw")).resolve(),
        warehouse=Path(os.environ.get("PLANWATCH_HOME", REPO_ROOT / "warehouse")).resolve(),
    )


def dbt_project_dir() -> Path:
    """The dbt project dbt runs: PLANWATCH_DBT_PROJECT when set, else dbt_project/."""
    return Path(os.environ.get("PLANWATCH_DBT_PROJECT", DBT_PROJECT_DIR)).resolve()


def engine() -> str:
    """The engine dbt builds on: PLANWATCH_ENGINE, duckdb unless it says spark."""
    name = os.environ.get("PLANWATCH_ENGINE", "duckdb").strip().lower() or "duckdb"
    if name not in ENGINES:
        raise ValueError(
            f"PLANWATCH_ENGINE={name!r} is not an engine planwatch builds on "
            f"(one of: {', '.join(ENGINES)})"
        )
    return name


def dbt_environment(where: Paths) -> dict[str, str]:
    """What profiles.yml reads: where the build database and Spark's folders are, and the
    zone of the raw layer's times."""
    return {
        "PLANWATCH_BUILD_DB": str(where.build_db),
        "PLANWATCH_TIMEZONE": TIMEZONE,
        "PLANWATCH_SPARK_RAW": str(where.spark_raw),
        "PLANWATCH_SPARK_WAREHOUSE": str(where.spark_tables),
        "PLANWATCH_SPARK_METASTORE": str(where.spark_metastore),
    }


def export_dbt_environment() -> None:
    """Tell dbt the current locations (dbt_environment), for this process and its children."""
    os.environ.update(dbt_environment(paths()))
