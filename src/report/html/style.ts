/** The report's stylesheet: screen layout, severity and relation colours, and A4 print rules. */
export const STYLE = `
:root {
  --ink: #1f2933; --muted: #5f6b7a; --line: #dde3ea; --bg: #f4f6f9; --card: #ffffff;
  --brand: #1d3b63; --brand-2: #2a5a8f; --accent: #c8102e;
  --coverage: #2563eb; --fidelity: #0f9f8f; --track: #e6ebf1;
  --high: #b42318; --high-bg: #fde8e7; --medium: #b54708; --medium-bg: #fef0c7;
  --low: #175cd3; --low-bg: #e0ecff; --info: #475467; --info-bg: #eef1f5;
  --ins: #0b6b3a; --ins-bg: #d3f5e1; --del: #9f1a1a; --del-bg: #fde1e1;
  --font: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Hiragino Sans GB", system-ui, -apple-system, "Segoe UI", sans-serif;
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html { scroll-behavior: smooth; scroll-padding-top: 56px; }
body { margin: 0; font: 15px/1.65 var(--font); color: var(--ink); background: var(--bg); }
a { color: var(--brand-2); }
h1, h2, h3 { line-height: 1.3; }
.wrap { max-width: 1240px; margin: 0 auto; padding: 0 28px; }
.masthead { background: linear-gradient(120deg, var(--brand) 0%, var(--brand-2) 100%); color: #fff; padding: 20px 0 58px; }
.legend dl { display: grid; grid-template-columns: max-content 1fr; gap: 6px 16px; margin: 0; }
.legend dt { font-weight: 600; }
.legend dd { margin: 0; color: var(--muted, #555); }
.verdict { margin: 10px 0 0; font-size: 14px; opacity: 0.92; }
.verdict:not(.verdict-ok) { display: inline-block; padding: 6px 12px; border-radius: 6px; background: #fdecea; color: #8a1c12; font-weight: 600; opacity: 1; }
.masthead h1 { margin: 2px 0 6px; font-size: 28px; font-weight: 700; letter-spacing: 0.02em; }
.eyebrow { margin: 0; font-size: 12px; letter-spacing: 0.18em; text-transform: uppercase; opacity: 0.75; }
.subtitle { margin: 0; font-size: 15px; opacity: 0.92; }
.docs { display: grid; grid-template-columns: 1fr 36px 1fr; gap: 0; align-items: stretch; margin-top: -44px; }
.docs-arrow { display: flex; align-items: center; justify-content: center; font-size: 24px; color: var(--muted); }
.doc { background: var(--card); border-radius: 10px; padding: 16px 20px; box-shadow: 0 2px 10px rgba(16, 38, 66, 0.1); border-top: 4px solid var(--brand-2); }
.doc-child { border-top-color: var(--fidelity); }
.doc-role { margin: 0; font-size: 12px; font-weight: 700; color: var(--muted); letter-spacing: 0.08em; }
.doc-title { margin: 4px 0 10px; font-size: 16px; font-weight: 700; }
.doc-meta { display: flex; flex-wrap: wrap; gap: 2px 26px; margin: 0; font-size: 13px; }
.doc-meta div { display: flex; gap: 8px; min-width: 0; }
.doc-meta dt { color: var(--muted); white-space: nowrap; }
.doc-meta dd { margin: 0; }
.toc { position: sticky; top: 0; z-index: 5; background: rgba(255, 255, 255, 0.95); border-bottom: 1px solid var(--line); margin-top: 16px; backdrop-filter: blur(4px); }
.toc .wrap { display: flex; gap: 22px; padding-top: 8px; padding-bottom: 8px; font-size: 14px; }
.toc a { color: var(--ink); text-decoration: none; font-weight: 600; }
.toc a:hover { color: var(--brand-2); text-decoration: underline; }
main.wrap { padding-bottom: 40px; }
.report-section { margin-top: 20px; background: var(--card); border-radius: 10px; padding: 18px 22px 22px; box-shadow: 0 1px 4px rgba(16, 38, 66, 0.08); }
.report-section > h2 { margin: 0 0 14px; font-size: 20px; padding-left: 10px; border-left: 4px solid var(--brand-2); }
.report-section > h2 .count { color: var(--muted); font-weight: 400; font-size: 16px; }
.cards { display: grid; grid-template-columns: repeat(5, minmax(0, 1fr)); gap: 14px; }
.card { border: 1px solid var(--line); border-radius: 9px; padding: 12px 14px; background: #fbfcfe; }
.card-title { margin: 0; font-size: 13px; color: var(--muted); }
.card-value { margin: 2px 0 6px; font-size: 30px; font-weight: 700; font-variant-numeric: tabular-nums; color: var(--brand); }
.card-detail { margin: 6px 0 0; font-size: 12.5px; color: var(--muted); }
.meter { height: 7px; border-radius: 4px; background: var(--track); overflow: hidden; }
.meter span { display: block; height: 100%; background: var(--coverage); border-radius: 4px; }
.meter-inline { display: inline-block; width: 5em; vertical-align: middle; }
.task-coverage { margin: .3em 0 0; font-size: .85em; }
.card-fidelity .meter span { background: var(--fidelity); }
.card-appendix .meter span { background: #6d5bd0; }
.card-findings .card-value { color: var(--ink); }
.sev-pills { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(2, 1fr); gap: 4px; font-size: 12.5px; }
.sev-pills li { border-radius: 5px; padding: 1px 8px; display: flex; justify-content: space-between; }
.sev-high { --sev: var(--high); --sev-bg: var(--high-bg); }
.sev-medium { --sev: var(--medium); --sev-bg: var(--medium-bg); }
.sev-low { --sev: var(--low); --sev-bg: var(--low-bg); }
.sev-info { --sev: var(--info); --sev-bg: var(--info-bg); }
.sev-pills .sev, .badge.sev, .chip { color: var(--sev); background: var(--sev-bg); }
table.scopes { width: 100%; border-collapse: collapse; margin-top: 16px; font-size: 13px; font-variant-numeric: tabular-nums; }
.scopes th, .scopes td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: right; white-space: nowrap; }
.scopes th[scope="row"], .scopes thead th:first-child { text-align: left; }
.scopes thead th { color: var(--muted); font-weight: 600; background: #f7f9fb; }
.drift-line { margin: 10px 0 0; font-size: 13px; color: var(--muted); }
.drift-count { margin-right: 12px; }
.chart { margin: 0; }
.chart svg { display: block; max-width: 100%; height: auto; font-family: var(--font); font-size: 13px; }
.chart .label { text-anchor: end; fill: var(--ink); }
.chart .value { fill: var(--muted); font-size: 12px; font-variant-numeric: tabular-nums; }
.chart .tick { text-anchor: middle; fill: var(--muted); font-size: 11px; }
.chart .legend text { fill: var(--muted); font-size: 12px; }
.chart .grid line { stroke: var(--line); stroke-dasharray: 3 3; }
.chart .track { fill: var(--track); }
.chart .bar-coverage { fill: var(--coverage); }
.chart .bar-fidelity { fill: var(--fidelity); }
.chart a.chart-row:hover .label, .chart a.chart-row:focus .label { fill: var(--brand-2); text-decoration: underline; }
.legend-line { margin: 0 0 12px; font-size: 13px; color: var(--muted); display: flex; flex-wrap: wrap; gap: 6px 10px; align-items: center; }
.badge { display: inline-block; border-radius: 4px; padding: 0 6px; font-size: 12px; line-height: 20px; font-weight: 600; white-space: nowrap; margin-right: 6px; }
.rel-equivalent { background: #d1fadf; color: #05603a; }
.rel-reworded { background: #e0e7ff; color: #3538cd; }
.rel-partial { background: #fef0c7; color: #93370d; }
.badge-missing { background: var(--high-bg); color: var(--high); }
.badge-added { background: #dcfae6; color: #067647; }
.badge-required { background: #f2f4f7; color: var(--muted); font-weight: 500; }
.badge.kind { background: #f2f4f7; color: var(--ink); }
.badge.drift-label, .badge.change { background: #fff4e5; color: #9a4a00; }
ins { background: var(--ins-bg); color: var(--ins); text-decoration: none; border-radius: 3px; padding: 0 1px; }
del { background: var(--del-bg); color: var(--del); text-decoration: line-through; border-radius: 3px; padding: 0 1px; }
.columns-head { position: sticky; top: 40px; z-index: 2; display: grid; grid-template-columns: 1fr 1fr; gap: 12px; background: var(--card); padding: 6px 0; border-bottom: 2px solid var(--line); font-size: 13px; font-weight: 700; color: var(--muted); }
.align-group { margin-top: 18px; }
.align-group > h3 { margin: 0 0 8px; font-size: 16px; color: var(--brand); }
.group-stats { font-size: 12.5px; font-weight: 400; color: var(--muted); margin-left: 8px; }
.row { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; padding: 10px 0; border-bottom: 1px dashed var(--line); }
.cell { min-width: 0; padding: 8px 12px; border-radius: 8px; background: #fbfcfe; border: 1px solid var(--line); font-size: 14px; }
.cell:target { outline: 3px solid #f5b301; outline-offset: 2px; }
.cell-head { margin: 0 0 4px; }
.tid { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 12px; color: var(--muted); margin-right: 6px; }
.task-title { font-weight: 700; }
.task-text { margin: 0; overflow-wrap: anywhere; }
.task-meta { margin: 6px 0 0; font-size: 12.5px; color: var(--muted); display: flex; flex-wrap: wrap; gap: 2px 16px; }
.meta-name { color: var(--muted); }
.repeat { background: transparent; border-style: dashed; }
.see-above { margin: 0; font-size: 13px; }
.placeholder { display: flex; align-items: center; gap: 4px; border-style: dashed; color: var(--muted); font-size: 13px; }
.placeholder-missing { border-color: #f4a39b; background: #fff7f6; }
.placeholder-added { border-color: #8fd6ad; background: #f5fdf8; }
.row-missing .cell-parent { border-left: 4px solid var(--high); }
.row-added .cell-child { border-left: 4px solid #17b26a; }
.row-findings { grid-column: 1 / -1; margin: 0; font-size: 12.5px; display: flex; flex-wrap: wrap; gap: 4px 6px; align-items: center; }
.chip { border-radius: 10px; padding: 0 8px; text-decoration: none; font-weight: 600; }
.chip:hover { text-decoration: underline; }
.filters { display: grid; grid-template-columns: 1fr; gap: 10px 18px; padding: 12px 14px; margin-bottom: 12px; border: 1px solid var(--line); border-radius: 9px; background: #f8fafc; font-size: 13.5px; }
.filters fieldset { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.filters legend { float: left; font-weight: 700; margin-right: 6px; color: var(--muted); min-width: 4.5em; }
.toggle { display: inline-flex; align-items: center; gap: 4px; border: 1px solid var(--line); background: #fff; border-radius: 16px; padding: 2px 10px; cursor: pointer; user-select: none; }
.toggle:has(input:checked) { border-color: var(--brand-2); background: #e8f0fb; }
.toggle:has(input:disabled) { opacity: 0.5; cursor: default; }
.toggle .n { color: var(--muted); font-size: 12px; font-variant-numeric: tabular-nums; }
.filter-search { display: flex; gap: 8px; align-items: center; }
.filter-search label { font-weight: 700; color: var(--muted); }
.filter-search input { flex: 1; max-width: 420px; font: inherit; padding: 4px 10px; border: 1px solid #c3ccd8; border-radius: 6px; }
.filter-search button { font: inherit; padding: 4px 12px; border: 1px solid #c3ccd8; background: #fff; border-radius: 6px; cursor: pointer; }
.filter-status { margin: 0; color: var(--muted); }
.filter-status .hint { font-size: 12px; }
.findings { list-style: none; margin: 0; padding: 0; display: grid; gap: 10px; }
.finding { border: 1px solid var(--line); border-left: 4px solid var(--sev); border-radius: 8px; padding: 10px 14px; background: #fff; }
.finding:target { outline: 3px solid #f5b301; outline-offset: 2px; }
.finding-head { margin: 0 0 4px; display: flex; flex-wrap: wrap; gap: 4px; align-items: center; }
.task-link { font-size: 12.5px; margin-right: 8px; font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
.message { margin: 0; }
.drift, .changes { margin: 4px 0 0; font-size: 13px; }
.evidence { list-style: none; margin: 6px 0 0; padding: 0; font-size: 12.5px; color: var(--muted); }
.evidence li { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; line-clamp: 2; overflow: hidden; }
.review-bar { margin-top: 12px; }
.review-bar .wrap { display: flex; flex-wrap: wrap; gap: 6px 12px; align-items: center; font-size: 13.5px; }
.review-bar .wrap > * { flex: none; }
.review-bar input { font: inherit; padding: 3px 8px; border: 1px solid #c3ccd8; border-radius: 6px; width: 12em; }
.review-bar button, .review button { font: inherit; font-size: 13px; padding: 2px 12px; border: 1px solid #c3ccd8; background: #fff; border-radius: 6px; cursor: pointer; }
#review-export { background: var(--brand-2); border-color: var(--brand-2); color: #fff; font-weight: 600; }
.review-bar .hint { flex: 1 1 100%; color: var(--muted); font-size: 12px; }
.review { grid-column: 1 / -1; margin: 6px 0 0; display: flex; flex-wrap: wrap; gap: 6px; align-items: center; font-size: 13px; }
.review .review-reason { font: inherit; flex: 1 1 16em; max-width: 32em; padding: 2px 8px; border: 1px solid #c3ccd8; border-radius: 6px; }
.review button[aria-pressed="true"] { background: var(--brand-2); border-color: var(--brand-2); color: #fff; }
.review button:disabled, .review input:disabled { opacity: 0.5; cursor: default; }
.review-state { color: var(--muted); }
[data-review-state="waive"], [data-review-state="reject"] { opacity: 0.75; }
.in-force { margin: 4px 0 0; font-size: 13px; }
.badge-in-force { background: #e8f0fb; color: var(--brand); }
.empty { color: var(--muted); }
.report-footer { text-align: center; color: var(--muted); font-size: 12px; padding: 12px 0 30px; }
@media screen and (max-width: 900px) {
  .cards { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .docs { grid-template-columns: 1fr; }
  .docs-arrow { transform: rotate(90deg); }
  .row, .columns-head { grid-template-columns: 1fr; }
}
@page { size: A4; margin: 14mm 12mm; }
@media print {
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  html { scroll-behavior: auto; }
  body { background: #fff; font-size: 10pt; }
  .toc, .filters, #finding-empty, .review-bar, .review { display: none !important; }
  .wrap { max-width: none; padding: 0; }
  .masthead { padding: 12px 14px 48px; }
  .report-section { box-shadow: none; padding: 0; margin-top: 0; break-before: page; }
  #summary { break-before: auto; margin-top: 16px; }
  .cards { grid-template-columns: repeat(5, minmax(0, 1fr)); gap: 8px; }
  .card-value { font-size: 20pt; }
  .card-title { font-size: 9pt; }
  .columns-head { position: static; }
  .row, .finding, .card, .doc, .chart, .align-group > h3 { break-inside: avoid; }
  .evidence li { display: list-item; -webkit-line-clamp: none; line-clamp: none; overflow: visible; }
  .align-group > h3 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;
