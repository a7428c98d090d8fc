import type { Lang } from "../../model/lang.js";
import type {
  ChainView,
  Heatmap,
  HeatmapCell,
  LeagueRow,
  RunOverview,
} from "../../model/overview.js";
import type { FindingRef } from "../../model/run.js";
import { h, type SafeHtml, trusted } from "../html/markup.js";
import { STYLE } from "../html/style.js";
import {
  KIND_LABELS,
  LEVEL_LABELS,
  label,
  percent,
  SEVERITY_LABELS,
  TEXT,
} from "../shared/labels.js";
import {
  fieldLabel,
  formatDelta,
  formatScore,
  hasSafeguardsColumn,
  OVERVIEW_TEXT,
  RESOLUTION_LABELS,
  reportHref,
  reportName,
  sayOverview,
} from "./text.js";

/**
 * The overview of a run as one self-contained HTML page (inline CSS, inline SVG, no script, no
 * network): the same sections as `overviewMarkdown`, each pair linked to its report files
 * (relative to the run directory), the coverage heatmap drawn as SVG cells with titles. All
 * document text is escaped; the output depends on the run and `lang` only.
 */
export function overviewHtml(run: RunOverview, lang: Lang): string {
  const sections: [string, string, SafeHtml][] = [
    ["inputs", o("inputs", lang), inputs(run, lang)],
    ["notes", o("notes", lang), notes(run, lang)],
    ["league", o("league", lang), league(run, lang)],
    ["heatmap", o("heatmap", lang), heatmaps(run, lang)],
    ["missing", o("mostMissing", lang), missing(run, lang)],
    ["chains", o("chains", lang), chains(run, lang)],
    ["changes", o("changes", lang), changes(run, lang)],
    ["review", o("review", lang), review(run, lang)],
  ];
  const page = h`<!DOCTYPE html>
<html lang="${lang === "zh" ? "zh-CN" : "en"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${o("overview", lang)} · ${run.id}</title>
<style>${trusted(STYLE)}${trusted(OVERVIEW_STYLE)}</style>
</head>
<body class="overview">
<header class="masthead"><div class="wrap">
<p class="eyebrow">plandiff</p>
<h1>${o("overview", lang)}</h1>
<p class="subtitle">${o("run", lang)}: ${run.id} · ${o("config", lang)}: ${run.config.path}</p>
</div></header>
<nav class="toc" aria-label="${lang === "zh" ? "目录" : "Contents"}"><div class="wrap">${sections.map(
    ([id, title]) => h`<a href="#${id}">${title}</a>`,
  )}</div></nav>
<main class="wrap">
${sections.map(
  ([id, title, body]) => h`<section id="${id}" class="report-section" aria-labelledby="${id}-h">
<h2 id="${id}-h">${title}</h2>
${body}
</section>
`,
)}</main>
<footer class="report-footer">${o("generated", lang)}</footer>
</body>
</html>
`;
  return page.value;
}

