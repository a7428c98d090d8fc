/**
 * Applies a reviewer's decisions to one comparison. Decisions name tasks by title (the id is a
 * hint), so they survive renumbering; a decision that no longer fits the documents is returned
 * as stale with the reason, never silently dropped.
 */

import type { Alignment } from "../model/alignment.js";
import type { PlanDocument } from "../model/document.js";
import type { Finding } from "../model/finding.js";
import type { Task, TaskSource } from "../model/task.js";
import { fold } from "../text/fold.js";
import { compareIds } from "../util/task-ids.js";
import { type Decision, IGNORED_IN_TITLES, type ReviewFile, type TaskRef } from "./schema.js";

/** A decision with its 0-based position in the review file (`decisions.N`). */
export interface IndexedDecision {
  index: number;
  decision: Decision;
}

/** A decision that no longer applies, and why. */
export interface StaleDecision {
  /** Position of the decision in the review file. */
  index: number;
  reason: string;
}

/** Alignments after the link decisions (confirm, reject, add) of one document pair. */
export interface LinkDecisionResult {
  alignments: Alignment[];
  /** Indices of the decisions that took effect. */
  applied: number[];
  stale: StaleDecision[];
}

/** Findings after the waivers of one document pair (waived findings stay listed). */
export interface WaiverResult {
  findings: Finding[];
  /** Indices of the waivers that matched at least one finding. */
  applied: number[];
  stale: StaleDecision[];
}

/** A task found for a reference, or why none was. */
export type TaskLookup = { task: Task; reason: null } | { task: null; reason: string };

/** A title as compared: folded (full-width → half-width), without whitespace and punctuation. */
export function normalizeTitle(title: string): string {
  return fold(title).replace(IGNORED_IN_TITLES, "");
}

/**
 * The key of a task across runs: `${source}:${normalized title}`. Renumbering leaves it
 * unchanged; a changed title (beyond width, spacing and punctuation) changes it.
 */
export function taskKey(task: Pick<Task, "source" | "title">): string {
  return `${task.source}:${normalizeTitle(task.title)}`;
}

/** body for B…, appendix for A…, safeguards for S…, null for an id of another shape. */
function sourceOfId(id: string | undefined): TaskSource | null {
  if (id?.startsWith("B")) return "body";
  if (id?.startsWith("A")) return "appendix";
  if (id?.startsWith("S")) return "safeguards";
  return null;
}

const SOURCE_NAME: Record<TaskSource, string> = {
  body: "body task",
  appendix: "appendix row",
  safeguards: "safeguard",
};

/**
 * Finds the task a reference names, by title: the tasks whose key matches the reference's
 * title (within the body or the appendix, as the id's B/A prefix says when an id is given). When
 * several match, the one with the reference's id wins, then the one whose title is printed
 * exactly alike; otherwise the reference is ambiguous. The id never overrides the title: a task
 * that kept the id but changed its title is not the one the decision was about.
 */
export function lookupTask(ref: TaskRef, doc: PlanDocument): TaskLookup {
  const wanted = normalizeTitle(ref.title);
  const source = sourceOfId(ref.id);
  const sameTitle = doc.tasks.filter((t) => normalizeTitle(t.title) === wanted);
  const candidates = source ? sameTitle.filter((t) => t.source === source) : sameTitle;
  const was = ref.id ? ` (was ${ref.id})` : "";
  const [only] = candidates;
  if (only && candidates.length === 1) return { task: only, reason: null };
  if (candidates.length > 1) {
    const byId = candidates.find((t) => t.id === ref.id);
    if (byId) return { task: byId, reason: null };
    const exact = candidates.filter((t) => t.title.trim() === ref.title.trim());
    if (exact.length === 1 && exact[0]) return { task: exact[0], reason: null };
    return {
      task: null,
      reason: `「${ref.title}」${was} names several tasks (${candidates.map((t) => t.id).join(", ")}): give the id of the one meant`,
    };
  }
  const elsewhere = sameTitle.map((t) => `${SOURCE_NAME[t.source]} ${t.id}`);
  const holder = ref.id ? doc.tasks.find((t) => t.id === ref.id) : undefined;
  const hints = [
    elsewhere.length > 0 ? `only ${elsewhere.join(", ")} has that title` : null,
    holder ? `${holder.id} is now 「${holder.title}」` : null,
  ].filter((h) => h !== null);
  const where = source ? `no ${SOURCE_NAME[source]}` : "no task";
  return {
    task: null,
    reason: `${where} titled 「${ref.title}」${was} any more${hints.length > 0 ? ` (${hints.join("; ")})` : ""}`,
  };
}

/**
 * The task a reference names (see {@link lookupTask}), or null when it is unresolved: no task
 * has the title any more, or several have it and the id does not pick one.
 */
export function resolveTask(ref: TaskRef, doc: PlanDocument): Task | null {
  return lookupTask(ref, doc).task;
}

/**
 * The decisions of one document pair (by the ids of the run config), each with its position in
 * the file.
 */
export function decisionsForPair(
  review: ReviewFile,
  parentDoc: string,
  childDoc: string,
): IndexedDecision[] {
  return review.decisions.flatMap((decision, index) =>
    decision.parentDoc === parentDoc && decision.childDoc === childDoc ? [{ index, decision }] : [],
  );
}

