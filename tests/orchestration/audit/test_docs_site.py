"""The Data Docs work offline: no page loads anything from the internet, and intake is in them.

GX's own templates load Bootstrap, jQuery, Font Awesome and images from CDNs and build the
index tables with a CDN script (blank on an intranet). Links to documentation in the text
are fine; a stylesheet, script, image, font or import from the network is not.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pytest

from orchestration.audit.suites import MartSuite
from orchestration.audit.validate import build_docs, gx_context, validate_frame
from orchestration.intake.run import run_intake
from orchestration.settings import Paths

pytestmark = pytest.mark.xdist_group("site")

REMOTE = re.compile(
    r"""<(?:link|script|img|iframe|source|embed|object|image|use)\b[^>]*?\b"""
    r"""(?:href|src|data|srcset|xlink:href)\s*=\s*["']?\s*(?:https?:)?//"""
    r"""|@import\s+(?:url\()?\s*["']?\s*(?:https?:)?//"""
    r"""|url\(\s*["']?\s*(?:https?:)?//""",
    re.I,
)


def remote_resources(site: Path) -> dict[str, list[str]]:
    """Every page (and local stylesheet or script) under `site` that loads from the network."""
    found = {}
    for page in sorted(site.rglob("*")):
        if page.suffix in {".html", ".css", ".js"} and not page.is_relative_to(site / "static"):
            hits = REMOTE.findall(page.read_text(encoding="utf-8", errors="replace"))
            if hits:
                found[str(page.relative_to(site))] = hits[:3]
    return found


def test_remote_resources_are_found_where_gx_puts_them() -> None:
    """The check itself: the markup GX's templates write is caught, text links are not."""
    gx_markup = [
        '<link rel="stylesheet" href="https://maxcdn.bootstrapcdn.com/bootstrap.min.css"/>',
        '<script src="https://code.jquery.com/jquery-3.7.1.min.js"></script>',
        '<img class="NO-CACHE" src="https://great-expectations-web-assets.s3.amazonaws.com/logo.png"/>',
        "<style>@import url('//fonts.example.org/a.css');</style>",
        "<style>.logo { background: url('https://example.org/dark.png') }</style>",
    ]
    assert all(REMOTE.search(markup) for markup in gx_markup)
    assert not REMOTE.search('<a href="https://greatexpectations.io">Great Expectations</a>')


def test_docs_are_offline_and_show_intake_suites_and_each_files_validation(
    warehouse: Paths,
) -> None:
    (warehouse.raw / "stats").mkdir()
    (warehouse.raw / "stats" / "gdp.csv").write_text("指标代码,年份,数值\nI01,2021,330\n", "utf-8")
    (warehouse.raw / "stats" / "bad.csv").write_text("指标代码,年份,数值\nI01,2031,330\n", "utf-8")
    run_intake()
    submissions = sorted(path.stem for path in warehouse.intake_validations.glob("*.json"))
    suite = MartSuite(
        name="marts.fct_demo",
        model="fct_demo",
        description="demo",
        batch_sql="select 1",
        definition={
            "name": "marts.fct_demo",
            "expectations": [{"type": "expect_table_row_count_to_equal", "kwargs": {"value": 1}}],
        },
    )
    context = gx_context(warehouse.gx)
    _, mart = validate_frame(
        context, suite, pd.DataFrame({"a": [1]}), {}, "run-1", datetime.now(UTC)
    )

    pages = build_docs(context, [mart], warehouse.intake_validations)

    site = warehouse.gx / "data_docs"
    index = (site / "index.html").read_text(encoding="utf-8")
    assert len(submissions) == 2
    assert remote_resources(site) == {}
    assert "<table" in index and "bootstrapTable" not in index
    for name in ("indicator_values", "project_progress", "sector_output", "marts.fct_demo"):
        assert name in index
    for submission in submissions:
        assert submission in index
        assert list((site / "validations" / "indicator_values" / submission).rglob("*.html"))
    assert (site / "expectations" / "indicator_values.html").is_file()
    assert Path(pages["marts.fct_demo"]).is_file()


def test_a_refreshed_site_has_offline_docs_with_every_intake_validation(
    published_site: Path,
) -> None:
    site = published_site / "warehouse" / "gx" / "data_docs"
    submissions = [
        p.stem for p in (published_site / "warehouse" / "gx" / "intake_validations").glob("*.json")
    ]

    assert remote_resources(site) == {}
    assert len(submissions) == 4
    for submission in submissions:
        assert list(site.glob(f"validations/*/{submission}/**/*.html")), submission