/** Layout of the overview on top of the comparison report's stylesheet. */
const OVERVIEW_STYLE = `
.overview .masthead { padding-bottom: 22px; }
.overview .toc { margin-top: 0; }
.overview .toc .wrap { flex-wrap: wrap; gap: 6px 18px; }
table.grid { width: 100%; border-collapse: collapse; font-size: 13px; margin: 0 0 8px; }
.grid th, .grid td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
.grid thead th { color: var(--muted); font-weight: 600; background: #f7f9fb; white-space: nowrap; }
.grid td.num, .grid th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.grid .id { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 12px; white-space: nowrap; }
.grid .weak { color: var(--high); font-weight: 700; }
.report-links a { margin-right: 8px; white-space: nowrap; }
.muted { color: var(--muted); }
.report-section h3 { font-size: 16px; color: var(--brand); margin: 18px 0 8px; }
.heatmap svg { display: block; max-width: 100%; height: auto; font-family: var(--font); font-size: 12px; }
.heatmap .row-label { text-anchor: end; fill: var(--ink); }
.heatmap .col-label { text-anchor: middle; fill: var(--muted); font-weight: 600; }
.heatmap .cell-value { text-anchor: middle; fill: #1f2933; font-variant-numeric: tabular-nums; }
.heatmap rect.cell { stroke: #fff; stroke-width: 2; }
.hm-key { margin: 6px 0 0; padding-left: 0; list-style: none; font-size: 12.5px; color: var(--muted); columns: 2 320px; }
.hm-legend { display: flex; flex-wrap: wrap; gap: 4px 14px; margin: 0 0 8px; font-size: 12.5px; color: var(--muted); }
.hm-legend span::before { content: ""; display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin-right: 4px; vertical-align: -2px; background: var(--swatch); }
.lost { color: var(--high); }
.reached { color: #067647; }
@media print { .heatmap, table.grid tr { break-inside: avoid; } }
`;

const o = (key: keyof typeof OVERVIEW_TEXT, lang: Lang) => OVERVIEW_TEXT[key][lang];
const t = (key: keyof typeof TEXT, lang: Lang) => TEXT[key][lang];

function inputs(run: RunOverview, lang: Lang): SafeHtml {
  return table(
    [
      o("id", lang),
      t("title", lang),
      t("docNumber", lang),
      t("level", lang),
      o("parent", lang),
      o("resolution", lang),
    ],
    run.inputs.map(
      (i) =>
        h`<tr><td class="id">${i.id}</td><td>${i.title ?? "—"}</td><td>${i.docNumber ?? "—"}</td><td>${label(LEVEL_LABELS, i.level, lang)}</td><td class="id">${i.parent ?? "—"}</td><td>${label(RESOLUTION_LABELS, i.parentResolution.method, lang)}${i.parentResolution.detail ? h` <span class="muted">（${i.parentResolution.detail}）</span>` : ""}</td></tr>`,
    ),
  );
}

function notes(run: RunOverview, lang: Lang): SafeHtml {
  if (run.notes.length === 0) return h`<p class="empty">${t("none", lang)}</p>`;
  return h`<ul>${run.notes.map((n) => h`<li>${n}</li>`)}</ul>`;
}

function league(run: RunOverview, lang: Lang): SafeHtml {
  const rows = run.league;
  if (rows.length === 0) return h`<p class="empty">${t("none", lang)}</p>`;
  const safeguards = hasSafeguardsColumn(run);
  return table(
    [
      o("rank", lang),
      o("id", lang),
      t("childPlan", lang),
      o("parent", lang),
      t("level", lang),
      num(`${t("body", lang)}${t("coverage", lang)}`),
      num(t("requiredCoverage", lang)),
      num(o("tableCoverage", lang)),
      ...(safeguards ? [num(o("safeguardsCoverage", lang))] : []),
      num(t("fidelity", lang)),
      num(`${t("findings", lang)} / ${o("high", lang)}`),
      num(o("newFindings", lang)),
      o("reports", lang),
    ],
    rows.map((r, i) => leagueRow(r, i, lang, safeguards)),
  );
}

