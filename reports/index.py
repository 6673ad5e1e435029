"""The index page of warehouse/reports/: links to every report and to the documentation sites."""

from __future__ import annotations

import os
from pathlib import Path

from reports.editions import Edition
from reports.render.html import bilingual, esc, page, section


def relative_link(target: Path | None, out_dir: Path) -> str | None:
    """A link from the reports folder to `target` if it exists."""
    if target is None or not target.exists():
        return None
    return os.path.relpath(target, out_dir).replace(os.sep, "/")


def find_gx_index(gx_dir: Path) -> Path | None:
    """The top-most index.html of the Great Expectations Data Docs, if they were built."""
    if not gx_dir.exists():
        return None
    pages = sorted(gx_dir.rglob("index.html"), key=lambda p: (len(p.parts), str(p)))
    return pages[0] if pages else None


def plan_items(editions: list[Edition]) -> list[str]:
    """One list item per plan: its region and name, then a link per edition (HTML and xlsx)."""
    by_plan: dict[str, list[Edition]] = {}
    for e in editions:
        by_plan.setdefault(e.plan.plan_id, []).append(e)
    items = []
    for group in by_plan.values():
        plan = group[0].plan
        synthetic = ' <span class="warn">示例数据 SYNTHETIC</span>' if plan.is_synthetic else ""
        links = " · ".join(
            f'<a href="{esc(e.stem)}.html">{bilingual(e.title_zh, e.title_en)}</a> '
            f'(<a href="{esc(e.stem)}.xlsx">xlsx</a>)'
            for e in group
        )
        items.append(
            f"<li><b>{esc(plan.region_name_zh)} · {esc(plan.short_name_zh)}（{plan.span}）</b>"
            f'<span class="en">{esc(plan.region_name_en)} · {esc(plan.short_name_en)} · '
            f'<span class="code">{esc(plan.plan_id)}</span></span>{synthetic}<br>{links}</li>'
        )
    return items


def render_index(
    editions: list[Edition],
    regions: list[tuple[dict, Path]],
    out_dir: Path,
    others: dict[str, Path | None],
    refreshed: str,
    notices: Path | None = None,
    synthetic: int = 0,
) -> str:
    """The page: each plan's editions, region views, steward review, notices, docs sites."""
    items = plan_items(editions) or [
        '<li class="note">暂无可评估的数据 · No data to evaluate yet</li>'
    ]
    views = [
        f'<li><a href="{esc(relative_link(path, out_dir))}">'
        + bilingual(f"{region['name_zh']}各地区对比", f"{region['name_en']}: regions side by side")
        + "</a></li>"
        for region, path in regions
    ]
    steward = (
        '<li><a href="steward-review.html">数据报送审核 <span class="en">Steward review</span></a>'
        ' · <a href="steward-review.xlsx">xlsx</a></li>'
    )
    if notices is not None:
        steward += (
            f'<li><a href="{esc(relative_link(notices, out_dir))}">各部门报送通知 '
            '<span class="en">A notice per department</span></a></li>'
        )
    docs = []
    for label, target in others.items():
        href = relative_link(target, out_dir)
        if href:
            docs.append(f'<li><a href="{esc(href)}">{esc(label)}</a></li>')
    body = section(
        "reports", "监测报告", "Monitoring reports", f'<ul class="links">{"".join(items)}</ul>'
    )
    if views:
        body += section(
            "regions",
            "地区对比",
            "Regions side by side",
            f'<ul class="links">{"".join(views)}</ul>',
        )
    body += section("steward", "数据管理", "For data stewards", f'<ul class="links">{steward}</ul>')
    if docs:
        body += section(
            "docs", "数据文档", "For analysts", f'<ul class="links">{"".join(docs)}</ul>'
        )
    header = (
        '<div class="inner"><div class="kicker">planwatch</div><h1>规划实施监测报告</h1>'
        f'<div class="en">Plan monitoring reports</div><div class="meta">数据更新 Data refreshed: '
        f"{esc(refreshed)}</div></div>"
    )
    return page("规划实施监测报告 · planwatch reports", header, body, "planwatch", synthetic)
