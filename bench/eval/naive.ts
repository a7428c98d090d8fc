/**
 * The naive baseline the matcher must beat: character-bigram Dice on titles only, greedy one to
 * one (best pairs first), one threshold per scope, no partial links.
 */
import type { PlanDocument } from "../../src/model/document.js";
import type { Task } from "../../src/model/task.js";
import type { Scope } from "./datasets.js";
import { type GoldFile, macroAverage, type PredictedLink, scoreScope } from "./scorer.js";

/**
 * Thresholds found by `npm run eval` on the synthetic TUNE set (macro link F1, profiles realistic
 * and hard, seeds 1 and 2); eval prints a note when a re-tune disagrees with them.
 */
export const NAIVE_THRESHOLDS: Readonly<Record<Scope, number>> = { body: 0.34, appendix: 0.3 };

/** Thresholds tried when tuning: 0.01, 0.02, …, 1.00. */
export const THRESHOLD_GRID: readonly number[] = Array.from(
  { length: 100 },
  (_, i) => (i + 1) / 100,
);

/** A greedy pair with its Dice score. */
export interface ScoredLink extends PredictedLink {
  score: number;
}

// Punctuation and spacing differ with layout (full/half width), not with meaning.
const normalize = (title: string): string => title.replace(/[\s\p{P}\p{S}]/gu, "");

/** Distinct character bigrams (a one-character title is its own "bigram"). */
export function bigrams(title: string): Set<string> {
  const s = [...normalize(title)];
  if (s.length === 1) return new Set(s);
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(`${s[i]}${s[i + 1]}`);
  return out;
}

/** Dice coefficient of two bigram sets: 2|A∩B| / (|A| + |B|), 0 when both are empty. */
export function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size + b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/**
 * Every pair greedy one-to-one matching accepts with no threshold, best first. Greedy with a
 * threshold t accepts exactly the pairs of this list scoring ≥ t (its decisions above t are the
 * same), so one run serves every threshold. Relation: `equivalent` when the normalised titles are
 * identical, else `reworded`.
 */
export function greedyCandidates(
  parents: readonly Task[],
  children: readonly Task[],
): ScoredLink[] {
  const pb = parents.map((t) => bigrams(t.title));
  const cb = children.map((t) => bigrams(t.title));
  const pairs: { i: number; j: number; score: number }[] = [];
  pb.forEach((p, i) => {
    cb.forEach((c, j) => {
      const score = dice(p, c);
      if (score > 0) pairs.push({ i, j, score });
    });
  });
  // Ties go to document order, so the result never depends on the sort's stability.
  pairs.sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
  const usedP = new Set<number>();
  const usedC = new Set<number>();
  const out: ScoredLink[] = [];
  for (const { i, j, score } of pairs) {
    if (usedP.has(i) || usedC.has(j)) continue;
    usedP.add(i);
    usedC.add(j);
    const p = parents[i] as Task;
    const c = children[j] as Task;
    const relation = normalize(p.title) === normalize(c.title) ? "equivalent" : "reworded";
    out.push({ parent: p.id, child: c.id, relation, score });
  }
  return out;
}

/** The candidates kept at threshold `t`, without their scores. */
export function applyThreshold(candidates: readonly ScoredLink[], t: number): PredictedLink[] {
  return candidates
    .filter((c) => c.score >= t)
    .map(({ parent, child, relation }) => ({ parent, child, relation }));
}

const tasksOf = (doc: PlanDocument, scope: Scope): Task[] =>
  doc.tasks.filter((t) => t.source === scope);

/** Greedy candidates of one scope (body with body, appendix with appendix). */
export function naiveCandidates(
  parent: PlanDocument,
  child: PlanDocument,
  scope: Scope,
): ScoredLink[] {
  return greedyCandidates(tasksOf(parent, scope), tasksOf(child, scope));
}

/** The naive baseline's links for one scope. */
export function naiveLinks(
  parent: PlanDocument,
  child: PlanDocument,
  scope: Scope,
  threshold: number = NAIVE_THRESHOLDS[scope],
): PredictedLink[] {
  return applyThreshold(naiveCandidates(parent, child, scope), threshold);
}

/** One tuning example: a child's candidates, its gold and the ids plandiff parsed. */
export interface TuneExample {
  candidates: readonly ScoredLink[];
  gold: GoldFile;
  parentIds: readonly string[];
  childIds: readonly string[];
}

/** The grid threshold with the best macro link F1 (the lowest one on a tie). */
export function tuneThreshold(
  examples: readonly TuneExample[],
  grid: readonly number[] = THRESHOLD_GRID,
): { threshold: number; f1: number } {
  let best = { threshold: grid[0] ?? 0, f1: -1 };
  for (const t of grid) {
    const scores = examples.map((e) =>
      scoreScope(applyThreshold(e.candidates, t), e.gold, e.parentIds, e.childIds),
    );
    const f1 = macroAverage(scores).link.f1;
    if (f1 > best.f1) best = { threshold: t, f1 };
  }
  return best;
}
