import type { Alignment as AlignmentLink } from "../model/alignment.js";
import type { CompareResult } from "../model/compare.js";
import type { PlanDocument } from "../model/document.js";
import type { Task } from "../model/task.js";
import { compareIds } from "../util/task-ids.js";
import { bundledBackground } from "./background.js";
import { parentIndex } from "./candidates.js";
import { parentCoverage } from "./coverage.js";
import { addRelativeSignals, type CandidateMatrix, scopeAlignments } from "./match.js";
import { namedInListLinks } from "./named.js";
import { type AlignOptions, type CandidateOptions, defaultAlignOptions } from "./options.js";
import { alignSections } from "./sections.js";
import {
  bodySignals,
  linkedThroughBody,
  type PairContext,
  rowSignals,
  type Signals,
} from "./signals.js";
import {
  type SentenceMatch,
  type TaskFeatures,
  taskFeatures,
  taskTokens,
} from "./task-features.js";
import { cosine, type SparseVector, TfIdf } from "./tfidf.js";

/** Candidate matrices of both scopes, before any link is chosen (also used to fit the weights). */
export interface PreparedComparison {
  body: CandidateMatrix;
  appendix: CandidateMatrix;
  sectionAlignments: CompareResult["sectionAlignments"];
  context: PairContext;
}

const bySource = (doc: PlanDocument, source: Task["source"]) =>
  doc.tasks.filter((t) => t.source === source);

/** The tasks aligned by their text: the body's and the safeguards' (a child moves tasks between them). */
const textTasks = (doc: PlanDocument) => doc.tasks.filter((t) => t.source !== "appendix");

/** Fits the term weights on both plans, aligns sections, and scores the candidate body pairs. */
export function prepareBody(
  parent: PlanDocument,
  child: PlanDocument,
  candidates: CandidateOptions = defaultAlignOptions().candidates,
): Omit<PreparedComparison, "appendix"> & { model: TfIdf } {
  const model = new TfIdf([...parent.tasks, ...child.tasks].map(taskTokens), bundledBackground());
  const parents = textTasks(parent).map((t) => taskFeatures(t, model));
  const children = textTasks(child).map((t) => taskFeatures(t, model));
  const indexed = candidates.mode === "index";
  const textSimilarity = indexed
    ? indexedSimilarity(parent, "body-text", parents, children, (t) => t.text)
    : parents.map((p) => children.map((c) => cosine(p.text, c.text)));
  const sectionAlignments = alignSections(parent, child, parents, children, textSimilarity, model);
  const context: PairContext = {
    sectionMap: new Map(sectionAlignments.map((s) => [s.parent, s.child])),
    bodyLinks: new Set(),
    childBody: new Map(children.map((c) => [c.task.id, c])),
    parentBody: new Map(parents.map((p) => [p.task.id, p])),
  };
  const body: CandidateMatrix = {
    parents,
    children,
    signals: indexed
      ? indexedBodySignals(parent, parents, children, textSimilarity, context, candidates)
      : parents.map((p) => children.map((c) => bodySignals(p, c, context))),
  };
  addRelativeSignals(body, "text", textSimilarity);
  return { body, sectionAlignments, context, model };
}

/** Similarity of every parent × child pair of one vector kind, through the parent's index. */
function indexedSimilarity(
  parentDoc: PlanDocument,
  key: string,
  parents: TaskFeatures[],
  children: TaskFeatures[],
  vector: (t: TaskFeatures) => SparseVector,
): number[][] {
  const vectors = parents.map(vector);
  const index = parentIndex(parentDoc, key, vectors);
  const out = parents.map(() => new Array<number>(children.length).fill(0));
  const scores = new Array<number>(parents.length).fill(0);
  children.forEach((c, j) => {
    for (const i of index.scores(vector(c), vectors, scores)) {
      (out[i] as number[])[j] = scores[i] as number;
      scores[i] = 0;
    }
  });
  return out;
}

/**
 * Body signals of the candidate pairs only: for each child task, its sentences are scored
 * against every parent sentence through the parent's sentence index; a parent task is a
 * candidate when the texts or one pair of sentences agree above the floors, or when it is the
 * child's best match (relative signals need the best pair of every row and column).
 */
function indexedBodySignals(
  parentDoc: PlanDocument,
  parents: TaskFeatures[],
  children: TaskFeatures[],
  textSimilarity: number[][],
  context: PairContext,
  options: CandidateOptions,
): (Signals | null)[][] {
  const sentences = parents.flatMap((p) => p.sentences.map((s) => s.vector));
  const taskOf = parents.flatMap((p, i) => p.sentences.map(() => i));
  const firstSentence: number[] = [];
  let offset = 0;
  for (const p of parents) {
    firstSentence.push(offset);
    offset += p.sentences.length;
  }
  const index = parentIndex(parentDoc, "body-sentences", sentences);
  const rowBest = parents.map((_, i) => argmax(textSimilarity[i] as number[]));
  const signals: (Signals | null)[][] = parents.map(() => new Array(children.length).fill(null));
  children.forEach((c, j) => {
    const rows = c.sentences.map(() => new Array<number>(sentences.length).fill(0));
    const picked = new Set<number>();
    // The best sentence score of each task picked by a sentence (to rank candidates when capped).
    const sentenceBest = new Map<number, number>();
    c.sentences.forEach((s, m) => {
      const row = rows[m] as number[];
      for (const k of index.scores(s.vector, sentences, row)) {
        const v = row[k] as number;
        if (v < options.minSentence) continue;
        const i = taskOf[k] as number;
        picked.add(i);
        if (v > (sentenceBest.get(i) ?? 0)) sentenceBest.set(i, v);
      }
    });
    let colBest = -1;
    let colMax = 0;
    parents.forEach((_, i) => {
      const text = (textSimilarity[i] as number[])[j] as number;
      if (text >= options.minText || rowBest[i] === j) picked.add(i);
      if (text > colMax) {
        colMax = text;
        colBest = i;
      }
    });
    if (colBest >= 0) picked.add(colBest);
    const kept =
      parents.length > CAP_ABOVE
        ? capCandidates(picked, j, textSimilarity, rowBest, colBest, sentenceBest)
        : picked;
    for (const i of kept) {
      const p = parents[i] as TaskFeatures;
      const first = firstSentence[i] as number;
      const forward = p.sentences.map((_, k) => bestOf(rows, (row) => row[first + k] as number));
      const backward = rows.map((row) => bestOf(p.sentences, (_, k) => row[first + k] as number));
      (signals[i] as (Signals | null)[])[j] = bodySignals(p, c, context, { forward, backward });
    }
  });
  return signals;
}

