import type { FindingRef, PairRun, RunChanges, RunRecord } from "../model/run.js";

const SCORES = ["coverage", "requiredCoverage"] as const;

/** What changed between the previous run and this one: findings by key, scores by pair. */
export function compareRuns(previous: RunRecord | null, pairs: PairRun[]): RunChanges {
  if (!previous) return { previous: null, newFindings: [], resolvedFindings: [], scoreChanges: [] };
  const pairKey = (p: PairRun) => `${p.parent}→${p.child}`;
  const before = new Map(previous.pairs.map((p) => [pairKey(p), p]));
  const after = new Map(pairs.map((p) => [pairKey(p), p]));
  const keysOf = (p: PairRun | undefined) =>
    new Map((p?.findings ?? []).filter((f) => !f.waived).map((f) => [f.key, f]));
  const newFindings: RunChanges["newFindings"] = [];
  const resolvedFindings: RunChanges["resolvedFindings"] = [];
  const scoreChanges: RunChanges["scoreChanges"] = [];
  for (const pair of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const old = keysOf(before.get(pair));
    const now = keysOf(after.get(pair));
    const tag = (f: FindingRef) => ({ ...f, pair });
    for (const [k, f] of now) if (!old.has(k)) newFindings.push(tag(f));
    for (const [k, f] of old) if (!now.has(k)) resolvedFindings.push(tag(f));
    const a = before.get(pair)?.summary;
    const b = after.get(pair)?.summary;
    if (!a || !b) continue;
    for (const field of SCORES) {
      if (a.body[field] !== b.body[field])
        scoreChanges.push({
          pair,
          field: `body.${field}`,
          before: a.body[field],
          after: b.body[field],
        });
    }
    if (a.fidelity !== b.fidelity)
      scoreChanges.push({ pair, field: "fidelity", before: a.fidelity, after: b.fidelity });
  }
  return { previous: previous.id, newFindings, resolvedFindings, scoreChanges };
}
