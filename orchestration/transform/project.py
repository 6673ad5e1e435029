"""The dbt project handle and its manifest preparation (run before definitions load)."""

from __future__ import annotations

import sys
from pathlib import Path

from dagster_dbt import DbtCliResource, DbtProject

from orchestration.settings import DBT_PROJECT_DIR, export_dbt_environment

dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)


def dbt_resource() -> DbtCliResource:
    """The dbt CLI resource bound to this project."""
    dbt_executable = Path(sys.executable).parent / "dbt"
    return DbtCliResource(project_dir=dbt_project, dbt_executable=str(dbt_executable))


def prepare_manifest() -> None:
    """Parse the dbt project into target/manifest.json; a build step, never done at import."""
    export_dbt_environment()
    dbt_resource().cli(["parse", "--quiet"], target_path=dbt_project.target_path).wait()
