import type { Alignment, Evidence } from "../model/alignment.js";
import { assignPairs, type WeightedPair } from "./hungarian.js";
import { applyModel, type ScopeOptions } from "./options.js";
import { round } from "./sections.js";
import type { Signals } from "./signals.js";
import { sentenceMatches, type TaskFeatures } from "./task-features.js";
import { sharedTerms } from "./tfidf.js";

/**
 * The candidate pairs of one scope with their signals: `signals[i][j]` for parent i and child j,
 * null for a pair candidate generation left out (it cannot be linked).
 */
export interface CandidateMatrix {
  parents: TaskFeatures[];
  children: TaskFeatures[];
  signals: (Signals | null)[][];
}

const SHARED_TERMS = 8;
const EVIDENCE_SENTENCES = 3;
const EVIDENCE_SENTENCE_MIN = 0.1;

/**
 * Adds relative signals to every scored pair: how the pair's similarity compares with the best the
 * parent (ratioParent) and the child (ratioChild) find anywhere. A task's true partner is
 * usually its best candidate, whatever the absolute level of similarity. `similarity` holds the
 * similarity of every pair, scored or not (pairs left out by candidate generation count too).
 */
export function addRelativeSignals(
  matrix: CandidateMatrix,
  key: string,
  similarity: number[][],
): void {
  const { signals } = matrix;
  const rowMax = similarity.map((row) => row.reduce((max, v) => Math.max(max, v), 1e-9));
  const colMax = matrix.children.map((_, j) => {
    let max = 1e-9;
    for (const row of similarity) max = Math.max(max, row[j] as number);
    return max;
  });
  signals.forEach((row, i) => {
    row.forEach((s, j) => {
      if (!s) return;
      const v = s[key] ?? 0;
      s.ratioParent = v / (rowMax[i] as number);
      s.ratioChild = v / (colMax[j] as number);
      // Each is the other's best candidate: in corresponding plans such pairs are nearly always one task.
      s.mutual = s.ratioParent === 1 && s.ratioChild === 1 ? v : 0;
    });
  });
}

/**
 * Primary links: optimal one-to-one assignment over the primary model's log-odds above
 * threshold, then mutual best candidates left over (see `mutualMin`).
 */
export function primaryLinks(matrix: CandidateMatrix, options: ScopeOptions): number[] {
  const cut = logit(options.primaryThreshold);
  // Only the scored pairs: a pair left out by candidate generation weighs nothing.
  const pairs: WeightedPair[] = [];
  matrix.signals.forEach((row, i) => {
    row.forEach((s, j) => {
      if (s) pairs.push({ row: i, col: j, weight: logit(applyModel(options.primary, s)) - cut });
    });
  });
  const primary = assignPairs(matrix.parents.length, matrix.children.length, pairs);
  if (options.mutualMin !== null) addMutualBest(matrix, primary, options.mutualMin);
  return primary;
}

/** Links unassigned pairs that are each other's best candidate (see `mutualMin`). */
function addMutualBest(matrix: CandidateMatrix, primary: number[], min: number): void {
  const taken = new Set(primary.filter((j) => j >= 0));
  matrix.signals.forEach((row, i) => {
    if (primary[i] !== -1) return;
    const j = row.findIndex((s) => (s?.mutual ?? 0) >= min);
    if (j >= 0 && !taken.has(j)) {
      primary[i] = j;
      taken.add(j);
    }
  });
}

/**
 * Secondary `partial` links: pairs outside the assignment where the child carries part of the
 * parent (a merged task, a split, a sentence moved into another task).
 */
export function partialLinks(
  matrix: CandidateMatrix,
  primary: number[],
  options: ScopeOptions,
): [number, number][] {
  const childLinked = new Set(primary.filter((j) => j >= 0));
  const out: [number, number][] = [];
  matrix.signals.forEach((row, i) => {
    row.forEach((s, j) => {
      if (!s || primary[i] === j) return;
      if (
        applyModel(options.partial, s, linkContext(primary, childLinked, i, j)) >=
        options.partialThreshold
      )
        out.push([i, j]);
    });
  });
  return out;
}

/** Whether the two tasks of a pair already have primary links (signals of the partial model). */
function linkContext(
  primary: number[],
  childLinked: Set<number>,
  i: number,
  j: number,
): Record<string, number> {
  return { parentLinked: primary[i] !== -1 ? 1 : 0, childLinked: childLinked.has(j) ? 1 : 0 };
}

