import type { Alignment, ParentCoverage } from "../../model/alignment.js";
import type { CompareResult } from "../../model/compare.js";
import type { DiffPart } from "../../model/finding.js";
import type { Lang } from "../../model/lang.js";
import type { Task } from "../../model/task.js";
import {
  KIND_LABELS,
  label,
  percent,
  RELATION_LABELS,
  SEVERITY_LABELS,
  TEXT,
  textSimilarity,
} from "../shared/labels.js";
import { type AlignmentRow, buildRowGroups, type RowGroup } from "./alignment-rows.js";
import { findingAnchor, type Side, taskAnchor } from "./anchors.js";
import { sectionName } from "./chart.js";
import { planName } from "./header.js";
import { colon, say } from "./labels.js";
import { h, type SafeHtml } from "./markup.js";
import { linkBadge, linkInForce, reviewAttributes, reviewControls, sideOfTask } from "./review.js";

interface ViewContext {
  result: CompareResult;
  lang: Lang;
  /** Word diffs of the reworded findings, by pair key. */
  diffs: Map<string, DiffPart[]>;
  /** Indexes of the findings about exactly this pair (missing: parent + null; added: null + child). */
  findingsByPair: Map<string, number[]>;
  /** Tasks already rendered in full: later rows refer back to them. */
  seen: Record<Side, Set<string>>;
  /** How much of each parent body / safeguard task the child carries. */
  coverage: Map<string, ParentCoverage>;
}

/**
 * The task-by-task view: parent | child, grouped by parent section, then the safeguards, then the
 * task table.
 */
export function renderAlignment(result: CompareResult, lang: Lang): SafeHtml {
  const context = contextOf(result, lang);
  const groups = buildRowGroups(result).map((group) => renderGroup(group, context));
  return h`<section id="alignment" class="report-section" aria-labelledby="alignment-h">
<h2 id="alignment-h">${TEXT.alignment[lang]}</h2>
${legend(lang)}
${result.coverage.length > 0 ? h`<p class="legend-line">${TEXT.taskCoverageNote[lang]}</p>` : h``}
<div class="columns-head" aria-hidden="true"><div>${TEXT.parentPlan[lang]} · ${planName(result.parent)}</div><div>${TEXT.childPlan[lang]} · ${planName(result.child)}</div></div>
${groups}
</section>`;
}

function pairKey(parent: string | null, child: string | null): string {
  return `${parent ?? ""}\u0000${child ?? ""}`;
}

function contextOf(result: CompareResult, lang: Lang): ViewContext {
  const diffs = new Map<string, DiffPart[]>();
  const findingsByPair = new Map<string, number[]>();
  result.findings.forEach((finding, i) => {
    const key = pairKey(finding.parent, finding.child);
    if (finding.kind === "reworded" && finding.diff.length > 0) diffs.set(key, finding.diff);
    findingsByPair.set(key, [...(findingsByPair.get(key) ?? []), i]);
  });
  return {
    result,
    lang,
    diffs,
    findingsByPair,
    seen: { parent: new Set(), child: new Set() },
    coverage: new Map(result.coverage.map((c) => [c.parent, c])),
  };
}

function legend(lang: Lang): SafeHtml {
  const relations = (["equivalent", "reworded", "partial"] as const).map(
    (r) => h`<span class="badge rel rel-${r}">${RELATION_LABELS[r][lang]}</span>`,
  );
  return h`<p class="legend-line">${TEXT.relation[lang]}${colon(lang)}${relations}
<span class="badge badge-missing">${TEXT.missingTasks[lang]}</span>
<span class="badge badge-added">${TEXT.addedTasks[lang]}</span>
<del>${say("legendDiff", lang)}</del> <ins>${say("legendIns", lang)}</ins></p>`;
}

function renderGroup(group: RowGroup, context: ViewContext): SafeHtml {
  const id = group.section === null ? `sec-${group.kind}` : `sec-${group.section}`;
  return h`<section class="align-group" id="${id}" aria-labelledby="${id}-h">
<h3 id="${id}-h">${groupTitle(group, context)}${groupStats(group, context)}</h3>
<div class="rows">${group.rows.map((row) => renderRow(row, context))}</div>
</section>`;
}

