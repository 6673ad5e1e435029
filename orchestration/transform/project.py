"""The dbt project handle and its manifest preparation (run before definitions load)."""

from __future__ import annotations

import sys
from pathlib import Path

from dagster_dbt import DbtCliResource, DbtProject

from orchestration.settings import dbt_project_dir, export_dbt_environment

# The project the Dagster dbt assets build (their manifest and project dir): the copy
# PLANWATCH_DBT_PROJECT names when the process starts with it set, else dbt_project/.
dbt_project = DbtProject(project_dir=dbt_project_dir(), profiles_dir=dbt_project_dir())


def dbt_resource() -> DbtCliResource:
    """The dbt CLI resource bound to this project, or to the copy PLANWATCH_DBT_PROJECT names."""
    dbt_executable = str(Path(sys.executable).parent / "dbt")
    project_dir = dbt_project_dir()
    if project_dir == Path(dbt_project.project_dir).resolve():
        return DbtCliResource(project_dir=dbt_project, dbt_executable=dbt_executable)
    return DbtCliResource(
        project_dir=str(project_dir), profiles_dir=str(project_dir), dbt_executable=dbt_executable
    )


def prepare_manifest() -> None:
    """Parse the dbt project into target/manifest.json; a build step, never done at import."""
    export_dbt_environment()
    dbt_resource().cli(["parse", "--quiet"], target_path=dbt_project.target_path).wait()