/** Builds the alignments of one scope: primary links first, then partial ones. */
export function scopeAlignments(matrix: CandidateMatrix, options: ScopeOptions): Alignment[] {
  const primary = primaryLinks(matrix, options);
  const links: Alignment[] = [];
  primary.forEach((j, i) => {
    if (j < 0) return;
    const s = matrix.signals[i]?.[j] as Signals;
    const relation =
      (s.text ?? s.title ?? 0) >= options.equivalentText && (s.title ?? 0) >= options.equivalentText
        ? "equivalent"
        : "reworded";
    // A pair linked by the mutual-best rule is as sure as its agreement, whatever the model said.
    const score = Math.max(applyModel(options.primary, s), s.mutual ?? 0);
    links.push(alignment(matrix, i, j, relation, score));
  });
  const childLinked = new Set(primary.filter((j) => j >= 0));
  const linkedParents = new Set(primary.flatMap((j, i) => (j >= 0 ? [i] : [])));
  for (const [i, j] of partialLinks(matrix, primary, options)) {
    const s = matrix.signals[i]?.[j] as Signals;
    const score = applyModel(options.partial, s, linkContext(primary, childLinked, i, j));
    links.push(alignment(matrix, i, j, "partial", score));
    linkedParents.add(i);
  }
  if (options.wholeTaskContained !== null) {
    for (const [i, j, relation] of wholeTaskLinks(
      matrix,
      linkedParents,
      options.wholeTaskContained,
    )) {
      // A child row keeps a single non-partial parent.
      const kept = relation === "reworded" && !childLinked.has(j) ? relation : "partial";
      childLinked.add(j);
      links.push(alignment(matrix, i, j, kept, matrix.signals[i]?.[j]?.inChildBody ?? 0));
    }
  }
  return links;
}

/**
 * Rows a matcher of titles cannot see: a child row that restates a whole body task carries the
 * parent rows of the parent task that body task carries — the parent row that also restates its
 * whole task (reworded), and any other row whose action the child task states (partial).
 */
function wholeTaskLinks(
  matrix: CandidateMatrix,
  linkedParents: Set<number>,
  minContained: number,
): [number, number, Alignment["relation"]][] {
  const out: [number, number, Alignment["relation"]][] = [];
  matrix.signals.forEach((row, i) => {
    if (linkedParents.has(i)) return;
    let best: [number, Alignment["relation"], number] | null = null;
    row.forEach((s, j) => {
      if (s?.body !== 1 || s.childWholeTask !== 1) return;
      const strength = s.parentWholeTask === 1 ? 2 : (s.inChildBody ?? 0);
      if (strength < minContained) return;
      if (!best || strength > best[2])
        best = [j, s.parentWholeTask === 1 ? "reworded" : "partial", strength];
    });
    if (best)
      out.push([
        i,
        (best as [number, Alignment["relation"], number])[0],
        (best as [number, Alignment["relation"], number])[1],
      ]);
  });
  return out;
}

function alignment(
  matrix: CandidateMatrix,
  i: number,
  j: number,
  relation: Alignment["relation"],
  score: number,
): Alignment {
  const p = matrix.parents[i] as TaskFeatures;
  const c = matrix.children[j] as TaskFeatures;
  const signals = Object.fromEntries(
    Object.entries(matrix.signals[i]?.[j] ?? {}).map(([k, v]) => [k, round(v)]),
  );
  return {
    parent: p.task.id,
    child: c.task.id,
    relation,
    score: round(score),
    evidence: evidenceOf(p, c, signals),
  };
}

function evidenceOf(p: TaskFeatures, c: TaskFeatures, signals: Record<string, number>): Evidence {
  const terms = sharedTerms(p.text, c.text, SHARED_TERMS * 3)
    .filter((t) => !t.startsWith("~"))
    .slice(0, SHARED_TERMS);
  const anchors = p.anchors.filter((a) => c.anchors.includes(a));
  // The measures carry the evidence; the heading sentences agree or not in plain sight, and are
  // shown only when no measure agrees.
  const measures = sentencePairs(withoutHeading(p), withoutHeading(c));
  const sentences = measures.length > 0 ? measures : sentencePairs(p.sentences, c.sentences);
  return {
    signals,
    sharedTerms: [...new Set([...anchors, ...terms])].slice(0, SHARED_TERMS),
    sentences,
  };
}

/**
 * The best sentence pairs: each parent sentence with the child sentence that carries it best (at
 * least EVIDENCE_SENTENCE_MIN), one pair per child sentence, strongest first.
 */
function sentencePairs(
  from: TaskFeatures["sentences"],
  to: TaskFeatures["sentences"],
): Evidence["sentences"] {
  const best = new Map<string, Evidence["sentences"][number]>();
  sentenceMatches(from, to).forEach((m, k) => {
    const child = to[m.index]?.text;
    if (child === undefined || m.best < EVIDENCE_SENTENCE_MIN) return;
    const pair = { parent: from[k]?.text ?? "", child, score: round(m.best) };
    const seen = best.get(child);
    if (!seen || pair.score > seen.score) best.set(child, pair);
  });
  return [...best.values()]
    .sort((a, b) => b.score - a.score || (a.parent < b.parent ? -1 : 1))
    .slice(0, EVIDENCE_SENTENCES);
}

/** A task's sentences after its heading sentence (the title, when the text opens with it). */
function withoutHeading(t: TaskFeatures): TaskFeatures["sentences"] {
  const first = t.sentences[0];
  return first && t.task.title !== "" && first.text.startsWith(t.task.title)
    ? t.sentences.slice(1)
    : t.sentences;
}

function logit(p: number): number {
  const q = Math.min(1 - 1e-9, Math.max(1e-9, p));
  return Math.log(q / (1 - q));
}
