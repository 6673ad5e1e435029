"""Write region-<region_code>-<year>.html: a parent region's counties side by side."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from reports.data import Marts, records
from reports.regions.data import RegionView, latest_view, parents
from reports.render.badges import Statuses
from reports.render.charts import svg_open
from reports.render.html import bilingual, esc, num, page, section, table

ROW, LEFT, WIDTH = 22, 170, 760


def status_chart(view: RegionView, statuses: Statuses, names: dict[str, str]) -> str:
    """One stacked bar per region: its indicators by status, coloured as the status dim says."""
    counts = view.scorecards.groupby(["region_code", "status_code"]).size()
    regions = list(view.regions["region_code"])
    most = max([int(counts.loc[code].sum()) for code in regions if code in counts] + [1])
    unit = (WIDTH - LEFT - 40) / most
    parts = [svg_open(WIDTH, 30 + ROW * len(regions), "各地区指标状态 Statuses by region")]
    for i, code in enumerate(regions):
        y, x = 24 + i * ROW, float(LEFT)
        parts.append(
            f'<text x="{LEFT - 8}" y="{y + 13}" text-anchor="end">{esc(names[code])}</text>'
        )
        for status in statuses:
            n = int(counts.get((code, status.code), 0))
            if n:
                parts.append(
                    f'<rect x="{x:.1f}" y="{y}" width="{n * unit:.1f}" height="15" '
                    f'fill="{esc(status.colour)}"><title>{esc(status.zh)} {n}</title></rect>'
                )
                x += n * unit
    return "".join(parts) + "</svg>"


def status_table(view: RegionView, statuses: Statuses) -> str:
    """Per region: how many of its indicators are in each status."""
    counts = view.scorecards.groupby(["region_code", "status_code"]).size()
    headers = [("地区", "Region"), *[(s.zh, s.en) for s in statuses], ("指标数", "Indicators")]
    rows = [
        [
            bilingual(r["name_zh"], r["name_en"]),
            *[num(int(counts.get((r["region_code"], s.code), 0))) for s in statuses],
            num(int((view.scorecards["region_code"] == r["region_code"]).sum())),
        ]
        for r in records(view.regions)
    ]
    return table(headers, rows, numeric=list(range(1, len(headers))))


def rollup_line(rollup: pd.DataFrame, code: str) -> str:
    """The region's own figure for an indicator: the roll-up and how many regions it is from."""
    rows = rollup[rollup["indicator_code"] == code]
    if rows.empty:
        return '<p class="note">不汇总（非可加指标） · Not rolled up (not additive)</p>'
    r = rows.iloc[0]
    how = {"sum": ("合计", "sum"), "weighted_mean": ("加权平均", "weighted mean")}.get(
        str(r["aggregation"]), (str(r["aggregation"]), str(r["aggregation"]))
    )
    return (
        f"<p>{how[0]} <b>{num(r['value'])}</b> {esc(r['unit'])}：由 "
        f"{int(r['child_regions_reporting'])} / {int(r['child_regions_expected'])} 个地区数据汇总"
        f'<span class="en">{how[1]} from {int(r["child_regions_reporting"])} of '
        f"{int(r['child_regions_expected'])} regions expected "
        f"({int(r['child_regions_total'])} in all)</span></p>"
    )


def indicators_section(view: RegionView, statuses: Statuses, names: dict[str, str]) -> str:
    """Each indicator: every region's latest value and status, then the roll-up."""
    headers = [("地区", "Region"), ("最新值", "Latest"), ("年份", "Year"), ("状态", "Status")]
    parts = []
    for code, group in view.scorecards.groupby("indicator_code", sort=True):
        first = group.iloc[0]
        rows = [
            [
                esc(names[r["region_code"]]),
                num(r["latest_value"]),
                esc(r["latest_year"]),
                statuses.badge(r["status_code"]),
            ]
            for r in records(group)
        ]
        parts.append(
            f"<h3>{esc(code)} {bilingual(first['indicator_name_zh'], first['indicator_name_en'])}"
            f" <span class='en'>{esc(first['unit'])}</span></h3>"
            + table(headers, rows, numeric=[1, 2])
            + rollup_line(view.rollups, str(code))
        )
    return section("indicators", "分指标对比", "Indicator by indicator", "".join(parts))


def render(view: RegionView, statuses: Statuses, refreshed: str, synthetic: int = 0) -> str:
    """The whole region page (with the SYNTHETIC banner when sample files are behind it)."""
    names = dict(zip(view.regions["region_code"], view.regions["name_zh"], strict=True))
    region = view.region
    overview = section(
        "statuses",
        "各地区状态分布",
        "Statuses by region",
        f"<figure>{status_chart(view, statuses, names)}</figure>" + status_table(view, statuses),
        f"截至{view.year}年，{len(names)} 个地区的规划指标按状态计数。"
        f'<span class="en">As of {view.year}: the indicators of {len(names)} regions\' plans '
        "by status.</span>",
    )
    header = (
        f'<div class="inner"><div class="kicker">planwatch · 地区对比</div>'
        f"<h1>{esc(region['name_zh'])}各地区规划实施对比（{view.year}年）</h1>"
        f'<div class="en">{esc(region["name_en"])}: regions side by side ({view.year})</div>'
        f'<div class="meta">数据更新 Data refreshed: {esc(refreshed)}</div></div>'
    )
    body = overview + indicators_section(view, statuses, names)
    footer = (
        "由 planwatch 根据已发布的数据集市生成 · Generated by planwatch from the published marts."
    )
    return page(f"{region['name_zh']}地区对比 · Regions", header, body, footer, synthetic)


def write_regions(
    marts: Marts, out_dir: Path, refreshed: str, synthetic: int = 0
) -> list[tuple[dict, Path]]:
    """region-<code>-<year>.html for every region with a roll-up from its child regions and
    at least two regions under it with data, as of its latest year."""
    views = [view for region in parents(marts) if (view := latest_view(marts, region))]
    if not views:
        return []
    statuses = Statuses.from_records(
        records(marts.frame("select * from dim_progress_status order by status_sort_order"))
    )
    written = []
    for view in views:
        path = out_dir / f"region-{view.region['region_code']}-{view.year}.html"
        path.write_text(render(view, statuses, refreshed, synthetic), encoding="utf-8")
        written.append((view.region, path))
    return written
