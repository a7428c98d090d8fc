import type { Lang } from "../../model/lang.js";
import type { RunOverview } from "../../model/overview.js";
import type { FindingRef } from "../../model/run.js";
import { showBidiControls } from "../../text/bidi.js";
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
 * The overview of a run in Markdown: title and run id, the documents and how their parents were
 * chosen, notes, the league table (weakest first), a coverage heatmap per parent, the parent
 * tasks most often missing, chain traces, changes since the previous run and stale review
 * decisions. Document text is escaped; the output depends on the run and `lang` only.
 */
export function overviewMarkdown(run: RunOverview, lang: Lang): string {
  // Bidirectional controls in document text, ids or paths shown as visible marks (⟨U+202E⟩).
  return showBidiControls(
    `${[
      header(run, lang),
      inputs(run, lang),
      notes(run, lang),
      league(run, lang),
      heatmaps(run, lang),
      missing(run, lang),
      chains(run, lang),
      changes(run, lang),
      review(run, lang),
    ].join("\n\n")}\n`,
  );
}

const o = (key: keyof typeof OVERVIEW_TEXT, lang: Lang) => OVERVIEW_TEXT[key][lang];
const t = (key: keyof typeof TEXT, lang: Lang) => TEXT[key][lang];

function header(run: RunOverview, lang: Lang): string {
  return [
    `# ${o("overview", lang)}`,
    "",
    `- **${o("run", lang)}**: ${cell(run.id)}`,
    `- **${o("config", lang)}**: ${cell(run.config.path)}`,
  ].join("\n");
}

function inputs(run: RunOverview, lang: Lang): string {
  const rows = run.inputs.map((i) => {
    const how = `${label(RESOLUTION_LABELS, i.parentResolution.method, lang)}${i.parentResolution.detail ? `（${cell(i.parentResolution.detail)}）` : ""}`;
    return row([
      cell(i.id),
      cell(i.title ?? "—"),
      cell(i.docNumber ?? "—"),
      label(LEVEL_LABELS, i.level, lang),
      cell(i.parent ?? "—"),
      how,
    ]);
  });
  return [
    `## ${o("inputs", lang)}`,
    "",
    ...table(
      [
        o("id", lang),
        t("title", lang),
        t("docNumber", lang),
        t("level", lang),
        o("parent", lang),
        o("resolution", lang),
      ],
      rows,
    ),
  ].join("\n");
}

function notes(run: RunOverview, lang: Lang): string {
  const lines = run.notes.map((n) => `- ${cell(n)}`);
  return [`## ${o("notes", lang)}`, "", ...(lines.length > 0 ? lines : [t("none", lang)])].join(
    "\n",
  );
}

function league(run: RunOverview, lang: Lang): string {
  const safeguards = hasSafeguardsColumn(run);
  const rows = run.league.map((r, i) =>
    row([
      String(i + 1),
      cell(r.child),
      cell(r.childTitle ?? "—"),
      cell(r.parent),
      label(LEVEL_LABELS, r.level, lang),
      percent(r.coverage),
      percent(r.requiredCoverage),
      r.tableCoverage === null ? "—" : percent(r.tableCoverage),
      ...(safeguards ? [r.safeguardsCoverage === null ? "—" : percent(r.safeguardsCoverage)] : []),
      percent(r.fidelity),
      `${r.findings} / ${r.high}${r.waived > 0 ? `（${o("waived", lang)} ${r.waived}）` : ""}`,
      String(r.newFindings),
      r.reports.map(link).join(" · ") || "—",
    ]),
  );
  return [
    `## ${o("league", lang)}`,
    "",
    ...(rows.length > 0
      ? table(
          [
            o("rank", lang),
            o("id", lang),
            t("childPlan", lang),
            o("parent", lang),
            t("level", lang),
            `${t("body", lang)}${t("coverage", lang)}`,
            t("requiredCoverage", lang),
            o("tableCoverage", lang),
            ...(safeguards ? [o("safeguardsCoverage", lang)] : []),
            t("fidelity", lang),
            `${t("findings", lang)} / ${o("high", lang)}`,
            o("newFindings", lang),
            o("reports", lang),
          ],
          rows,
        )
      : [t("none", lang)]),
  ].join("\n");
}

function heatmaps(run: RunOverview, lang: Lang): string {
  const maps = run.heatmaps.filter((m) => m.columns.length > 0 && m.rows.length > 0);
  const out = [`## ${o("heatmap", lang)}`, "", o("heatmapDesc", lang)];
  if (maps.length === 0) out.push("", o("noHeatmap", lang));
  for (const map of maps) {
    out.push(
      "",
      `### ${t("parentPlan", lang)}: ${cell(map.parentTitle ?? map.parent)}（${cell(map.parent)}）`,
      "",
    );
    append(
      out,
      table(
        [t("childPlan", lang), ...map.columns.map((c) => String(c.section))],
        map.rows.map((r) =>
          row([
            cell(r.child),
            ...r.cells.map((c) =>
              c.value === null
                ? o("notCompared", lang)
                : `${percent(c.value)} (${c.carried}/${c.tasks})`,
            ),
          ]),
        ),
      ),
    );
    out.push("");
    append(
      out,
      map.columns.map((c) => `- **${c.section}** ${cell(c.title)}`),
    );
  }
  return out.join("\n");
}

