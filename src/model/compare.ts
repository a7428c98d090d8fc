import { z } from "zod";
import {
  AlignmentSchema,
  ParentCoverageSchema,
  RelationSchema,
  SectionAlignmentSchema,
} from "./alignment.js";
import { PlanDocumentSchema } from "./document.js";
import { DriftSchema, FindingSchema, SeveritySchema } from "./finding.js";

/** Counts for one scope (body tasks, appendix rows or safeguards). */
export const ScopeSummarySchema = z.object({
  parentTasks: z.number().int().nonnegative(),
  childTasks: z.number().int().nonnegative(),
  /** Parent tasks carried by at least one child task (any relation, partial included). */
  carried: z.number().int().nonnegative(),
  /** carried / parentTasks (1 when the parent has no task in this scope). */
  coverage: z.number().min(0).max(1),
  /** Parent tasks addressed to lower-level governments (a child is expected to carry them). */
  obligatory: z.number().int().nonnegative(),
  /** Obligatory parent tasks carried. */
  obligatoryCarried: z.number().int().nonnegative(),
  /** obligatoryCarried / obligatory (1 when there is none). */
  requiredCoverage: z.number().min(0).max(1),
  /** Parent tasks no child task carries. */
  missing: z.array(z.string()),
  /** Child tasks that carry no parent task. */
  added: z.array(z.string()),
  relations: z.record(RelationSchema, z.number().int().nonnegative()),
});
export type ScopeSummary = z.infer<typeof ScopeSummarySchema>;

/** How faithfully one parent task section is carried. */
export const SectionSummarySchema = z.object({
  parent: z.number().int().positive(),
  title: z.string(),
  /** The aligned child section, or null. */
  child: z.number().int().positive().nullable(),
  tasks: z.number().int().nonnegative(),
  carried: z.number().int().nonnegative(),
  /** Mean task fidelity in [0,1] (README § Summary). */
  fidelity: z.number().min(0).max(1),
});
export type SectionSummary = z.infer<typeof SectionSummarySchema>;

/**
 * Whether the two documents are a parent and its child (README § Pair verdict): `ok`; `weak` (the
 * child cites the parent but repeats little of it); `reversed` (the evidence says the "parent"
 * implements the "child"); `unrelated` (no citation either way and no more shared text than
 * unrelated plans share).
 */
export const PairVerdictSchema = z.object({
  verdict: z.enum(["ok", "weak", "reversed", "unrelated"]),
  /** Why, one sentence each, in the report's language. */
  reasons: z.array(z.string()),
  evidence: z.object({
    /** The child cites the parent (title or 文号), and the other way round. */
    childCitesParent: z.boolean(),
    parentCitesChild: z.boolean(),
    /** Share of the smaller plan's distinct 8-character runs the other repeats word for word. */
    sharedText: z.number().min(0).max(1),
    /** Mean coverage of the parent's body tasks (sentence level, see `coverage`). */
    carried: z.number().min(0).max(1),
    /** "higher" when the parent is of a higher level than the child, "same", "lower", or "unknown". */
    levels: z.enum(["higher", "same", "lower", "unknown"]),
    /** Whether the parent is dated before the child ("earlier"), after it, or unknown. */
    dates: z.enum(["earlier", "same", "later", "unknown"]),
  }),
});
export type PairVerdict = z.infer<typeof PairVerdictSchema>;

/**
 * Whether a pair is no parent and child at all (reversed or unrelated): `--fail-on` and a run's
 * `failOn` fail it whatever its findings.
 */
export function isDoubtful(pair: PairVerdict): boolean {
  return pair.verdict === "reversed" || pair.verdict === "unrelated";
}

/** The verdicts' names in each report language. */
export const VERDICT_NAMES: Readonly<
  Record<PairVerdict["verdict"], Readonly<Record<"zh" | "en", string>>>
> = {
  ok: { zh: "上下级对应", en: "parent and child" },
  weak: { zh: "对应较弱", en: "weak" },
  reversed: { zh: "上下级颠倒", en: "reversed" },
  unrelated: { zh: "互不相关", en: "unrelated" },
};

export const CompareSummarySchema = z.object({
  /** Whether the pair makes sense at all; shown first in every report. Older results read as ok. */
  pair: PairVerdictSchema.default({
    verdict: "ok",
    reasons: [],
    evidence: {
      childCitesParent: false,
      parentCitesChild: false,
      sharedText: 0,
      carried: 0,
      levels: "unknown",
      dates: "unknown",
    },
  }),
  body: ScopeSummarySchema,
  appendix: ScopeSummarySchema,
  /**
   * The 保障措施 / 推进措施 / 组织实施 tasks (ids S<n>). A parent safeguard counts as carried
   * whatever the source of the child task that carries it (links are by id). Results stored
   * before safeguards were parsed have none: they read as an empty scope.
   */
  safeguards: ScopeSummarySchema.default({
    parentTasks: 0,
    childTasks: 0,
    carried: 0,
    coverage: 1,
    obligatory: 0,
    obligatoryCarried: 0,
    requiredCoverage: 1,
    missing: [],
    added: [],
    relations: { equivalent: 0, reworded: 0, partial: 0 },
  }),
  /** Mean fidelity of the parent's body tasks. */
  fidelity: z.number().min(0).max(1),
  sections: z.array(SectionSummarySchema),
  findings: z.object({
    /** Findings not waived by a reviewer. */
    total: z.number().int().nonnegative(),
    /** Findings a reviewer waived (still listed with their waiver). */
    waived: z.number().int().nonnegative(),
    byKind: z.record(z.string(), z.number().int().nonnegative()),
    bySeverity: z.record(SeveritySchema, z.number().int().nonnegative()),
  }),
  /** deadline-drift findings by label. */
  deadlineDrift: z.record(DriftSchema.shape.label, z.number().int().nonnegative()),
});
export type CompareSummary = z.infer<typeof CompareSummarySchema>;

/** Output of `plandiff compare` (contract v1). */
export const CompareResultSchema = z.object({
  schemaVersion: z.literal(1),
  parent: PlanDocumentSchema,
  child: PlanDocumentSchema,
  sectionAlignments: z.array(SectionAlignmentSchema),
  alignments: z.array(AlignmentSchema),
  /**
   * Per parent body / safeguard task, in parent order: how much of it the child carries and in
   * which child tasks (appendix rows are left out). Results stored before it existed read as [].
   */
  coverage: z.array(ParentCoverageSchema).default([]),
  findings: z.array(FindingSchema),
  summary: CompareSummarySchema,
});
export type CompareResult = z.infer<typeof CompareResultSchema>;
