import type { Alignment } from "../../model/alignment.js";
import type { CompareResult } from "../../model/compare.js";
import type { PlanDocument } from "../../model/document.js";
import type { Finding } from "../../model/finding.js";
import type { Lang } from "../../model/lang.js";
import type { Task } from "../../model/task.js";
import { colon, say } from "./labels.js";
import { h, type SafeHtml } from "./markup.js";

/**
 * Review in the HTML report (README § Review decisions): a bar at the top (the reviewer's name,
 * how many decisions were made, 导出审核文件) and, on each finding and each link, the decisions the
 * review file can express — a finding can be waived (or confirmed: it stands, nothing to write),
 * a link confirmed or rejected. The script (`review-script.ts`) keeps the decisions in the
 * browser's localStorage under the key the bar carries and writes the review file on export.
 * Everything here is hidden until the script runs; decisions already in force (waivers, links
 * confirmed or added by a review file) are shown as such whether or not it runs.
 */

/** The ids review decisions name the two documents by. */
export interface ReviewDocuments {
  parent: string;
  child: string;
}

/** What each kind of element can be given. */
const ACTIONS = {
  finding: ["confirm", "waive"],
  link: ["confirm", "reject"],
} as const;

/** The bar at the top of the page; its data attributes are the script's settings and words. */
export function renderReviewBar(
  result: CompareResult,
  lang: Lang,
  docs: ReviewDocuments,
): SafeHtml {
  const key = `plandiff-review:v1:${docs.parent}:${docs.child}:${documentsHash(result)}`;
  return h`<section class="review-bar" id="review-bar" aria-label="${say("reviewTitle", lang)}" hidden data-key="${key}" data-parent-doc="${docs.parent}" data-child-doc="${docs.child}" data-file="review-${docs.parent}-${docs.child}.yaml" data-msg-reason="${say("reasonPlaceholder", lang)}" data-msg-need-name="${say("needName", lang)}" data-msg-need-reason="${say("needReason", lang)}" data-msg-confirm-finding="${say("confirmedFinding", lang)}" data-msg-waive-finding="${say("waivedFinding", lang)}" data-msg-confirm-link="${say("confirmedLink", lang)}" data-msg-reject-link="${say("rejectedLink", lang)}">
<div class="wrap"><strong>${say("reviewTitle", lang)}</strong>
<label for="review-by">${say("reviewer", lang)}${colon(lang)}</label><input type="text" id="review-by" autocomplete="name" placeholder="${say("reviewerPlaceholder", lang)}">
<output id="review-count" data-template="${say("reviewCount", lang)}">${say("reviewCount", lang, { n: 0 })}</output>
<button type="button" id="review-export">${say("reviewExport", lang)}</button>
<button type="button" id="review-clear">${say("reviewClear", lang)}</button>
<span class="hint">${say("reviewHint", lang)}</span></div>
</section>`;
}

/** A side of a reviewable element: the task id, and its title when the document has the task. */
export interface ReviewSide {
  id: string;
  title: string | null;
}

/** The attributes of a reviewable element: what it is about, for the script and for tests. */
export function reviewAttributes(
  what: "finding" | "link",
  parent: ReviewSide | null,
  child: ReviewSide | null,
  inForce: "confirm" | "waive" | "add" | null,
): SafeHtml {
  const side = (name: string, task: ReviewSide | null) =>
    task === null
      ? h``
      : h` data-${name}="${task.id}"${task.title === null ? h`` : h` data-${name}-title="${task.title}"`}`;
  const state = inForce === null ? h`` : h` data-review-state="${inForce}" data-in-force`;
  return h` data-review-item="${what}"${side("parent", parent)}${side("child", child)}${state}`;
}

/** A side named by a task id, with the title of the document's task of that id. */
export function sideOf(doc: PlanDocument, id: string | null): ReviewSide | null {
  if (id === null) return null;
  return { id, title: doc.tasks.find((t) => t.id === id)?.title ?? null };
}

/** A side that is a task of the document. */
export function sideOfTask(task: Task | null): ReviewSide | null {
  return task === null ? null : { id: task.id, title: task.title };
}

/**
 * The buttons and the reason field of one finding or link; `disabled` when a decision is already
 * in force or a task has no title to name it by.
 */
export function reviewControls(what: "finding" | "link", lang: Lang, disabled: boolean): SafeHtml {
  const off = disabled ? h` disabled` : h``;
  const buttons = ACTIONS[what].map(
    (action) =>
      h`<button type="button" data-review="${action}"${off}>${say(action, lang)}</button>`,
  );
  return h`<div class="review" hidden>${buttons}<input class="review-reason" aria-label="${say("reason", lang)}"${off}></div>`;
}

/** 已豁免（审核文件）：张三 · 2026-11-20 · reason — a waiver the result already holds. */
export function renderWaiver(finding: Finding, lang: Lang): SafeHtml {
  const w = finding.waiver;
  if (!w) return h``;
  return h`<p class="in-force"><span class="badge badge-in-force">${say("inForceWaiver", lang)}</span>${w.by} · ${w.date}${colon(lang)}${w.reason}</p>`;
}

/** What a review file already decided about a link: confirmed or added, else null. */
export function linkInForce(link: Alignment): "confirm" | "add" | null {
  if (link.evidence.signals.manual === 1) return "add";
  if (link.evidence.signals.confirmed === 1) return "confirm";
  return null;
}

/** The badge of a link a review file confirmed or added. */
export function linkBadge(link: Alignment, lang: Lang): SafeHtml {
  const state = linkInForce(link);
  if (state === null) return h``;
  const text = state === "add" ? say("inForceAdded", lang) : say("inForceConfirmed", lang);
  return h`<span class="badge badge-in-force">${text}</span>`;
}

/**
 * A short hash of the two documents (file names without folders, positions, task ids and titles):
 * part of the storage key, so that a report of changed documents does not show stale decisions,
 * while the same documents give the same key wherever the report is written.
 */
export function documentsHash(result: CompareResult): string {
  let hash = 0x811c9dc5;
  const add = (text: string) => {
    // Each piece ends with U+0001 so that "ab"+"c" and "a"+"bc" differ.
    for (const c of `${text}\u0001`) {
      hash ^= c.codePointAt(0) ?? 0;
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
  };
  for (const doc of [result.parent, result.child]) {
    add(doc.file.split(/[\\/]/).pop() ?? "");
    add(String(doc.index));
    for (const task of doc.tasks) add(`${task.id}\u0000${task.title}`);
  }
  return hash.toString(16).padStart(8, "0");
}
