import type { Alignment, ParentCoverage, SectionAlignment } from "../model/alignment.js";
import type { PlanDocument } from "../model/document.js";
import type { Finding, FindingKind, Severity } from "../model/finding.js";
import type { Lang } from "../model/lang.js";
import type { Task } from "../model/task.js";
import type { Restatement } from "./restates.js";

/** What every rule may read: both plans, the alignment, and lookups over them. */
export interface DiffContext {
  parent: PlanDocument;
  child: PlanDocument;
  alignments: Alignment[];
  sectionAlignments: SectionAlignment[];
  lang: Lang;
  /** The user's unit aliases as counterpart keys (`aliasKeys`); undefined when none are configured. */
  unitAliases?: ReadonlyMap<string, string>;
  parentTask(id: string): Task | undefined;
  childTask(id: string): Task | undefined;
  /** Links of a parent task (any relation), in output order. */
  linksOfParent(id: string): Alignment[];
  /** Links of a child task (any relation), in output order. */
  linksOfChild(id: string): Alignment[];
  /** How much of a parent body / safeguard task the child carries (undefined: not computed, or a row). */
  coverageOf(id: string): ParentCoverage | undefined;
  /** The parent task an unlinked child task restates (`restates.ts`), if any. */
  restated(childId: string): Restatement | undefined;
  /** Unlinked child tasks that restate the parent task `id`, in the child's order. */
  restatersOf(parentId: string): Task[];
}

/**
 * A diff rule: one kind of departure of the child from the parent. Registered in
 * `rules/index.ts`; its id is its file name and the `kind` of its findings, one of
 * `FINDING_KINDS` (`model/finding.ts`).
 */
export interface DiffRule<K extends string = FindingKind> {
  id: K;
  title: Record<Lang, string>;
  defaultSeverity: Severity;
  check(context: DiffContext): Finding[];
}

/** A finding with the fields that most rules leave empty already filled in. */
export function createFinding(
  fields: Pick<Finding, "kind" | "severity" | "parent" | "child" | "message"> & Partial<Finding>,
): Finding {
  return { evidence: [], drift: null, changes: [], diff: [], waiver: null, ...fields };
}
