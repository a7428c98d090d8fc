import type { CompareResult } from "../model/compare.js";
import type { Lang } from "../model/lang.js";
import type { Formatter } from "./formatter.js";
import { renderAlignment } from "./html/alignment.js";
import { renderSectionChart } from "./html/chart.js";
import { renderFindings } from "./html/findings.js";
import { planName, renderHeader, renderToc } from "./html/header.js";
import { say } from "./html/labels.js";
import { h, type SafeHtml, trusted } from "./html/markup.js";
import { type ReviewDocuments, renderReviewBar } from "./html/review.js";
import { REVIEW_SCRIPT } from "./html/review-script.js";
import { SCRIPT } from "./html/script.js";
import { STYLE } from "./html/style.js";
import { renderSummary } from "./html/summary.js";
import { TEXT } from "./shared/labels.js";
import { LEGEND_TITLE, legend } from "./shared/legend.js";
import { hasSafeguards } from "./shared/scopes.js";

export { escapeHtml } from "./html/markup.js";

/**
 * One self-contained HTML page (inline CSS, SVG and a small script; no network) that opens
 * from disk: the two documents, summary cards, a coverage chart per parent section, the
 * task-by-task alignment with word diffs, and the findings with filters; a reviewer can confirm,
 * reject or waive in the page and export a review file (`html/review.ts`). Every text taken from
 * the documents is escaped; the same result gives the same bytes.
 */
export const html: Formatter = (result, { lang, documents }) =>
  renderPage(result, lang, documents).value;

/**
 * The whole document, `<!doctype html>` to `</html>`. `documents`: the ids the review files it
 * exports name the two documents by (README § Review decisions).
 */
/** What the report's words mean (shared/legend.ts). */
function renderLegend(result: CompareResult, lang: Lang): SafeHtml {
  return h`<section id="legend" class="report-section legend" aria-labelledby="legend-h">
<h2 id="legend-h">${LEGEND_TITLE[lang]}</h2>
<dl>${legend(lang, hasSafeguards(result.summary)).map((e) => h`<dt>${e.term}</dt><dd>${e.text}</dd>`)}</dl>
</section>`;
}

export function renderPage(
  result: CompareResult,
  lang: Lang,
  documents: ReviewDocuments = { parent: "parent", child: "child" },
): SafeHtml {
  return h`<!doctype html>
<html lang="${lang === "zh" ? "zh-CN" : "en"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="plandiff">
<title>${TEXT.report[lang]} · ${planName(result.child)}</title>
<style>${trusted(STYLE)}</style>
</head>
<body>
${renderHeader(result, lang)}
${renderToc(lang)}
${renderReviewBar(result, lang, documents)}
<main class="wrap">
${renderSummary(result, lang)}
${renderSectionChart(result, lang)}
${renderAlignment(result, lang)}
${renderFindings(result, lang)}
${renderLegend(result, lang)}
</main>
<footer class="report-footer">${say("generated", lang)} · schema v${result.schemaVersion}</footer>
<script>${trusted(SCRIPT)}
${trusted(REVIEW_SCRIPT)}</script>
</body>
</html>
`;
}
