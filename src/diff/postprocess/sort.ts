import { type Finding, SEVERITY_ORDER } from "../../model/finding.js";
import { compareIds } from "../../util/task-ids.js";

/** Most serious first, then by kind, then in document order of the tasks: stable output. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
      (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) ||
      compareIds(a.parent ?? "", b.parent ?? "") ||
      compareIds(a.child ?? "", b.child ?? "") ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}
