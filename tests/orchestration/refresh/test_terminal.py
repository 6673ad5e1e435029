"""`planwatch refresh` at a terminal: progress per stage and a short summary; the rest in a log.

Read from the session's real refresh of SMALL_DROP (three good files and one the clerk
must fix), as a newcomer's `make run` shows it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.xdist_group("site")


@pytest.fixture(scope="module")
def terminal(published_site: Path) -> list[str]:
    return (published_site / "refresh.out").read_text(encoding="utf-8").splitlines()


def _value(lines: list[str], label: str) -> str:
    [line] = [line for line in lines if line.startswith(f"{label}:")]
    return line.split(":", 1)[1].strip()


def test_the_terminal_shows_progress_per_stage_and_a_short_summary(
    terminal: list[str], published_site: Path
) -> None:
    assert len(terminal) <= 40, "\n".join(terminal)
    assert (published_site / "refresh.err").read_text(encoding="utf-8") == ""
    stages = [line.split()[0] for line in terminal if line and not line.endswith(":")]
    for stage in ("intake", "dbt", "checks", "publish", "docs", "reports"):
        assert stage in stages, "\n".join(terminal)
    assert re.search(r"^dbt +(\d+)/\1 nodes$", "\n".join(terminal), re.M)
    assert "planwatch refresh succeeded" in "\n".join(terminal)
    assert not [line for line in terminal if " - dagster - " in line or "{'" in line]


def test_the_summary_says_what_arrived_what_was_rejected_and_why_and_where_to_look(
    terminal: list[str], published_site: Path
) -> None:
    assert _value(terminal, "arrived") == "4 new file(s): 3 accepted, 1 rejected"
    [rejected] = [line for line in terminal if line.startswith("rejected:")]
    assert rejected.startswith("rejected:  stats/gdp_2031.csv — ")
    assert "2031" in rejected and "年份" in rejected
    assert Path(_value(terminal, "steward")).name == "steward-review.html"
    assert Path(_value(terminal, "steward")).is_file()
    [stage] = re.findall(r"^publish +(\d+) tables published to ", "\n".join(terminal), re.M)
    assert _value(terminal, "published").endswith(f"({stage} tables and refresh_provenance)")


def test_the_full_log_keeps_what_the_terminal_leaves_out(terminal: list[str]) -> None:
    log = Path(_value(terminal, "full log"))

    text = log.read_text(encoding="utf-8")

    assert log.parent.name == "logs" and log.name.startswith("refresh-")
    assert "START sql table model marts.fct_indicator_progress" in text
    assert "Finished dbt command" in text
    assert " - dagster - DEBUG - refresh_job - " in text
    assert "Logging an `AssetObservation` instead of an `AssetCheckResult`" not in text
    assert " - dagster - WARNING - " not in text
