"""Every command and code block of the README runs as written, against a real published warehouse.

The ```sql blocks are run by tests/reports/test_readme_queries.py. Here: each `planwatch`
command line of a ```sh block (on a copy of the warehouse the report fixture published),
each `make` target named (it must exist), and each ```python block (from a folder where
warehouse/ is that copy). Commands that run until stopped are proven by their own tests.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from orchestration.settings import REPO_ROOT, Paths

README = REPO_ROOT / "README.md"
# Servers run until stopped; tests/orchestration/refresh/test_serve.py starts and stops them.
LONG_RUNNING = {"serve", "ui"}


def blocks(language: str) -> list[str]:
    """The ```<language> blocks of the README, in order."""
    text = README.read_text(encoding="utf-8")
    return re.findall(rf"^```{language}\n(.*?)^```", text, re.S | re.M)


def command_lines(prefix: str) -> list[str]:
    """Lines of the ```sh blocks that start with `prefix`, trailing comments removed."""
    lines = [line.split("  #")[0].strip() for block in blocks("sh") for line in block.splitlines()]
    return [line for line in lines if line.startswith(prefix)]


PLANWATCH = [
    line
    for line in command_lines(".venv/bin/planwatch")
    if shlex.split(line)[1] not in LONG_RUNNING
]


@pytest.fixture
def copy(published: Paths, tmp_path: Path) -> Paths:
    """A copy of the published warehouse and drop folder, for commands that write."""
    where = Paths(raw=tmp_path / "raw", warehouse=tmp_path / "warehouse")
    shutil.copytree(published.raw, where.raw)
    shutil.copytree(published.warehouse, where.warehouse, ignore=shutil.ignore_patterns("*.lock"))
    return where


def test_the_readme_has_commands_of_each_kind():
    assert {"run", "test"} <= {line.split()[1] for line in command_lines("make ")}
    assert PLANWATCH and blocks("python")


@pytest.mark.parametrize("target", sorted({line.split()[1] for line in command_lines("make ")}))
def test_each_make_target_named_exists(target: str):
    result = subprocess.run(
        ["make", "-n", "-C", str(REPO_ROOT), target], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("line", PLANWATCH)
def test_each_planwatch_command_runs_as_written(line: str, copy: Paths):
    env = {
        **os.environ,
        "PLANWATCH_HOME": str(copy.warehouse),
        "PLANWATCH_RAW": str(copy.raw),
    }
    env.pop("DAGSTER_HOME", None)
    args = shlex.split(line)[1:]
    result = subprocess.run(
        [sys.executable, "-m", "orchestration.cli", *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, f"{line}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    assert result.stdout.strip(), line
    assert "Traceback" not in result.stdout + result.stderr, line


@pytest.mark.parametrize("number", range(len(blocks("python"))))
def test_each_python_block_runs_as_written(number: int, copy: Paths, tmp_path: Path):
    here = tmp_path / "clone"
    here.mkdir()
    (here / "warehouse").symlink_to(copy.warehouse)
    result = subprocess.run(
        [sys.executable, "-c", blocks("python")[number]],
        cwd=here,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