function groupTitle(group: RowGroup, context: ViewContext): string {
  const { lang, result } = context;
  if (group.kind === "appendix") return TEXT.appendix[lang];
  if (group.kind === "safeguards") return TEXT.safeguards[lang];
  if (group.kind === "other") return say("otherAdded", lang);
  const section = group.section ?? 0;
  const summary = result.summary.sections.find((s) => s.parent === section);
  const title = summary?.title ?? group.rows.find((r) => r.parent)?.parent?.sectionTitle ?? "";
  return sectionName(result, section, title);
}

function groupStats(group: RowGroup, context: ViewContext): SafeHtml {
  const { lang, result } = context;
  if (group.kind === "safeguards") {
    const { carried, parentTasks } = result.summary.safeguards;
    return h` <span class="group-stats">${TEXT.carried[lang]} ${carried}/${parentTasks}</span>`;
  }
  const summary = result.summary.sections.find((s) => s.parent === group.section);
  if (group.kind !== "section" || !summary) return h``;
  return h` <span class="group-stats">${TEXT.carried[lang]} ${summary.carried}/${summary.tasks} · ${TEXT.fidelity[lang]} ${percent(summary.fidelity)}</span>`;
}

function renderRow(row: AlignmentRow, context: ViewContext): SafeHtml {
  const status = row.link?.relation ?? (row.parent ? "missing" : "added");
  const diff = context.diffs.get(pairKey(row.parent?.id ?? null, row.child?.id ?? null)) ?? null;
  const parentCell = row.parent
    ? taskCell("parent", row.parent, row.link, diff, context)
    : placeholder("added", context.lang);
  const childCell = row.child
    ? taskCell("child", row.child, row.link, diff, context)
    : placeholder("missing", context.lang, missingMessage(row, context));
  return h`<div class="row row-${status}" data-status="${status}"${linkAttributes(row)}>${parentCell}${childCell}${rowFindings(row, context)}${row.link && row.parent && row.child ? reviewControls("link", context.lang, linkInForce(row.link) !== null) : h``}</div>`;
}

/** A row that is a link can be confirmed or rejected (review.ts). */
function linkAttributes(row: AlignmentRow): SafeHtml {
  if (!row.link || !row.parent || !row.child) return h``;
  return reviewAttributes(
    "link",
    sideOfTask(row.parent),
    sideOfTask(row.child),
    linkInForce(row.link),
  );
}

/**
 * What the missing finding of a parent task with no link says (a row whose body task is carried
 * is only unlisted, a task may be partly carried elsewhere): the empty cell repeats it rather than
 * a stock sentence that could contradict it.
 */
function missingMessage(row: AlignmentRow, context: ViewContext): string | null {
  const indexes = context.findingsByPair.get(pairKey(row.parent?.id ?? null, null)) ?? [];
  for (const i of indexes) {
    const finding = context.result.findings[i];
    if (finding?.kind === "missing") return finding.message;
  }
  return null;
}

function placeholder(
  kind: "missing" | "added",
  lang: Lang,
  message: string | null = null,
): SafeHtml {
  const side = kind === "missing" ? "child" : "parent";
  const badge = kind === "missing" ? TEXT.missingTasks[lang] : TEXT.addedTasks[lang];
  const text = message ?? (kind === "missing" ? say("missingCell", lang) : say("addedCell", lang));
  return h`<div class="cell cell-${side} placeholder placeholder-${kind}"><span class="badge badge-${kind}">${badge}</span> ${text}</div>`;
}

function taskCell(
  side: Side,
  task: Task,
  link: Alignment | null,
  diff: DiffPart[] | null,
  context: ViewContext,
): SafeHtml {
  const first = !context.seen[side].has(task.id);
  context.seen[side].add(task.id);
  const head = cellHead(side, task, link, context.lang);
  if (!first && !diff) {
    return h`<div class="cell cell-${side} repeat">${head}<p class="see-above"><a href="#${taskAnchor(side, task.id)}">${say("seeAbove", context.lang)} ${task.id} ↑</a></p></div>`;
  }
  const id = first ? h` id="${taskAnchor(side, task.id)}"` : h``;
  const text = diff ? diffSide(diff, side) : h`${task.text}`;
  const coverage = side === "parent" ? taskCoverage(task, context) : h``;
  return h`<div class="cell cell-${side}"${id}>${head}<p class="task-text">${text}</p>${taskMeta(task, context.lang)}${coverage}</div>`;
}

