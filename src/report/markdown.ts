import type { CompareResult, ScopeSummary } from "../model/compare.js";
import type { PlanDocument } from "../model/document.js";
import type { DiffPart, Finding } from "../model/finding.js";
import type { Lang } from "../model/lang.js";
import { showBidiControls } from "../text/bidi.js";
import type { Formatter } from "./formatter.js";
import {
  carriersText,
  DRIFT_LABELS,
  KIND_LABELS,
  LEVEL_LABELS,
  label,
  percent,
  SEVERITY_LABELS,
  TEXT,
  verdictLine,
} from "./shared/labels.js";
import { LEGEND_TITLE, legend } from "./shared/legend.js";
import { hasSafeguards, reportScopes } from "./shared/scopes.js";

/**
 * A gap report for GitHub and Markdown viewers: both documents, the summary numbers, a table per
 * section, then findings grouped by kind with both wordings, deadline drifts as a table.
 */
export const markdown: Formatter = (result, { lang }) =>
  // Bidirectional controls in document text or file names shown as visible marks (⟨U+202E⟩).
  showBidiControls(
    `${[header(result, lang), summary(result, lang), sections(result, lang), coverage(result, lang), findings(result, lang), legendMarkdown(result, lang)].filter((part) => part !== "").join("\n\n")}\n`,
  );

const t = (key: keyof typeof TEXT, lang: Lang) => TEXT[key][lang];

function header(result: CompareResult, lang: Lang): string {
  const row = (name: string, get: (d: PlanDocument) => string | null) =>
    `| ${name} | ${cell(get(result.parent) ?? "—")} | ${cell(get(result.child) ?? "—")} |`;
  return [
    `# ${t("report", lang)}`,
    "",
    verdictMarkdown(result, lang),
    "",
    `| | ${t("parentPlan", lang)} | ${t("childPlan", lang)} |`,
    "|---|---|---|",
    row(t("file", lang), (d) => d.file),
    row(t("title", lang), (d) => d.title),
    row(t("docNumber", lang), (d) => d.docNumber),
    row(t("issuer", lang), (d) => d.issuer),
    row(t("level", lang), (d) => label(LEVEL_LABELS, d.level, lang)),
    row(t("date", lang), (d) => d.date),
  ].join("\n");
}

/** The pair verdict, first: a warning quote when the two documents are not a parent and its child. */
function verdictMarkdown(result: CompareResult, lang: Lang): string {
  const { warn, text } = verdictLine(result.summary.pair, lang);
  return warn ? `> **⚠ ${cell(text)}**` : `> ${cell(text)}`;
}

function summary(result: CompareResult, lang: Lang): string {
  const { fidelity, findings } = result.summary;
  const scope = (name: string, s: ScopeSummary) =>
    `| ${name} | ${s.parentTasks} | ${s.carried} | ${percent(s.coverage)} | ${s.obligatoryCarried}/${s.obligatory} | ${percent(s.requiredCoverage)} | ${s.missing.length} | ${s.added.length} |`;
  const bySeverity = (Object.keys(findings.bySeverity) as Finding["severity"][])
    .map((s) => `${label(SEVERITY_LABELS, s, lang)} ${findings.bySeverity[s]}`)
    .join(" · ");
  const byKind = Object.entries(findings.byKind)
    .map(([k, n]) => `${label(KIND_LABELS, k, lang)} ${n}`)
    .join(" · ");
  return [
    `## ${t("summary", lang)}`,
    "",
    `| | ${t("tasks", lang)} | ${t("carried", lang)} | ${t("coverage", lang)} | ${lang === "zh" ? "应落实" : "obligatory"} | ${t("requiredCoverage", lang)} | ${t("missingTasks", lang)} | ${t("addedTasks", lang)} |`,
    "|---|---|---|---|---|---|---|---|",
    ...reportScopes(result.summary).map((key) => scope(t(key, lang), result.summary[key])),
    "",
    `- **${t("fidelity", lang)}**: ${percent(fidelity)}`,
    `- **${t("findings", lang)}** (${findings.total}): ${bySeverity}`,
    `- ${byKind || t("none", lang)}`,
  ].join("\n");
}

function sections(result: CompareResult, lang: Lang): string {
  const rows = result.summary.sections.map(
    (s) =>
      `| ${s.parent} | ${cell(s.title)} | ${s.child ?? "—"} | ${s.tasks} | ${s.carried} | ${percent(s.fidelity)} |`,
  );
  return [
    `## ${t("sections", lang)}`,
    "",
    `| ${t("section", lang)} | ${t("title", lang)} | ${t("childPlan", lang)} | ${t("tasks", lang)} | ${t("carried", lang)} | ${t("fidelity", lang)} |`,
    "|---|---|---|---|---|---|",
    ...rows,
  ].join("\n");
}

