import type { CompareSummary } from "../../model/compare.js";

/** A scope of the compare summary, by the key the summary and the label table share. */
export type ScopeKey = "body" | "safeguards" | "appendix";

/**
 * The scopes a report prints, in the order of the task-by-task view: body tasks, the safeguards
 * (保障措施) only when the parent or the child has any (so reports of plans without them stay as
 * they were), the task table.
 */
export function reportScopes(summary: CompareSummary): ScopeKey[] {
  return hasSafeguards(summary) ? ["body", "safeguards", "appendix"] : ["body", "appendix"];
}

/** Whether the parent or the child has safeguards tasks (S ids). */
export function hasSafeguards(summary: CompareSummary): boolean {
  return summary.safeguards.parentTasks > 0 || summary.safeguards.childTasks > 0;
}