/** 覆盖度 75% ▮▮▮▯ · 由 S4（75%）承接: how much of the parent task the child carries, and where. */
function taskCoverage(task: Task, context: ViewContext): SafeHtml {
  const coverage = context.coverage.get(task.id);
  if (!coverage) return h``;
  const { lang } = context;
  const shown = percent(coverage.coverage);
  const carriers = coverage.carriedBy.map(
    (c, i) =>
      h`${i > 0 ? (lang === "zh" ? "、" : ", ") : ""}<a href="#${taskAnchor("child", c.child)}">${c.child}</a>${lang === "zh" ? `（${Math.round(c.share * 100)}%）` : ` (${Math.round(c.share * 100)}%)`}`,
  );
  const by =
    carriers.length === 0
      ? h``
      : lang === "zh"
        ? h` · 由 ${carriers}承接`
        : h` · carried by ${carriers}`;
  return h`<p class="task-coverage"><span class="meta-name">${TEXT.taskCoverage[lang]}${colon(lang)}</span><span class="meter meter-inline" aria-hidden="true"><span style="width:${shown}"></span></span> ${shown}${by}</p>`;
}

/**
 * The link's relation with the texts' similarity; the matcher's confidence in the tooltip (a
 * reworded task is a sure link of texts that differ: 1.00 sure, 0.48 alike).
 */
function relationBadge(link: Alignment, lang: Lang): SafeHtml {
  const similarity = textSimilarity(link);
  const tip = `${TEXT.score[lang]} ${link.score.toFixed(2)}${similarity === null ? "" : ` · ${TEXT.similarity[lang]} ${similarity.toFixed(2)}`}`;
  const shown = similarity === null ? "" : ` · ${TEXT.similarity[lang]} ${similarity.toFixed(2)}`;
  return h`<span class="badge rel rel-${link.relation}" title="${tip}">${RELATION_LABELS[link.relation][lang]}${shown}</span>`;
}

function cellHead(side: Side, task: Task, link: Alignment | null, lang: Lang): SafeHtml {
  const relation = side === "child" && link ? relationBadge(link, lang) : h``;
  const required =
    side === "parent" && task.obligatory
      ? h`<span class="badge badge-required">${say("requiredTask", lang)}</span>`
      : h``;
  const inForce = side === "child" && link ? linkBadge(link, lang) : h``;
  return h`<p class="cell-head">${relation}${inForce}<span class="tid">${task.id}</span>${required}<strong class="task-title">${task.title}</strong></p>`;
}

/** One side of a word diff: the parent keeps "=" and "-" (struck), the child "=" and "+" (inserted). */
function diffSide(diff: readonly DiffPart[], side: Side): SafeHtml[] {
  const own = side === "parent" ? "-" : "+";
  return diff
    .filter((part) => part.op === "=" || part.op === own)
    .map((part) => {
      if (part.op === "=") return h`${part.text}`;
      return part.op === "-" ? h`<del>${part.text}</del>` : h`<ins>${part.text}</ins>`;
    });
}

function taskMeta(task: Task, lang: Lang): SafeHtml {
  const units = task.units.raw
    ? h`<span><span class="meta-name">${TEXT.units[lang]}${colon(lang)}</span>${task.units.raw}</span>`
    : h``;
  const deadline = task.deadline.raw
    ? h`<span><span class="meta-name">${TEXT.deadline[lang]}${colon(lang)}</span>${task.deadline.raw}</span>`
    : h``;
  if (!task.units.raw && !task.deadline.raw) return h``;
  return h`<p class="task-meta">${units}${deadline}</p>`;
}

function rowFindings(row: AlignmentRow, context: ViewContext): SafeHtml {
  const indexes =
    context.findingsByPair.get(pairKey(row.parent?.id ?? null, row.child?.id ?? null)) ?? [];
  if (indexes.length === 0) return h``;
  const { lang, result } = context;
  const chips = indexes.map((i) => {
    const finding = result.findings[i];
    if (!finding) return h``;
    return h`<a class="chip sev-${finding.severity}" href="#${findingAnchor(i)}">${label(KIND_LABELS, finding.kind, lang)} · ${SEVERITY_LABELS[finding.severity][lang]}</a>`;
  });
  return h`<p class="row-findings"><span class="meta-name">${say("related", lang)}${colon(lang)}</span>${chips}</p>`;
}
