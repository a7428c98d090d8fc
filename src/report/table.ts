import Table from "cli-table3";
import type { CompareResult } from "../model/compare.js";
import type { Lang } from "../model/lang.js";
import { showBidiControls } from "../text/bidi.js";
import { wrapToWidth } from "../util/display-width.js";
import type { Formatter } from "./formatter.js";
import {
  KIND_LABELS,
  label,
  percent,
  SEVERITY_LABELS,
  TEXT,
  verdictLine,
} from "./shared/labels.js";
import { LEGEND_TITLE, legend } from "./shared/legend.js";
import { hasSafeguards } from "./shared/scopes.js";

/** Column widths (content), chosen so that the table with its borders fits 100 columns. */
const WIDTHS = [8, 12, 6, 6, 52] as const;
const PADDING = 2;

/** The terminal view: a compact summary and the findings table, colour only when allowed. */
export const table: Formatter = (result, { color, lang }) =>
  // Bidirectional controls are shown as visible marks (⟨U+202E⟩) cell by cell, before widths are
  // measured; the last pass only guarantees that none is left.
  showBidiControls(
    `${summaryLines(result, lang, color).join("\n")}\n${findingsTable(result, lang, color)}\n${legendLines(result, lang).join("\n")}\n`,
  );

/** What the words mean (shared/legend.ts), wrapped to the table's width. */
function legendLines(result: CompareResult, lang: Lang): string[] {
  const colon = lang === "zh" ? "：" : ": ";
  return [
    LEGEND_TITLE[lang],
    ...legend(lang, hasSafeguards(result.summary)).map((e) =>
      wrapToWidth(`${e.term}${colon}${e.text}`, 100),
    ),
  ];
}

/** The pair verdict under the title line, in red (or marked ⚠) when the pair is doubtful. */
function verdictRow(result: CompareResult, lang: Lang, color: boolean): string {
  const { warn, text } = verdictLine(result.summary.pair, lang);
  const shown = wrapToWidth(showBidiControls(warn ? `⚠ ${text}` : text), 100);
  return warn && color ? `\u001b[31m${shown}\u001b[39m` : shown;
}

function summaryLines(result: CompareResult, lang: Lang, color: boolean): string[] {
  const bold = (s: string) => (color ? `\u001b[1m${s}\u001b[22m` : s);
  const { body, appendix, safeguards, fidelity, findings } = result.summary;
  const t = (k: keyof typeof TEXT) => TEXT[k][lang];
  // On a line of its own: the line above fills the 100 columns already.
  const safeguardsLine = hasSafeguards(result.summary)
    ? [
        `${t("safeguards")} ${t("coverage")} ${percent(safeguards.coverage)} (${safeguards.carried}/${safeguards.parentTasks}) · ${t("requiredCoverage")} ${percent(safeguards.requiredCoverage)}`,
      ]
    : [];
  return [
    bold(
      wrapToWidth(
        showBidiControls(
          `${result.child.title ?? result.child.file} ← ${result.parent.docNumber ?? result.parent.title ?? result.parent.file}`,
        ),
        100,
      ),
    ),
    verdictRow(result, lang, color),
    `${t("body")} ${t("coverage")} ${percent(body.coverage)} (${body.carried}/${body.parentTasks}) · ${t("requiredCoverage")} ${percent(body.requiredCoverage)} · ${t("appendix")} ${percent(appendix.coverage)} · ${t("fidelity")} ${percent(fidelity)}`,
    ...safeguardsLine,
    `${t("findings")} ${findings.total}: ${Object.entries(findings.bySeverity)
      .map(([s, n]) => `${label(SEVERITY_LABELS, s, lang)} ${n}`)
      .join(" · ")}`,
  ];
}

function findingsTable(result: CompareResult, lang: Lang, color: boolean): string {
  const t = (k: keyof typeof TEXT) => TEXT[k][lang];
  const table = new Table({
    head: [t("severity"), t("kind"), t("parentTask"), t("childTask"), t("message")].map((h, i) =>
      wrapToWidth(h, WIDTHS[i] as number),
    ),
    colWidths: WIDTHS.map((w) => w + PADDING),
    style: { head: color ? ["cyan"] : [], border: color ? ["grey"] : [] },
  });
  for (const f of result.findings) {
    table.push(
      [
        label(SEVERITY_LABELS, f.severity, lang),
        label(KIND_LABELS, f.kind, lang),
        f.parent ?? "",
        f.child ?? "",
        f.message,
      ].map((v, i) => wrapToWidth(showBidiControls(v), WIDTHS[i] as number)),
    );
  }
  return table.toString();
}
