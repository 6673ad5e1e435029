"""The one stylesheet of every report page, inlined so a page makes no network request."""

FONT_STACK = (
    '"Noto Sans CJK SC", "Noto Serif CJK SC", "WenQuanYi Zen Hei", "Microsoft YaHei", '
    '"PingFang SC", sans-serif'
)
SERIF_STACK = '"Noto Serif CJK SC", "Noto Sans CJK SC", "Songti SC", "SimSun", serif'

CSS = f"""
:root {{ --ink:#1f2328; --muted:#667085; --line:#e4e0d8; --paper:#fff; --bg:#f4f2ee;
  --accent:#a61b1b; --accent-soft:#fbeeee; }}
* {{ box-sizing:border-box; }}
body {{ margin:0; font-family:{FONT_STACK}; color:var(--ink); background:var(--bg);
  font-size:14px; line-height:1.6; }}
.masthead {{ background:linear-gradient(135deg,#8f1414,#b3261e); color:#fff; padding:28px 0 22px; }}
.masthead .inner, main, footer {{ max-width:1280px; margin:0 auto; padding:0 28px; }}
.masthead .kicker {{ letter-spacing:.12em; font-size:13px; opacity:.85; }}
.masthead h1 {{ font-family:{SERIF_STACK}; font-size:30px; margin:6px 0 2px; font-weight:700; }}
.masthead .en {{ color:#fde8e8; font-size:16px; }}
.masthead .meta {{ margin-top:12px; font-size:12.5px; opacity:.9; }}
.masthead nav a {{ color:#fff; margin-right:16px; font-size:13px; text-decoration:none;
  border-bottom:1px solid rgba(255,255,255,.4); }}
main {{ padding-top:22px; padding-bottom:10px; }}
section {{ background:var(--paper); border:1px solid var(--line); border-radius:6px;
  padding:20px 24px 22px; margin-bottom:22px; }}
h2 {{ font-family:{SERIF_STACK}; font-size:20px; margin:0 0 12px; padding-left:12px;
  border-left:5px solid var(--accent); }}
h2 .en, h3 .en {{ font-family:{FONT_STACK}; font-size:13px; color:var(--muted); font-weight:400;
  margin-left:6px; }}
h3 {{ font-size:15px; margin:18px 0 8px; }}
p.intro {{ color:#3b4049; margin:0 0 14px; }}
.en {{ color:var(--muted); font-size:.82em; }}
td .en, th .en {{ display:block; line-height:1.3; }}
table {{ width:100%; border-collapse:collapse; font-size:13px; }}
th {{ background:#f3efe8; text-align:left; font-weight:600; padding:7px 8px;
  border-bottom:2px solid #d9d2c5; vertical-align:bottom; }}
td {{ padding:6px 8px; border-bottom:1px solid var(--line); vertical-align:top; }}
tbody tr:nth-child(even) td {{ background:#faf9f7; }}
.num {{ text-align:right; font-variant-numeric:tabular-nums; white-space:nowrap; }}
tr.group td {{ background:#f7f1e6 !important; font-weight:700; color:#7a4a12; padding-top:9px; }}
tr.group td .en {{ display:inline; font-weight:400; margin-left:6px; }}
table.scorecard {{ font-size:12.5px; }}
table.scorecard td, table.scorecard th {{ padding:6px 6px; }}
table.scorecard td:nth-child(2) {{ min-width:200px; }}
table.scorecard td:nth-child(3), table.scorecard th:first-child {{ white-space:nowrap; }}
.scroll {{ overflow-x:auto; }}
td.empty {{ color:var(--muted); text-align:center; padding:14px; }}
.code {{ font-family:ui-monospace,"DejaVu Sans Mono",monospace; font-size:12px;
  color:var(--muted); }}
.badge {{ display:inline-flex; align-items:center; gap:5px; white-space:nowrap;
  padding:2px 9px 2px 7px;
  border-radius:999px; background:color-mix(in srgb, var(--c) 12%, white);
  border:1px solid color-mix(in srgb, var(--c) 35%, white); color:var(--c); font-size:12.5px; }}
.badge i {{ width:9px; height:9px; border-radius:50%; background:var(--c); display:inline-block; }}
.badge small {{ color:color-mix(in srgb, var(--c) 70%, #555); font-size:11px; }}
.bar {{ display:inline-block; width:48px; height:7px; background:#ece8e1; border-radius:4px;
  vertical-align:middle; margin-left:6px; overflow:hidden; }}
.bar span {{ display:block; height:100%; background:var(--c,#2e8b57); }}
.tally {{ display:flex; flex-wrap:wrap; gap:10px; margin:14px 0 4px; }}
.tally .tile .en {{ display:block; }}
.tally .tile {{ flex:1 1 100px; border:1px solid var(--line); border-top:4px solid var(--c);
  border-radius:5px; padding:8px 12px; background:#fff; }}
.tally .tile b {{ font-size:26px; color:var(--c); font-family:{SERIF_STACK}; }}
.tally .tile div {{ font-size:12.5px; }}
.summary {{ font-size:15px; line-height:1.9; }}
.summary p {{ margin:6px 0; }}
.summary .en {{ display:block; font-size:13px; line-height:1.6; }}
.charts {{ display:grid; grid-template-columns:repeat(auto-fill,minmax(360px,1fr)); gap:14px; }}
figure {{ margin:0; border:1px solid var(--line); border-radius:5px; padding:8px 10px 4px;
  background:#fff; }}
figure svg {{ width:100%; height:auto; display:block; }}
.warning {{ display:block; margin-top:4px; }}
ul.rules {{ font-size:12.5px; margin:8px 0 0; padding-left:18px; }}
ul.rules li {{ margin:3px 0; }}
.ok {{ color:var(--muted); }}
.legend {{ font-size:12px; color:var(--muted); margin:0 0 10px; }}
.legend .key {{ display:inline-block; width:22px; height:0; border-top:2.5px solid;
  vertical-align:middle; margin:0 4px 0 12px; }}
.en.block {{ display:block; margin-top:4px; }}
td.nowrap, span.nowrap {{ white-space:nowrap; }}
.note {{ font-size:12.5px; color:var(--muted); }}
.synthetic {{ background:#fff4c2; border-bottom:3px solid #b7791f; padding:10px 24px;
  font-size:14px; text-align:center; }}
.synthetic .en {{ display:block; font-size:12px; color:#5c4a12; }}
.warn {{ background:var(--accent-soft); border-left:4px solid var(--accent); padding:8px 12px;
  font-size:13px; margin:0 0 12px; }}
.reasons {{ white-space:pre-wrap; word-break:break-word; }}
.raw {{ font-family:ui-monospace,"DejaVu Sans Mono",monospace; font-size:11.5px; color:#444;
  white-space:pre-wrap; word-break:break-all; max-width:380px; }}
details {{ margin:4px 0 10px; }}
summary {{ cursor:pointer; color:#8f1414; }}
.pill {{ display:inline-block; min-width:26px; text-align:center; border-radius:4px; padding:0 6px;
  font-weight:600; }}
.pill.accepted {{ background:#e3f2e8; color:#1d6b3a; }}
.pill.rejected {{ background:#fbe4e2; color:#9b1c1c; }}
.pill.duplicate {{ background:#eceff3; color:#4b5563; }}
.pill.zero {{ background:transparent; color:#b8bcc4; font-weight:400; }}
a {{ color:#8f1414; text-decoration:none; border-bottom:1px solid #e6b8b8; }}
a:hover {{ border-bottom-color:#8f1414; }}
ul.links li {{ margin:8px 0; font-size:15px; }}
ul.links .en {{ margin-left:6px; }}
footer {{ color:var(--muted); font-size:12px; padding-bottom:30px; }}
@media print {{ body {{ background:#fff; }} section {{ break-inside:avoid-page; border:none; }}
  .masthead {{ -webkit-print-color-adjust:exact; print-color-adjust:exact; }} }}
"""