/**
 * Bounded cost (docs/performance.md): when the parent has more than `CAP_ABOVE` body tasks, a
 * child task keeps at most `MAX_CANDIDATES` candidates — its best by text or by one sentence —
 * besides the pairs relative signals need (its own best, and parents whose best it is). A plan of
 * thousands of near-identical tasks would otherwise score (and partially link) every pair.
 */
const CAP_ABOVE = 300;
const MAX_CANDIDATES = 50;

/** The picked candidates of child `j`, capped (see MAX_CANDIDATES). */
function capCandidates(
  picked: Set<number>,
  j: number,
  textSimilarity: number[][],
  rowBest: number[],
  colBest: number,
  sentenceBest: Map<number, number>,
): Set<number> {
  if (picked.size <= MAX_CANDIDATES) return picked;
  const kept = new Set<number>();
  const ranked: [number, number][] = [];
  for (const i of picked) {
    if (i === colBest || rowBest[i] === j) kept.add(i);
    else {
      const text = (textSimilarity[i] as number[])[j] as number;
      ranked.push([i, Math.max(text, sentenceBest.get(i) ?? 0)]);
    }
  }
  ranked.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  for (const [i] of ranked.slice(0, MAX_CANDIDATES)) kept.add(i);
  return kept;
}

/** The best score over items and its first index (-1 when none is above 0), as sentenceMatches. */
function bestOf<T>(items: readonly T[], score: (item: T, k: number) => number): SentenceMatch {
  let best = 0;
  let index = -1;
  items.forEach((item, k) => {
    const v = score(item, k);
    if (v > best) {
      best = v;
      index = k;
    }
  });
  return { best, index };
}

function argmax(values: number[]): number {
  let best = -1;
  let max = 0;
  values.forEach((v, k) => {
    if (v > max) {
      max = v;
      best = k;
    }
  });
  return best;
}

/** Scores the candidate appendix row pairs, using the body links as evidence. */
export function prepareAppendix(
  parent: PlanDocument,
  child: PlanDocument,
  model: TfIdf,
  context: PairContext,
  candidates: CandidateOptions = defaultAlignOptions().candidates,
): CandidateMatrix {
  const parents = bySource(parent, "appendix").map((t) => taskFeatures(t, model));
  const children = bySource(child, "appendix").map((t) => taskFeatures(t, model));
  const all = candidates.mode === "all";
  const titles = all
    ? parents.map((p) => children.map((c) => cosine(p.title, c.title)))
    : indexedSimilarity(parent, "row-titles", parents, children, (t) => t.title);
  const rowBest = parents.map((_, i) => argmax(titles[i] as number[]));
  const colBest = children.map((_, j) => argmax(titles.map((row) => row[j] as number)));
  const matrix: CandidateMatrix = {
    parents,
    children,
    signals: parents.map((p, i) =>
      children.map((c, j) =>
        all ||
        ((titles[i] as number[])[j] as number) >= candidates.minTitle ||
        rowBest[i] === j ||
        colBest[j] === i ||
        linkedThroughBody(p, c, context)
          ? rowSignals(p, c, context)
          : null,
      ),
    ),
  };
  addRelativeSignals(matrix, "title", titles);
  return matrix;
}

/** Sections and task links of a child plan against its parent. */
export interface Alignment {
  sectionAlignments: CompareResult["sectionAlignments"];
  alignments: AlignmentLink[];
  /** How much of each parent body / safeguard task the child carries (src/align/coverage.ts). */
  coverage: CompareResult["coverage"];
}

/**
 * Aligns a child plan with its parent: sections first, then body tasks (optimal primary links,
 * then partial links for merges and splits), then appendix rows with the body links as evidence.
 */
export function alignDocuments(
  parent: PlanDocument,
  child: PlanDocument,
  options: AlignOptions = defaultAlignOptions(),
): Alignment {
  const { body, sectionAlignments, context, model } = prepareBody(
    parent,
    child,
    options.candidates,
  );
  const bodyLinks = scopeAlignments(body, options.body);
  bodyLinks.push(
    ...namedInListLinks(body.parents, body.children, new Set(bodyLinks.map((l) => l.parent))),
  );
  for (const link of bodyLinks) context.bodyLinks.add(`${link.parent} ${link.child}`);
  const rowLinks = scopeAlignments(
    prepareAppendix(parent, child, model, context, options.candidates),
    options.appendix,
  );
  const alignments = [...bodyLinks, ...rowLinks].sort(
    (a, b) =>
      compareIds(a.parent, b.parent) ||
      compareIds(a.child, b.child) ||
      (a.relation < b.relation ? -1 : a.relation > b.relation ? 1 : 0),
  );
  const coverage = parentCoverage(parent, body.parents, body.children);
  return { sectionAlignments, alignments, coverage };
}
