import { z } from "zod";
import { AlignmentSchema, RelationSchema, SectionAlignmentSchema } from "./alignment.js";
import { PlanDocumentSchema } from "./document.js";
import { FindingSchema } from "./finding.js";

/** Counts for one scope (body tasks or appendix rows). */
export const ScopeSummarySchema = z.object({
  parentTasks: z.number().int().nonnegative(),
  childTasks: z.number().int().nonnegative(),
  /** Parent tasks carried by at least one child task (any relation). */
  carried: z.number().int().nonnegative(),
  /** carried / parentTasks (1 when the parent has no task in this scope). */
  coverage: z.number().min(0).max(1),
  /** Parent tasks no child task carries. */
  missing: z.array(z.string()),
  /** Child tasks that carry no parent task. */
  added: z.array(z.string()),
  relations: z.record(RelationSchema, z.number().int().nonnegative()),
});
export type ScopeSummary = z.infer<typeof ScopeSummarySchema>;

export const CompareSummarySchema = z.object({
  body: ScopeSummarySchema,
  appendix: ScopeSummarySchema,
});
export type CompareSummary = z.infer<typeof CompareSummarySchema>;

/** Output of `plandiff compare` (contract v1). */
export const CompareResultSchema = z.object({
  schemaVersion: z.literal(1),
  parent: PlanDocumentSchema,
  child: PlanDocumentSchema,
  sectionAlignments: z.array(SectionAlignmentSchema),
  alignments: z.array(AlignmentSchema),
  findings: z.array(FindingSchema),
  summary: CompareSummarySchema,
});
export type CompareResult = z.infer<typeof CompareResultSchema>;