function byDocumentOrder(a: Alignment, b: Alignment): number {
  return (
    compareIds(a.parent, b.parent) ||
    compareIds(a.child, b.child) ||
    (a.relation < b.relation ? -1 : a.relation > b.relation ? 1 : 0)
  );
}

/** Resolves both sides of a link decision, or says why it cannot be applied. */
function resolveLink(
  decision: { parent: TaskRef; child: TaskRef },
  parent: PlanDocument,
  child: PlanDocument,
): { parent: Task; child: Task } | { reason: string } {
  const p = lookupTask(decision.parent, parent);
  const c = lookupTask(decision.child, child);
  const reasons = [
    p.task ? null : `parent: ${p.reason}`,
    c.task ? null : `child: ${c.reason}`,
  ].filter((r) => r !== null);
  if (!p.task || !c.task) return { reason: reasons.join("; ") };
  if (p.task.source !== c.task.source) {
    return {
      reason: `${p.task.id} is a ${SOURCE_NAME[p.task.source]} and ${c.task.id} a ${SOURCE_NAME[c.task.source]}: links join body tasks to body tasks and appendix rows to appendix rows`,
    };
  }
  return { parent: p.task, child: c.task };
}

/**
 * Applies the link decisions of one document pair to the matcher's alignments, in file order.
 * `reject` removes the link, `confirm` keeps it and marks it (`evidence.signals.confirmed = 1`);
 * both are stale when the link does not exist in this run. `add` inserts the link (score 1,
 * `evidence.signals.manual = 1`), or does nothing but counts as applied when it exists already;
 * it is stale when a task cannot be resolved. Waivers are ignored here (see
 * {@link applyWaivers}). Pure: the input is not modified; the output is in document order.
 */
export function applyLinkDecisions(
  decisions: readonly IndexedDecision[],
  parent: PlanDocument,
  child: PlanDocument,
  alignments: readonly Alignment[],
): LinkDecisionResult {
  let links = [...alignments];
  const applied: number[] = [];
  const stale: StaleDecision[] = [];
  for (const { index, decision } of decisions) {
    if (decision.action === "waive") continue;
    const resolved = resolveLink(decision, parent, child);
    if ("reason" in resolved) {
      stale.push({ index, reason: resolved.reason });
      continue;
    }
    const p = resolved.parent.id;
    const c = resolved.child.id;
    const isLink = (a: Alignment) => a.parent === p && a.child === c;
    const exists = links.some(isLink);
    if (!exists && decision.action !== "add") {
      const others = links.filter((a) => a.parent === p).map((a) => a.child);
      stale.push({
        index,
        reason: `no link ${p} → ${c} in this run (${p} is linked to ${others.length > 0 ? others.join(", ") : "no child task"})`,
      });
      continue;
    }
    switch (decision.action) {
      case "reject":
        links = links.filter((a) => !isLink(a));
        break;
      case "confirm":
        links = links.map((a) =>
          isLink(a)
            ? {
                ...a,
                evidence: { ...a.evidence, signals: { ...a.evidence.signals, confirmed: 1 } },
              }
            : a,
        );
        break;
      case "add":
        if (!exists) {
          links.push({
            parent: p,
            child: c,
            relation: decision.relation,
            score: 1,
            evidence: { signals: { manual: 1 }, sharedTerms: [], sentences: [] },
          });
        }
        break;
    }
    applied.push(index);
  }
  return { alignments: links.sort(byDocumentOrder), applied, stale };
}

/**
 * Applies the waivers of one document pair to the findings. A waiver matches the findings of its
 * kind whose parent and child are the tasks it names (resolved by title; a side it leaves out
 * must be null in the finding). Matched findings get `waiver: { by, reason, date }` and stay in
 * the list; a waiver that matches nothing is stale. Link decisions are ignored here. Pure.
 */
export function applyWaivers(
  decisions: readonly IndexedDecision[],
  parent: PlanDocument,
  child: PlanDocument,
  findings: readonly Finding[],
): WaiverResult {
  const out = [...findings];
  const applied: number[] = [];
  const stale: StaleDecision[] = [];
  for (const { index, decision } of decisions) {
    if (decision.action !== "waive") continue;
    const p = decision.parent ? lookupTask(decision.parent, parent) : null;
    const c = decision.child ? lookupTask(decision.child, child) : null;
    if (p?.task === null || c?.task === null) {
      const reasons = [
        p?.task === null ? `parent: ${p.reason}` : null,
        c?.task === null ? `child: ${c.reason}` : null,
      ].filter((r) => r !== null);
      stale.push({ index, reason: reasons.join("; ") });
      continue;
    }
    const parentId = p?.task.id ?? null;
    const childId = c?.task.id ?? null;
    const waiver = { by: decision.by, reason: decision.reason, date: decision.date };
    let matched = false;
    out.forEach((finding, i) => {
      if (finding.kind !== decision.kind) return;
      if (finding.parent !== parentId || finding.child !== childId) return;
      out[i] = { ...finding, waiver };
      matched = true;
    });
    if (matched) {
      applied.push(index);
      continue;
    }
    const sameTasks = findings
      .filter((f) => f.parent === parentId && f.child === childId)
      .map((f) => f.kind);
    stale.push({
      index,
      reason: `no ${decision.kind} finding for ${parentId ?? "—"} → ${childId ?? "—"} in this run${sameTasks.length > 0 ? ` (found: ${[...new Set(sameTasks)].join(", ")})` : ""}`,
    });
  }
  return { findings: out, applied, stale };
}
