"""The published marts open in DuckDB 1.x: the oldest the README promises and the newest 1.x.

Each DuckDB 1.x is installed from the package index into its own venv for this session
(no skip: an unreachable index fails the test, saying so). The file read is the one a real
refresh published.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.xdist_group("site")

VERSIONS = ["duckdb==1.1.*", "duckdb<2"]
READ = """
import sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
tables = con.execute("select count(*) from duckdb_tables()").fetchone()[0]
indicators = con.execute("select count(*) from dim_indicator").fetchone()[0]
comment = con.execute(
    "select comment from duckdb_columns() where table_name = 'fct_indicator_progress' "
    "and column_name = 'status_code'"
).fetchone()[0]
money = con.execute("select sum(total_investment)::varchar from fct_project_progress").fetchone()[0]
print(duckdb.__version__, tables, indicators, money, comment, sep="|")
"""


@pytest.fixture(scope="session")
def older_duckdbs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, float]]:
    """A venv per DuckDB 1.x requirement, with how long creating and installing it took."""
    made = {}
    for requirement in VERSIONS:
        venv = tmp_path_factory.mktemp("duckdb1")
        started = time.monotonic()
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        install = subprocess.run(
            [str(venv / "bin" / "pip"), "install", "--quiet", requirement],
            capture_output=True,
            text=True,
        )
        assert install.returncode == 0, (
            f"could not install {requirement} from the package index (it must be reachable "
            f"for this test):\n{install.stdout}\n{install.stderr}"
        )
        made[requirement] = (venv / "bin" / "python", time.monotonic() - started)
    return made


@pytest.mark.parametrize("requirement", VERSIONS)
def test_the_published_marts_open_in_duckdb_1x(
    published_site: Path, older_duckdbs: dict[str, tuple[Path, float]], requirement: str
) -> None:
    python, seconds = older_duckdbs[requirement]
    marts = published_site / "warehouse" / "marts.duckdb"

    read = subprocess.run([str(python), "-c", READ, str(marts)], capture_output=True, text=True)

    assert read.returncode == 0, read.stderr
    version, tables, indicators, money, comment = read.stdout.strip().split("|")
    print(f"{requirement}: DuckDB {version} installed in {seconds:.1f} s")
    assert version.startswith("1.")
    assert int(tables) >= 18 and indicators == "22"
    assert money == "380000.00"
    assert comment.startswith("状态")
