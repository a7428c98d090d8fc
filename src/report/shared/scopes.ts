import type { CompareSummary } from "../../model/compare.js";

/** A scope of the compare summary, by the key the summary and the label table share. */
export type ScopeKey = "body" | "safeguards" | "appendix";

/**
 * The scopes a summary table prints: body tasks, the task table, then the safeguards (保障措施)
 * only when the parent or the child has any. Appended last, so that the rows and columns of the
 * other scopes keep their place, and reports of plans without safeguards stay as they were.
 */
export function reportScopes(summary: CompareSummary): ScopeKey[] {
  return hasSafeguards(summary) ? ["body", "appendix", "safeguards"] : ["body", "appendix"];
}

/** Whether the parent or the child has safeguards tasks (S ids). */
export function hasSafeguards(summary: CompareSummary): boolean {
  return summary.safeguards.parentTasks > 0 || summary.safeguards.childTasks > 0;
}
