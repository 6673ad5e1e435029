"""Headless Chromium for the report tests: screenshots, the DOM after load, a glyph probe."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]

# Draws each Han character of the first chart title with the title's own font stack onto a
# canvas, and the private-use character U+E000 that no font has (the missing-glyph box).
# A character whose pixels equal the missing glyph's is rendered as a box: its font is missing.
GLYPH_PROBE = """
(function () {
  const label = document.querySelector("#charts svg text");
  const font = getComputedStyle(label).fontFamily;
  const canvas = document.createElement("canvas");
  canvas.width = 64; canvas.height = 64;
  const ctx = canvas.getContext("2d", {willReadFrequently: true});
  function render(ch) {
    ctx.fillStyle = "#fff"; ctx.fillRect(0, 0, 64, 64);
    ctx.fillStyle = "#000"; ctx.font = "48px " + font; ctx.textBaseline = "top";
    ctx.fillText(ch, 4, 4);
    const data = ctx.getImageData(0, 0, 64, 64).data;
    let ink = 0, sig = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] < 128) { ink++; sig = (sig * 31 + i) % 1000000007; }
    }
    return ink + ":" + sig;
  }
  const chars = Array.from(label.textContent).filter(c => /\\p{Script=Han}/u.test(c));
  const result = {text: label.textContent, font: font, missing: render("\\uE000"), glyphs: {}};
  chars.forEach(c => { result.glyphs[c] = render(c); });
  const out = document.createElement("pre");
  out.id = "glyph-probe";
  out.textContent = JSON.stringify(result);
  document.body.appendChild(out);
})();
"""


def chromium() -> str:
    """The Chromium binary; the test FAILS (not skips) when it is missing."""
    found = CHROMIUM if os.access(CHROMIUM, os.X_OK) else shutil.which("chromium")
    if not found:
        pytest.fail(
            "headless Chromium is required for the report browser tests: install Debian's "
            "`chromium` and `fonts-noto-cjk` (make test does it when run as root)"
        )
    return found


def run(args: list[str], profile: Path, env: dict[str, str] | None = None) -> str:
    """Run Chromium once with a fresh profile; returns stdout."""
    command = [chromium(), *FLAGS, f"--user-data-dir={profile}", *args]
    result = subprocess.run(
        command, capture_output=True, text=True, timeout=120, env={**os.environ, **(env or {})}
    )
    assert result.returncode == 0, f"chromium failed: {result.stderr[-2000:]}"
    return result.stdout


def screenshot(page: Path, png: Path, profile: Path, size: str = "1280,2000") -> Path:
    """A screenshot of `page` at `size`."""
    run([f"--screenshot={png}", f"--window-size={size}", page.as_uri()], profile)
    return png


def dump_dom(page: Path, profile: Path) -> str:
    """The DOM of `page` after load, serialised."""
    return run(["--dump-dom", page.as_uri()], profile)


def glyph_probe(page: Path, work: Path, env: dict[str, str] | None = None) -> dict:
    """Run GLYPH_PROBE on a copy of `page`; returns the probe's findings."""
    probe = work / "probe.html"
    text = page.read_text(encoding="utf-8")
    probe.write_text(text.replace("</body>", f"<script>{GLYPH_PROBE}</script></body>"), "utf-8")
    dom = run(["--dump-dom", probe.as_uri()], work / "profile", env)
    found = re.search(r'<pre id="glyph-probe">(.*?)</pre>', dom, re.S)
    assert found, "the glyph probe did not run"
    return json.loads(html.unescape(found.group(1)))


def missing_glyphs(probe: dict) -> list[str]:
    """Characters that rendered exactly like the missing-glyph box."""
    return [ch for ch, pixels in probe["glyphs"].items() if pixels == probe["missing"]]
