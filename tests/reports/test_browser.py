"""The monitoring report in a real browser: it renders, shows statuses, has its Chinese glyphs."""

from __future__ import annotations

import subprocess
from pathlib import Path

from browser import dump_dom, glyph_probe, missing_glyphs, screenshot

from orchestration.settings import Paths

STATUS_LABELS = ["提前实现", "快于预期", "基本符合预期", "滞后", "约束达标", "约束未达标"]
NO_CJK_FONTS = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>{cache}</cachedir></fontconfig>
"""


def report(published: Paths) -> Path:
    return published.reports / "monitoring-report-220581-14-2024.html"


def test_the_report_renders_in_headless_chromium(published: Paths, tmp_path: Path):
    png = screenshot(report(published), tmp_path / "report.png", tmp_path / "profile")
    assert png.exists()
    assert png.stat().st_size > 100_000, "the screenshot is nearly empty: the page did not render"


def test_the_rendered_dom_shows_the_chinese_status_labels(published: Paths, tmp_path: Path):
    dom = dump_dom(report(published), tmp_path / "profile")
    for label in STATUS_LABELS:
        assert label in dom
    assert dom.count("<svg") >= 22 + 2  # a chart per indicator, boxes, sectors


def test_a_chinese_font_is_installed():
    fonts = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True, check=True)
    assert fonts.stdout.strip(), "no Chinese font: install fonts-noto-cjk"


def test_chart_labels_render_real_chinese_glyphs_not_missing_glyph_boxes(
    published: Paths, tmp_path: Path
):
    probe = glyph_probe(report(published), tmp_path)
    assert len(probe["glyphs"]) >= 4, probe
    assert missing_glyphs(probe) == [], f"rendered as missing-glyph boxes: {probe}"
    assert len(set(probe["glyphs"].values())) == len(probe["glyphs"]), "glyphs look identical"


def test_the_glyph_check_fails_when_no_chinese_font_is_available(published: Paths, tmp_path: Path):
    """GIVEN Chromium restricted to a Latin-only font, THEN the same probe finds boxes."""
    conf = tmp_path / "fonts.conf"
    conf.write_text(NO_CJK_FONTS.format(cache=tmp_path / "fc-cache"), encoding="utf-8")
    probe = glyph_probe(report(published), tmp_path, env={"FONTCONFIG_FILE": str(conf)})
    assert missing_glyphs(probe) == list(probe["glyphs"])
