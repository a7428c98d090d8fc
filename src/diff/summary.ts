import type { Alignment, SectionAlignment } from "../model/alignment.js";
import type {
  CompareSummary,
  PairVerdict,
  ScopeSummary,
  SectionSummary,
} from "../model/compare.js";
import type { PlanDocument } from "../model/document.js";
import { type Finding, SEVERITY_ORDER } from "../model/finding.js";
import type { Task } from "../model/task.js";

/** Credit of a parent task by how it is carried (README § Summary). */
const CREDIT = { equivalent: 1, reworded: 0.75, partial: 0.5, missing: 0 } as const;
/** A medium or high finding on the task (weakened wording, later deadline…) costs this much. */
const FINDING_PENALTY = 0.25;

const round = (x: number) => Math.round(x * 1000) / 1000;

/** The summary numbers of a comparison, computed from its links and findings. */
export function summarize(
  parent: PlanDocument,
  child: PlanDocument,
  alignments: Alignment[],
  sectionAlignments: SectionAlignment[],
  findings: {
    pair: PairVerdict;
    /** The findings listed (after the severity filter): the counts. */
    shown: Finding[];
    /** Every finding: the measures (fidelity) do not depend on a display filter. */
    all: Finding[];
    /**
     * Whether a child task with no link restates a parent task (the diff context's `restated`,
     * restates.ts): such a task is not added.
     */
    restated: (childId: string) => boolean;
  },
): CompareSummary {
  const bySource = (doc: PlanDocument, source: Task["source"]) =>
    doc.tasks.filter((t) => t.source === source);
  const fidelityOf = taskFidelity(alignments, findings.all);
  const scope = (parents: Task[], children: Task[]) =>
    scopeSummary(
      parents,
      children.filter((t) => !findings.restated(t.id)),
      children.length,
      alignments,
    );
  const body = bySource(parent, "body");
  const drift = { same: 0, later: 0, earlier: 0, removed: 0, vaguer: 0, stricter: 0, different: 0 };
  const bySeverity = Object.fromEntries(SEVERITY_ORDER.map((s) => [s, 0])) as Record<
    Finding["severity"],
    number
  >;
  const byKind: Record<string, number> = {};
  let waived = 0;
  for (const f of findings.shown) {
    // A waived finding stays listed but counts nowhere.
    if (f.waiver) {
      waived++;
      continue;
    }
    bySeverity[f.severity]++;
    byKind[f.kind] = (byKind[f.kind] ?? 0) + 1;
    if (f.drift) drift[f.drift.label]++;
  }
  return {
    pair: findings.pair,
    body: scope(body, bySource(child, "body")),
    appendix: scope(bySource(parent, "appendix"), bySource(child, "appendix")),
    safeguards: scope(bySource(parent, "safeguards"), bySource(child, "safeguards")),
    fidelity: round(mean(body.map(fidelityOf))),
    sections: sectionSummaries(parent, sectionAlignments, alignments, fidelityOf),
    findings: { total: findings.shown.length - waived, waived, byKind, bySeverity },
    deadlineDrift: drift,
  };
}

/**
 * One scope's counts. Links are by id whatever the source on the other side: a parent safeguard
 * carried by a child body task is carried, and a child task that carries any parent task (a body
 * task carrying a parent safeguard) is not added. `children` leaves out the child tasks that
 * restate a parent task (they are not added either); `childTasks` counts them all.
 */
function scopeSummary(
  parents: Task[],
  children: Task[],
  childTasks: number,
  alignments: Alignment[],
): ScopeSummary {
  const parentIds = new Set(parents.map((t) => t.id));
  const links = alignments.filter((a) => parentIds.has(a.parent));
  const carried = new Set(links.map((a) => a.parent));
  const used = new Set(alignments.map((a) => a.child));
  const relations = { equivalent: 0, reworded: 0, partial: 0 };
  for (const link of links) relations[link.relation]++;
  const obligatory = parents.filter((t) => t.obligatory);
  const obligatoryCarried = obligatory.filter((t) => carried.has(t.id)).length;
  return {
    parentTasks: parents.length,
    childTasks,
    carried: carried.size,
    coverage: parents.length === 0 ? 1 : round(carried.size / parents.length),
    obligatory: obligatory.length,
    obligatoryCarried,
    requiredCoverage: obligatory.length === 0 ? 1 : round(obligatoryCarried / obligatory.length),
    missing: parents.filter((t) => !carried.has(t.id)).map((t) => t.id),
    added: children.filter((t) => !used.has(t.id)).map((t) => t.id),
    relations,
  };
}

/**
 * Fidelity of one parent task: the credit of its best link, less a penalty for serious findings.
 * Links and findings are indexed by parent task once (linear, whatever the plans' size).
 */
function taskFidelity(alignments: Alignment[], findings: Finding[]): (task: Task) => number {
  const credit = new Map<string, number>();
  for (const l of alignments)
    credit.set(l.parent, Math.max(credit.get(l.parent) ?? CREDIT.missing, CREDIT[l.relation]));
  const serious = new Set<string>();
  for (const f of findings) {
    if (
      f.parent !== null &&
      (f.severity === "high" || f.severity === "medium") &&
      f.kind !== "missing"
    )
      serious.add(f.parent);
  }
  return (task) =>
    Math.max(
      0,
      (credit.get(task.id) ?? CREDIT.missing) - (serious.has(task.id) ? FINDING_PENALTY : 0),
    );
}

function sectionSummaries(
  parent: PlanDocument,
  sectionAlignments: SectionAlignment[],
  alignments: Alignment[],
  fidelityOf: (task: Task) => number,
): SectionSummary[] {
  const carried = new Set(alignments.map((a) => a.parent));
  return parent.sections
    .filter((s) => s.taskSection !== null)
    .map((s) => {
      const tasks = parent.tasks.filter((t) => t.source === "body" && t.section === s.taskSection);
      return {
        parent: s.taskSection as number,
        title: s.title,
        child: sectionAlignments.find((a) => a.parent === s.taskSection)?.child ?? null,
        tasks: tasks.length,
        carried: tasks.filter((t) => carried.has(t.id)).length,
        fidelity: round(mean(tasks.map(fidelityOf))),
      };
    });
}

function mean(values: number[]): number {
  return values.length === 0 ? 1 : values.reduce((a, b) => a + b, 0) / values.length;
}