function leagueRow(r: LeagueRow, index: number, lang: Lang, safeguards: boolean): SafeHtml {
  const links = r.reports.flatMap((path) => {
    const href = reportHref(path);
    return href === null ? [] : [h`<a href="${href}">${reportName(path)}</a>`];
  });
  const main = r.reports.map(reportHref).find((href) => href?.endsWith(".html")) ?? null;
  const id = main === null ? h`${r.child}` : h`<a href="${main}">${r.child}</a>`;
  const ratio = (x: number) => h`<td class="num${x < 0.8 ? " weak" : ""}">${percent(x)}</td>`;
  const optionalRatio = (x: number | null) => (x === null ? h`<td class="num">—</td>` : ratio(x));
  return h`<tr><td class="num">${index + 1}</td><td class="id">${id}</td><td>${r.childTitle ?? "—"}</td><td class="id">${r.parent}</td><td>${label(LEVEL_LABELS, r.level, lang)}</td>${ratio(r.coverage)}${ratio(r.requiredCoverage)}${optionalRatio(r.tableCoverage)}${safeguards ? optionalRatio(r.safeguardsCoverage) : ""}${ratio(r.fidelity)}<td class="num">${r.findings} / ${r.high}${r.waived > 0 ? h` <span class="muted">（${o("waived", lang)} ${r.waived}）</span>` : ""}</td><td class="num">${r.newFindings}</td><td class="report-links">${links.length > 0 ? links : "—"}</td></tr>`;
}

/** Geometry of a heatmap, in SVG user units. */
const HEAT = { labelWidth: 250, cellWidth: 74, cellHeight: 34, top: 30, maxLabel: 14 } as const;

/** Colour bins of the heatmap, from the weakest; each with its lower bound. */
const BINS = [
  { from: 0, color: "#fda29b", zh: "低于 50%", en: "below 50%" },
  { from: 0.5, color: "#fec84b", zh: "50%–80%", en: "50%–80%" },
  { from: 0.8, color: "#a6ef67", zh: "80%–100%", en: "80%–100%" },
  { from: 1, color: "#47cd89", zh: "100%", en: "100%" },
] as const;
const NOT_COMPARED = "#eef1f5";

function colorOf(value: number | null): string {
  if (value === null) return NOT_COMPARED;
  let color: string = BINS[0].color;
  for (const bin of BINS) if (value >= bin.from) color = bin.color;
  return color;
}

function heatmaps(run: RunOverview, lang: Lang): SafeHtml {
  const maps = run.heatmaps.filter((m) => m.columns.length > 0 && m.rows.length > 0);
  if (maps.length === 0) return h`<p class="empty">${o("noHeatmap", lang)}</p>`;
  const legend = h`<p class="hm-legend" aria-hidden="true">${BINS.map(
    (b) => h`<span style="--swatch: ${b.color}">${b[lang]}</span>`,
  )}<span style="--swatch: ${NOT_COMPARED}">${o("notCompared", lang)}</span></p>`;
  return h`<p>${o("heatmapDesc", lang)}</p>
${legend}
${maps.map((map, i) => heatmapFigure(map, i, lang))}`;
}

function heatmapFigure(map: Heatmap, index: number, lang: Lang): SafeHtml {
  const width = HEAT.labelWidth + map.columns.length * HEAT.cellWidth + 8;
  const height = HEAT.top + map.rows.length * HEAT.cellHeight + 4;
  const titleId = `hm-${index + 1}-title`;
  const descId = `hm-${index + 1}-desc`;
  const parentName = map.parentTitle ?? map.parent;
  const columns = map.columns.map((c, j) => {
    const x = HEAT.labelWidth + j * HEAT.cellWidth + HEAT.cellWidth / 2;
    return h`<text class="col-label" x="${x}" y="${HEAT.top - 10}"><title>${c.section}. ${c.title}</title>${c.section}</text>`;
  });
  const rows = map.rows.map((row, r) => {
    const y = HEAT.top + r * HEAT.cellHeight;
    const name = row.childTitle ?? row.child;
    const cells = row.cells.map((cell, j) =>
      heatCell(
        cell,
        map.columns[j]?.title ?? "",
        row.child,
        HEAT.labelWidth + j * HEAT.cellWidth,
        y,
        lang,
      ),
    );
    return h`<g class="hm-row"><text class="row-label" x="${HEAT.labelWidth - 8}" y="${y + HEAT.cellHeight / 2 + 4}"><title>${row.child}: ${name}</title>${row.child} ${shorten(row.childTitle ?? "", HEAT.maxLabel)}</text>${cells}</g>`;
  });
  const desc = map.rows
    .map(
      (row) =>
        `${row.child}: ${row.cells.map((c) => `${c.section} ${c.value === null ? o("notCompared", lang) : percent(c.value)}`).join(", ")}`,
    )
    .join("; ");
  return h`<h3>${t("parentPlan", lang)}: ${parentName} <span class="muted id">（${map.parent}）</span></h3>
<figure class="heatmap">
<svg xmlns="http://www.w3.org/2000/svg" role="group" aria-labelledby="${titleId} ${descId}" viewBox="0 0 ${width} ${height}" width="${width}" preserveAspectRatio="xMinYMin meet">
<title id="${titleId}">${o("heatmap", lang)}: ${parentName}</title>
<desc id="${descId}">${o("heatmapDesc", lang)} ${desc}</desc>
<g aria-hidden="true">${columns}</g>
${rows}
</svg>
<ol class="hm-key">${map.columns.map((c) => h`<li><strong>${c.section}</strong> ${c.title}</li>`)}</ol>
</figure>`;
}

