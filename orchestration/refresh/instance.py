"""The Dagster instance of a warehouse: warehouse/dagster and its dagster.yaml."""

from __future__ import annotations

import os
from pathlib import Path

from orchestration.settings import REPO_ROOT, paths

GENERATED = "# Written by planwatch (orchestration/refresh/instance.py)."
INSTANCE_CONFIG = f"""{GENERATED} Delete this line to keep your own edits.
telemetry:
  enabled: false
concurrency:
  runs:
    # Every run writes the warehouse: one at a time, the others wait in the queue.
    max_concurrent_runs: 1
run_monitoring:
  # The daemon records a run whose worker process died as failed.
  enabled: true
"""


WORKSPACE = f"""{GENERATED}
load_from:
  - python_module:
      module_name: orchestration.definitions
      location_name: planwatch
      working_directory: {REPO_ROOT}
"""


def workspace_file() -> Path:
    """warehouse/dagster/workspace.yaml: the code location, named as in pyproject.toml."""
    path = use_dagster_home() / "workspace.yaml"
    if not path.exists() or path.read_text(encoding="utf-8") != WORKSPACE:
        path.write_text(WORKSPACE, encoding="utf-8")
    return path


def use_dagster_home() -> Path:
    """Point Dagster at warehouse/dagster so CLI runs show up in the UI's history."""
    home = paths().dagster_home
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    current = config.read_text(encoding="utf-8") if config.exists() else GENERATED
    if current.startswith(GENERATED) and current != INSTANCE_CONFIG:
        config.write_text(INSTANCE_CONFIG, encoding="utf-8")
    os.environ["DAGSTER_HOME"] = str(home)
    return home