/** One row per parent body / safeguard task: its coverage and the child tasks carrying it. */
/** What the report's words mean (shared/legend.ts). */
function legendMarkdown(result: CompareResult, lang: Lang): string {
  const colon = lang === "zh" ? "：" : ": ";
  return [
    `## ${LEGEND_TITLE[lang]}`,
    "",
    ...legend(lang, hasSafeguards(result.summary)).map((e) => `- **${e.term}**${colon}${e.text}`),
  ].join("\n");
}

function coverage(result: CompareResult, lang: Lang): string {
  if (result.coverage.length === 0) return "";
  const tasks = new Map(result.parent.tasks.map((task) => [task.id, task]));
  const rows = result.coverage.map(
    (c) =>
      `| ${c.parent} | ${cell(tasks.get(c.parent)?.title ?? "")} | ${percent(c.coverage)} | ${cell(carriersText(c.carriedBy, lang)) || "—"} |`,
  );
  return [
    `## ${t("taskCoverageTitle", lang)}`,
    "",
    t("taskCoverageNote", lang),
    "",
    `| ${t("parentTask", lang)} | ${t("title", lang)} | ${t("taskCoverage", lang)} | ${t("carriedBy", lang)} |`,
    "|---|---|---|---|",
    ...rows,
  ].join("\n");
}

function findings(result: CompareResult, lang: Lang): string {
  const out = [`## ${t("findings", lang)}`];
  const order = Object.keys(KIND_LABELS);
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  const kinds = [...new Set(result.findings.map((f) => f.kind))].sort(
    (a, b) => rank(a) - rank(b) || (a < b ? -1 : 1),
  );
  for (const kind of kinds) {
    const list = result.findings.filter((f) => f.kind === kind);
    out.push("", `### ${label(KIND_LABELS, kind, lang)}（${list.length}）`, "");
    out.push(
      kind === "deadline-drift"
        ? driftTable(list, lang)
        : list.map((f) => findingBlock(result, f, lang)).join("\n\n"),
    );
  }
  if (kinds.length === 0) out.push("", t("none", lang));
  return out.join("\n");
}

function findingBlock(result: CompareResult, f: Finding, lang: Lang): string {
  const lines = [`- **[${label(SEVERITY_LABELS, f.severity, lang)}]** ${text(f.message)}`];
  const p = f.parent ? result.parent.tasks.find((x) => x.id === f.parent) : undefined;
  const c = f.child ? result.child.tasks.find((x) => x.id === f.child) : undefined;
  if (f.diff.length > 0) {
    lines.push(`  - ${lang === "zh" ? "改动" : "Changes"}: ${diffText(f.diff)}`);
  }
  if (p && c) {
    lines.push(
      "",
      `  | ${t("parentText", lang)} (${p.id}) | ${t("childText", lang)} (${c.id}) |`,
      "  |---|---|",
    );
    lines.push(`  | ${cell(p.text)} | ${cell(c.text)} |`);
  } else if (p || c) {
    const task = (p ?? c) as NonNullable<typeof p>;
    lines.push(`  > ${text(task.text).replace(/\n/g, "\n  > ")}`);
  }
  return lines.join("\n");
}

function driftTable(list: Finding[], lang: Lang): string {
  const rows = list.map(
    (f) =>
      `| ${f.parent ?? ""} | ${f.child ?? ""} | ${cell(f.drift?.parent || "—")} | ${cell(f.drift?.child || "—")} | ${label(DRIFT_LABELS, f.drift?.label ?? "", lang)} | ${f.drift?.days ?? ""} | ${label(SEVERITY_LABELS, f.severity, lang)} |`,
  );
  return [
    `| ${t("parentTask", lang)} | ${t("childTask", lang)} | ${t("parentDeadline", lang)} | ${t("childDeadline", lang)} | ${t("drift", lang)} | ${t("days", lang)} | ${t("severity", lang)} |`,
    "|---|---|---|---|---|---|---|",
    ...rows,
  ].join("\n");
}

/** Word-level changes: ~~removed~~ and **added**, kept words as they are. */
function diffText(parts: DiffPart[]): string {
  return parts
    .map((p) =>
      p.op === "=" ? text(p.text) : p.op === "-" ? `~~${text(p.text)}~~` : `**${text(p.text)}**`,
    )
    .join("");
}

/** Escapes Markdown syntax characters in document text. */
function text(s: string): string {
  return s.replace(/([\\`*_[\]<>#|~])/g, "\\$1");
}

/** Text for a table cell: escaped, one line. */
function cell(s: string): string {
  return text(s).replace(/\r?\n/g, "<br>");
}
