import type { Relation } from "../../model/alignment.js";
import type { CompareResult, CompareSummary, ScopeSummary } from "../../model/compare.js";
import { SEVERITY_ORDER } from "../../model/finding.js";
import type { Lang } from "../../model/lang.js";
import { DRIFT_LABELS, percent, RELATION_LABELS, SEVERITY_LABELS, TEXT } from "../shared/labels.js";
import { reportScopes } from "../shared/scopes.js";
import { colon, say } from "./labels.js";
import { h, type SafeHtml } from "./markup.js";

const RELATIONS: readonly Relation[] = ["equivalent", "reworded", "partial"];

/** Summary cards (coverage, required coverage, fidelity, task table, findings) and the scope table. */
export function renderSummary(result: CompareResult, lang: Lang): SafeHtml {
  const { summary } = result;
  return h`<section id="summary" class="report-section" aria-labelledby="summary-h">
<h2 id="summary-h">${TEXT.summary[lang]}</h2>
<div class="cards">
${ratioCard("coverage", `${TEXT.coverage[lang]} · ${TEXT.body[lang]}`, summary.body.coverage, `${TEXT.carried[lang]} ${summary.body.carried} / ${summary.body.parentTasks}`)}
${ratioCard("required", `${TEXT.requiredCoverage[lang]} · ${TEXT.body[lang]}`, summary.body.requiredCoverage, `${TEXT.carried[lang]} ${summary.body.obligatoryCarried} / ${summary.body.obligatory}`)}
${ratioCard("fidelity", TEXT.fidelity[lang], summary.fidelity, relationLine(summary.body, lang))}
${ratioCard("appendix", `${TEXT.coverage[lang]} · ${TEXT.appendix[lang]}`, summary.appendix.coverage, `${TEXT.carried[lang]} ${summary.appendix.carried} / ${summary.appendix.parentTasks} · ${say("required", lang)} ${percent(summary.appendix.requiredCoverage)}`)}
${findingsCard(summary, lang)}
</div>
${scopeTable(summary, lang)}
${driftLine(summary, lang)}
</section>`;
}

function ratioCard(key: string, title: string, value: number, detail: string): SafeHtml {
  const shown = percent(value);
  return h`<div class="card card-${key}" data-metric="${key}">
<p class="card-title">${title}</p>
<p class="card-value">${shown}</p>
<div class="meter" aria-hidden="true"><span style="width:${shown}"></span></div>
<p class="card-detail">${detail}</p>
</div>`;
}

function findingsCard(summary: CompareSummary, lang: Lang): SafeHtml {
  const pills = SEVERITY_ORDER.map(
    (severity) =>
      h`<li class="sev sev-${severity}" data-severity="${severity}"><span class="sev-name">${SEVERITY_LABELS[severity][lang]}</span> <strong>${summary.findings.bySeverity[severity] ?? 0}</strong></li>`,
  );
  return h`<div class="card card-findings" data-metric="findings">
<p class="card-title">${TEXT.findings[lang]} · ${TEXT.severity[lang]}</p>
<p class="card-value">${summary.findings.total}</p>
<ul class="sev-pills">${pills}</ul>
</div>`;
}

function relationLine(scope: ScopeSummary, lang: Lang): string {
  return RELATIONS.map((r) => `${RELATION_LABELS[r][lang]} ${scope.relations[r] ?? 0}`).join(" · ");
}

function scopeTable(summary: CompareSummary, lang: Lang): SafeHtml {
  const heads = [
    say("scope", lang),
    say("parentTasks", lang),
    say("childTasks", lang),
    TEXT.carried[lang],
    TEXT.coverage[lang],
    TEXT.requiredCoverage[lang],
    TEXT.missingTasks[lang],
    TEXT.addedTasks[lang],
    ...RELATIONS.map((r) => RELATION_LABELS[r][lang]),
  ];
  return h`<table class="scopes">
<thead><tr>${heads.map((text) => h`<th scope="col">${text}</th>`)}</tr></thead>
<tbody>
${reportScopes(summary).map((key) => h`${scopeRow(TEXT[key][lang], summary[key])}\n`)}</tbody>
</table>`;
}

function scopeRow(name: string, scope: ScopeSummary): SafeHtml {
  const cells = [
    scope.parentTasks,
    scope.childTasks,
    scope.carried,
    percent(scope.coverage),
    percent(scope.requiredCoverage),
    scope.missing.length,
    scope.added.length,
    ...RELATIONS.map((r) => scope.relations[r] ?? 0),
  ];
  return h`<tr><th scope="row">${name}</th>${cells.map((c) => h`<td>${c}</td>`)}</tr>`;
}

function driftLine(summary: CompareSummary, lang: Lang): SafeHtml {
  const entries = Object.entries(summary.deadlineDrift).filter(([, n]) => n > 0);
  if (entries.length === 0) return h``;
  const parts = entries.map(([key, n]) => {
    const name = DRIFT_LABELS[key as keyof typeof DRIFT_LABELS]?.[lang] ?? key;
    return h`<span class="drift-count">${name} <strong>${n}</strong></span>`;
  });
  return h`<p class="drift-line">${TEXT.deadlines[lang]}${colon(lang)}${parts}</p>`;
}
