/** Which document a task belongs to. */
export type Side = "parent" | "child";

/** The id of a task's first appearance in the alignment view: `p-B1.1`, `c-A3`. */
export function taskAnchor(side: Side, taskId: string): string {
  return `${side === "parent" ? "p" : "c"}-${taskId.replace(/\s/g, "_")}`;
}

/** The id of a finding in the findings list (its 1-based position: deterministic). */
export function findingAnchor(index: number): string {
  return `f-${index + 1}`;
}