function heatCell(
  cell: HeatmapCell,
  sectionTitle: string,
  child: string,
  x: number,
  y: number,
  lang: Lang,
): SafeHtml {
  const value = cell.value === null ? "—" : percent(cell.value);
  const detail =
    cell.value === null
      ? o("notCompared", lang)
      : `${value} (${t("carried", lang)} ${cell.carried}/${cell.tasks}${cell.fidelity === null ? "" : `, ${t("fidelity", lang)} ${percent(cell.fidelity)}`})`;
  return h`<g class="hm-cell" role="img"><title>${child} · ${cell.section}. ${sectionTitle}: ${detail}</title><rect class="cell" x="${x}" y="${y}" width="${HEAT.cellWidth}" height="${HEAT.cellHeight}" rx="3" fill="${colorOf(cell.value)}"/><text class="cell-value" x="${x + HEAT.cellWidth / 2}" y="${y + HEAT.cellHeight / 2 + 4}">${value}</text></g>`;
}

function missing(run: RunOverview, lang: Lang): SafeHtml {
  const list = run.mostMissing;
  if (list.length === 0) return h`<p class="empty">${o("noMissing", lang)}</p>`;
  return table(
    [
      o("parent", lang),
      o("task", lang),
      t("title", lang),
      num(o("count", lang)),
      o("children", lang),
    ],
    list.map(
      (m) =>
        h`<tr><td class="id">${m.parent}</td><td class="id">${m.task}</td><td>${m.title ?? m.message}</td><td class="num">${m.count}</td><td>${m.children.map((c, i) => h`${i > 0 ? "、" : ""}<span class="id">${c}</span>`)}</td></tr>`,
    ),
  );
}

function chains(run: RunOverview, lang: Lang): SafeHtml {
  const views = run.chains;
  if (views.length === 0) return h`<p class="empty">${o("noChains", lang)}</p>`;
  return h`${views.map((v) => chain(v, lang))}`;
}

function chain(view: ChainView, lang: Lang): SafeHtml {
  const levelName = (d: ChainView["documents"][number]) =>
    `${label(LEVEL_LABELS, d.level, lang)} ${d.id}`;
  const below = view.documents.slice(1);
  return h`<h3>${view.documents.map((d, i) => h`${i > 0 ? " → " : ""}<span title="${d.title ?? d.id}">${levelName(d)}</span>`)}</h3>
<p>${sayOverview("chainSummary", lang, { n: view.rows.length, reached: view.reached })}</p>
${table(
  [o("task", lang), t("title", lang), ...below.map(levelName), o("lostAt", lang)],
  view.rows.map(
    (r) =>
      h`<tr><td class="id">${r.task}</td><td>${r.title}</td>${r.steps.map((ids) => (ids.length > 0 ? h`<td class="id">${ids.join(", ")}</td>` : h`<td class="lost">— ${o("lost", lang)}</td>`))}${r.lostAt === null ? h`<td class="reached">${o("reachesBottom", lang)}</td>` : h`<td class="lost id">${r.lostAt}</td>`}</tr>`,
  ),
)}`;
}

