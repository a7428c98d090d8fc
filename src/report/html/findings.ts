import type { CompareResult } from "../../model/compare.js";
import { type Finding, SEVERITY_ORDER, type Span } from "../../model/finding.js";
import type { Lang } from "../../model/lang.js";
import { DRIFT_LABELS, KIND_LABELS, label, SEVERITY_LABELS, TEXT } from "../shared/labels.js";
import { findingAnchor, type Side, taskAnchor } from "./anchors.js";
import { CHANGE_LABELS, colon, say } from "./labels.js";
import { h, type SafeHtml } from "./markup.js";
import { renderWaiver, reviewAttributes, reviewControls, sideOf } from "./review.js";

/** The findings list with its filter bar (kind, severity, text search; revealed by the script). */
export function renderFindings(result: CompareResult, lang: Lang): SafeHtml {
  const items = result.findings.map((finding, i) => renderFinding(finding, i, result, lang));
  const list =
    items.length > 0
      ? h`<ol class="findings" id="finding-list">${items}</ol>`
      : h`<p class="empty">${say("noFindings", lang)}</p>`;
  return h`<section id="findings" class="report-section" aria-labelledby="findings-h">
<h2 id="findings-h">${TEXT.findings[lang]} <span class="count">(${result.findings.length})</span></h2>
${renderFilters(result, lang)}
<p class="empty" id="finding-empty" hidden>${say("noMatch", lang)}</p>
${list}
</section>`;
}

/** Finding kinds present, in the order of the shared labels, then any other kind by name. */
export function kindsOf(findings: readonly Finding[]): string[] {
  const present = new Set<string>(findings.map((f) => f.kind));
  const known = Object.keys(KIND_LABELS).filter((k) => present.has(k));
  const other = [...present].filter((k) => !(k in KIND_LABELS)).sort();
  return [...known, ...other];
}

function renderFilters(result: CompareResult, lang: Lang): SafeHtml {
  const count = (pick: (f: Finding) => boolean) => result.findings.filter(pick).length;
  const kinds = kindsOf(result.findings).map((kind) =>
    checkbox(
      "kind",
      kind,
      label(KIND_LABELS, kind, lang),
      count((f) => f.kind === kind),
    ),
  );
  const severities = SEVERITY_ORDER.map((severity) =>
    checkbox(
      "severity",
      severity,
      SEVERITY_LABELS[severity][lang],
      count((f) => f.severity === severity),
    ),
  );
  const total = result.findings.length;
  return h`<form class="filters" id="finding-filters" role="search" aria-label="${say("filters", lang)}" hidden>
<fieldset class="filter-kind"><legend>${TEXT.kind[lang]}</legend>${kinds}</fieldset>
<fieldset class="filter-severity"><legend>${TEXT.severity[lang]}</legend>${severities}</fieldset>
<div class="filter-search"><label for="finding-search">${say("search", lang)}</label>
<input type="search" id="finding-search" placeholder="${say("searchPlaceholder", lang)}" autocomplete="off">
<button type="button" id="finding-reset">${say("reset", lang)}</button></div>
<p class="filter-status"><output id="finding-count" data-template="${say("shown", lang)}">${say("shown", lang, { shown: total, total })}</output> <span class="hint">(${say("filterHint", lang)})</span></p>
</form>`;
}

function checkbox(name: string, value: string, text: string, count: number): SafeHtml {
  return h`<label class="toggle toggle-${name}-${value}"><input type="checkbox" name="${name}" value="${value}"${count === 0 ? h` disabled` : h``}> ${text} <span class="n">${count}</span></label>`;
}

function renderFinding(
  finding: Finding,
  index: number,
  result: CompareResult,
  lang: Lang,
): SafeHtml {
  const parent = sideOf(result.parent, finding.parent);
  const child = sideOf(result.child, finding.child);
  const inForce = finding.waiver ? "waive" : null;
  // A decision names its tasks by title: without one (or without any task) there is nothing to name.
  const untitled =
    parent?.title === null || child?.title === null || (parent === null && child === null);
  return h`<li class="finding sev-${finding.severity}" id="${findingAnchor(index)}" data-kind="${finding.kind}" data-severity="${finding.severity}"${reviewAttributes("finding", parent, child, inForce)}>
<p class="finding-head"><span class="badge sev sev-${finding.severity}">${SEVERITY_LABELS[finding.severity][lang]}</span><span class="badge kind">${label(KIND_LABELS, finding.kind, lang)}</span>${taskLink("parent", finding.parent, lang)}${taskLink("child", finding.child, lang)}</p>
<p class="message">${finding.message}</p>
${driftOf(finding, lang)}${changesOf(finding, lang)}${evidenceOf(finding.evidence, lang)}
${renderWaiver(finding, lang)}${reviewControls("finding", lang, inForce !== null || untitled)}
</li>`;
}

function taskLink(side: Side, taskId: string | null, lang: Lang): SafeHtml {
  if (taskId === null) return h``;
  const name = side === "parent" ? say("parentShort", lang) : say("childShort", lang);
  return h`<a class="task-link task-link-${side}" href="#${taskAnchor(side, taskId)}">${name} ${taskId}</a>`;
}

function driftOf(finding: Finding, lang: Lang): SafeHtml {
  const drift = finding.drift;
  if (!drift) return h``;
  const days =
    drift.days === null
      ? h``
      : h` <span class="days">(${drift.days > 0 ? "+" : ""}${say("daysShift", lang, { n: drift.days })})</span>`;
  return h`<p class="drift"><span class="badge drift-label">${DRIFT_LABELS[drift.label][lang]}</span>${TEXT.parentDeadline[lang]}${colon(lang)}<q>${drift.parent || TEXT.none[lang]}</q> → ${TEXT.childDeadline[lang]}${colon(lang)}<q>${drift.child || TEXT.none[lang]}</q>${days}</p>`;
}

function changesOf(finding: Finding, lang: Lang): SafeHtml {
  if (finding.changes.length === 0) return h``;
  const chips = finding.changes.map(
    (change) =>
      h`<span class="badge change change-${change}">${CHANGE_LABELS[change][lang]}</span>`,
  );
  return h`<p class="changes"><span class="meta-name">${say("changes", lang)}${colon(lang)}</span>${chips}</p>`;
}

function evidenceOf(spans: readonly Span[], lang: Lang): SafeHtml {
  if (spans.length === 0) return h``;
  return h`<ul class="evidence">${spans.map((span) => evidenceItem(span, lang))}</ul>`;
}

function evidenceItem(span: Span, lang: Lang): SafeHtml {
  const side = span.document === "parent" ? say("parentShort", lang) : say("childShort", lang);
  const line = span.line === null ? "" : ` ${say("line", lang, { n: span.line })}`;
  return h`<li><span class="meta-name">${side}${span.task ? ` ${span.task}` : ""}${line}${colon(lang)}</span>${span.text}</li>`;
}
