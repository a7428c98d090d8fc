import type { RunConfig } from "../config/schema.js";
import { isDoubtful } from "../model/compare.js";
import type { RunRecord } from "../model/run.js";

/** The thresholds a run crossed, one line each (empty: within thresholds). */
export function crossedThresholds(
  record: RunRecord,
  thresholds: RunConfig["thresholds"],
): string[] {
  const out: string[] = [];
  for (const rule of thresholds.failOn) {
    const [name, limit] = rule.split(">") as [string, string];
    const count = countOf(record, name);
    if (count > Number(limit)) out.push(`${name} = ${count} > ${limit}`);
  }
  // With any failOn rule, a pair that is no parent and child fails the run (its findings mean little).
  if (
    thresholds.failOn.length > 0 &&
    !thresholds.failOn.some((r) => r.startsWith("doubtful-pairs"))
  )
    for (const pair of record.pairs)
      if (isDoubtful(pair.summary.pair))
        out.push(`${pair.child}: ${pair.parent} → ${pair.child} ${pair.summary.pair.verdict}`);
  for (const pair of record.pairs) {
    const values = {
      coverage: pair.summary.body.coverage,
      requiredCoverage: pair.summary.body.requiredCoverage,
      fidelity: pair.summary.fidelity,
    };
    for (const [field, min] of Object.entries(thresholds.failUnder)) {
      const value = values[field as keyof typeof values];
      if (min !== undefined && value < min) out.push(`${pair.child}: ${field} = ${value} < ${min}`);
    }
  }
  return out;
}

function countOf(record: RunRecord, name: string): number {
  const active = record.pairs.flatMap((p) => p.findings.filter((f) => !f.waived));
  switch (name) {
    case "required-missing":
      return active.filter((f) => f.kind === "missing" && f.severity === "high").length;
    case "missing":
      return active.filter((f) => f.kind === "missing").length;
    case "doubtful-pairs":
      return record.pairs.filter((p) => isDoubtful(p.summary.pair)).length;
    case "new-findings":
      return record.changes.newFindings.length;
    case "findings":
      return active.length;
    default:
      return active.filter((f) => f.severity === name).length;
  }
}
