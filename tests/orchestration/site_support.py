"""Helpers for tests that work on a whole site (raw/ and warehouse/) through the real CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PLANWATCH = [sys.executable, "-m", "orchestration.cli"]
SYNTHETIC = "# 示例数据（合成）/ SYNTHETIC TEST DATA\n"
# Three small synthetic submissions (one per dataset) and one the clerk must fix.
SMALL_DROP = {
    "stats/gdp_2021-2022.csv": "指标代码,年份,数值,单位\nI01,2021,330,亿元\nI01,2022,352,亿元\n",
    "industry/sectors_2021.csv": "产业,年份,产值（亿元）,规上企业数（户）\n"
    "medicine_health,2021,120.5,30\n",
    "energy/projects_2022.csv": "项目编号,报告期,项目状态,总投资（万元）,本期完成投资（万元）,"
    "累计完成投资（万元）,开工日期\nB05-P003,2022年四季度,在建,380000,12000,45000,2021-05-01\n",
    "stats/gdp_2031.csv": "指标代码,年份,数值,单位\nI01,2031,330,亿元\n",
}


def planwatch_env(root: Path) -> dict[str, str]:
    """The environment of a `planwatch` process working on the site under `root`."""
    environment = {key: value for key, value in os.environ.items() if key != "DAGSTER_HOME"}
    return environment | {
        "PLANWATCH_HOME": str(root / "warehouse"),
        "PLANWATCH_RAW": str(root / "raw"),
    }


def planwatch(root: Path, *args: str, timeout: float = 900) -> subprocess.CompletedProcess[str]:
    """Run `planwatch ARGS` on the site under `root` and wait for it."""
    return subprocess.run(
        [*PLANWATCH, *args],
        env=planwatch_env(root),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def write_drop(raw: Path, files: dict[str, str]) -> None:
    """Write synthetic submissions into the drop folder."""
    for relative, text in files.items():
        path = raw / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(SYNTHETIC + text, encoding="utf-8")