function changes(run: RunOverview, lang: Lang): SafeHtml {
  const c = run.changes;
  if (c === null) return h`<p class="empty">${o("firstRun", lang)}</p>`;
  const scores =
    c.scoreChanges.length === 0
      ? h`<p class="empty">${t("none", lang)}</p>`
      : table(
          [
            o("pair", lang),
            o("field", lang),
            num(o("before", lang)),
            num(o("after", lang)),
            num(o("delta", lang)),
          ],
          c.scoreChanges.map(
            (s) =>
              h`<tr><td class="id">${s.pair}</td><td>${fieldLabel(s.field, lang)}</td><td class="num">${formatScore(s.field, s.before)}</td><td class="num">${formatScore(s.field, s.after)}</td><td class="num${s.after < s.before ? " weak" : ""}">${formatDelta(s.field, s.before, s.after, lang)}</td></tr>`,
          ),
        );
  return h`<p>${o("previous", lang)}: <span class="id">${c.previous ?? "—"}</span></p>
<h3>${o("newFindingsTitle", lang)} <span class="muted">（${c.newFindings.length}）</span></h3>
${findingTable(c.newFindings, lang)}
<h3>${o("resolvedFindings", lang)} <span class="muted">（${c.resolvedFindings.length}）</span></h3>
${findingTable(c.resolvedFindings, lang)}
<h3>${o("scoreChanges", lang)} <span class="muted">（${c.scoreChanges.length}）</span></h3>
${scores}`;
}

function findingTable(list: (FindingRef & { pair: string })[], lang: Lang): SafeHtml {
  if (list.length === 0) return h`<p class="empty">${t("none", lang)}</p>`;
  return table(
    [
      o("pair", lang),
      t("kind", lang),
      t("severity", lang),
      t("parentTask", lang),
      t("childTask", lang),
      t("message", lang),
    ],
    list.map(
      (f) =>
        h`<tr><td class="id">${f.pair}</td><td><span class="badge kind">${label(KIND_LABELS, f.kind, lang)}</span></td><td><span class="badge sev sev-${f.severity}">${label(SEVERITY_LABELS, f.severity, lang)}</span>${f.waived ? h` <span class="muted">${o("waived", lang)}</span>` : ""}</td><td class="id">${f.parent ?? "—"}</td><td class="id">${f.child ?? "—"}</td><td>${f.message}</td></tr>`,
    ),
  );
}

function review(run: RunOverview, lang: Lang): SafeHtml {
  const stale = run.review.stale;
  return h`<p>${sayOverview("reviewApplied", lang, { n: run.review.applied })}</p>
<h3>${o("staleDecisions", lang)} <span class="muted">（${stale.length}）</span></h3>
${
  stale.length === 0
    ? h`<p class="empty">${o("noStale", lang)}</p>`
    : table(
        [o("decision", lang), o("reason", lang)],
        stale.map((s) => h`<tr><td class="num">${s.index}</td><td>${s.reason}</td></tr>`),
      )
}`;
}

/** A column heading of a numeric column (right-aligned). */
interface NumericHead {
  num: string;
}

function num(text: string): NumericHead {
  return { num: text };
}

function table(head: (string | NumericHead)[], rows: SafeHtml[]): SafeHtml {
  const ths = head.map((c) =>
    typeof c === "string"
      ? h`<th scope="col">${c}</th>`
      : h`<th scope="col" class="num">${c.num}</th>`,
  );
  return h`<table class="grid"><thead><tr>${ths}</tr></thead><tbody>${rows}</tbody></table>`;
}

/** At most `max` characters, with an ellipsis when cut. */
function shorten(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join("")}…`;
}
