import { type Finding, SEVERITY_ORDER, type Severity } from "../../model/finding.js";

/** Keeps findings at or above `min` (high > medium > low > info). */
export function filterSeverity(findings: Finding[], min: Severity): Finding[] {
  const limit = SEVERITY_ORDER.indexOf(min);
  return findings.filter((f) => SEVERITY_ORDER.indexOf(f.severity) <= limit);
}