function missing(run: RunOverview, lang: Lang): string {
  const list = run.mostMissing;
  const rows = list.map((m) =>
    row([
      cell(m.parent),
      cell(m.task),
      cell(m.title ?? m.message),
      String(m.count),
      m.children.map(cell).join("、"),
    ]),
  );
  return [
    `## ${o("mostMissing", lang)}`,
    "",
    ...(rows.length > 0
      ? table(
          [
            o("parent", lang),
            o("task", lang),
            t("title", lang),
            o("count", lang),
            o("children", lang),
          ],
          rows,
        )
      : [o("noMissing", lang)]),
  ].join("\n");
}

function chains(run: RunOverview, lang: Lang): string {
  const views = run.chains;
  const out = [`## ${o("chains", lang)}`];
  if (views.length === 0) return [...out, "", o("noChains", lang)].join("\n");
  for (const view of views) {
    const path = view.documents
      .map((d) => `${label(LEVEL_LABELS, d.level, lang)} ${cell(d.id)}`)
      .join(" → ");
    out.push("", `### ${path}`, "");
    out.push(
      `${sayOverview("chainSummary", lang, { n: view.rows.length, reached: view.reached })}`,
      "",
    );
    const below = view.documents.slice(1);
    append(
      out,
      table(
        [
          o("task", lang),
          t("title", lang),
          ...below.map((d) => `${label(LEVEL_LABELS, d.level, lang)} ${cell(d.id)}`),
          o("lostAt", lang),
        ],
        view.rows.map((r) =>
          row([
            cell(r.task),
            cell(r.title),
            ...r.steps.map((ids) =>
              ids.length > 0 ? ids.map(cell).join(", ") : `— ${o("lost", lang)}`,
            ),
            r.lostAt === null ? o("reachesBottom", lang) : cell(r.lostAt),
          ]),
        ),
      ),
    );
  }
  return out.join("\n");
}

function changes(run: RunOverview, lang: Lang): string {
  const out = [`## ${o("changes", lang)}`, ""];
  const c = run.changes;
  if (c === null) return [...out, o("firstRun", lang)].join("\n");
  out.push(`- **${o("previous", lang)}**: ${cell(c.previous ?? "—")}`);
  out.push("", `### ${o("newFindingsTitle", lang)}（${c.newFindings.length}）`, "");
  append(out, findingTable(c.newFindings, lang));
  out.push("", `### ${o("resolvedFindings", lang)}（${c.resolvedFindings.length}）`, "");
  append(out, findingTable(c.resolvedFindings, lang));
  out.push("", `### ${o("scoreChanges", lang)}（${c.scoreChanges.length}）`, "");
  append(
    out,
    c.scoreChanges.length > 0
      ? table(
          [
            o("pair", lang),
            o("field", lang),
            o("before", lang),
            o("after", lang),
            o("delta", lang),
          ],
          c.scoreChanges.map((s) =>
            row([
              cell(s.pair),
              cell(fieldLabel(s.field, lang)),
              formatScore(s.field, s.before),
              formatScore(s.field, s.after),
              formatDelta(s.field, s.before, s.after, lang),
            ]),
          ),
        )
      : [t("none", lang)],
  );
  return out.join("\n");
}

/** Appends lines one by one: a spread into push() fails on hundreds of thousands of lines. */
function append(out: string[], lines: readonly string[]): void {
  for (const line of lines) out.push(line);
}

function findingTable(list: (FindingRef & { pair: string })[], lang: Lang): string[] {
  if (list.length === 0) return [t("none", lang)];
  return table(
    [
      o("pair", lang),
      t("kind", lang),
      t("severity", lang),
      t("parentTask", lang),
      t("childTask", lang),
      t("message", lang),
    ],
    list.map((f) =>
      row([
        cell(f.pair),
        label(KIND_LABELS, f.kind, lang),
        `${label(SEVERITY_LABELS, f.severity, lang)}${f.waived ? `（${o("waived", lang)}）` : ""}`,
        cell(f.parent ?? "—"),
        cell(f.child ?? "—"),
        cell(f.message),
      ]),
    ),
  );
}

function review(run: RunOverview, lang: Lang): string {
  const stale = run.review.stale;
  return [
    `## ${o("review", lang)}`,
    "",
    sayOverview("reviewApplied", lang, { n: run.review.applied }),
    "",
    `### ${o("staleDecisions", lang)}（${stale.length}）`,
    "",
    ...(stale.length > 0
      ? table(
          [o("decision", lang), o("reason", lang)],
          stale.map((s) => row([String(s.index), cell(s.reason)])),
        )
      : [o("noStale", lang)]),
  ].join("\n");
}

/** A link to a report of a pair (plain text when the path is not a safe relative one). */
function link(path: string): string {
  const href = reportHref(path);
  const name = cell(reportName(path));
  return href === null ? name : `[${name}](${href})`;
}

function table(head: string[], rows: string[]): string[] {
  return [row(head), `|${head.map(() => "---").join("|")}|`, ...rows];
}

function row(cells: string[]): string {
  return `| ${cells.join(" | ")} |`;
}

/** Escapes Markdown syntax in document text, including a list or heading marker at its start. */
function text(s: string): string {
  return s
    .replace(/([\\`*_[\]<>#|~&!])/g, "\\$1")
    .replace(/^([-+=])/, "\\$1")
    .replace(/^(\d+)([.)])/, "$1\\$2");
}

/** Text for a table cell or a list item: escaped, one line. */
function cell(s: string): string {
  return text(s).replace(/\r?\n/g, "<br>");
}
