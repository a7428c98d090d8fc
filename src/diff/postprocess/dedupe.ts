import type { Finding } from "../../model/finding.js";

/** Drops findings that say the same thing twice (same kind and tasks). */
export function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.kind}|${f.parent ?? ""}|${f.child ?? ""}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
