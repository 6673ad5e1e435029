"""The plan's dims built once per module by real dbt; each test audits its own copy."""

import shutil
from pathlib import Path

import pytest

from orchestration.settings import Paths


@pytest.fixture(scope="module")
def built_plan_marts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds, plan staging and plan marts built by `dbt build` into a module-wide file."""
    from orchestration.transform.project import dbt_resource

    home = tmp_path_factory.mktemp("built")
    build_db = home / "build.duckdb"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PLANWATCH_BUILD_DB", str(build_db))
        dbt_resource().cli(
            [
                "build",
                "--select",
                "+path:models/marts/plan",
                "--indirect-selection",
                "cautious",
            ],
            target_path=home / "dbt_target",
        ).wait()
    return build_db


@pytest.fixture
def built(warehouse: Paths, built_plan_marts: Path) -> Paths:
    """GIVEN an isolated warehouse whose build.duckdb holds freshly built plan marts."""
    shutil.copyfile(built_plan_marts, warehouse.build_db)
    return warehouse
