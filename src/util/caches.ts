/**
 * Every module-level cache of src/, made here (`memo`, `weakCache`) or listed here (`CACHES`),
 * each with its bound and why it is bounded. A comparison must give the same bytes whatever a
 * process compared before it, so every cache holds only what its key fully determines.
 *
 * Not listed: `util/stable-json.ts` (its reused orders and bytes), `run/pool.ts` and
 * `ingest/readers/pdf.ts`, which document their own.
 */
import { Memo } from "./memo.js";

/**
 * Entries per generation of each bounded memo (a `Memo` keeps two generations, so at most twice
 * this many). Sized to hold what one parent plan's comparisons share: its texts come back for
 * every child compared with it.
 */
export const MEMO_SIZES = {
  /** text/segment.ts: jieba words of a text (sentences of the parent and the child). */
  segments: 2_000,
  /** align/task-features.ts: sorted term ids of a normalised text. */
  textTerms: 2_000,
  /** align/task-features.ts: term ids of a whole task text (the union of its sentences'). */
  wholeTerms: 200,
  /** align/tfidf.ts: the term id of a Han bigram by its two code units (re-found by its term). */
  bigramIds: 50_000,
  /** diff/reword/clauses.ts: the clauses of a wording. */
  clauses: 1_000,
  /** diff/reword/commitment.ts: the commitment words that make up a word or a run of words. */
  commitmentWords: 10_000,
} as const;

export type MemoName = keyof typeof MEMO_SIZES;

/** The bounded memo `name` of `MEMO_SIZES` (two generations of at most its size). */
export function memo<K, V>(name: MemoName): Memo<K, V> {
  return new Memo<K, V>(MEMO_SIZES[name]);
}

/**
 * Caches keyed by objects (a task, a plan, a clause list): bounded by their keys' lifetime, as an
 * entry goes when its key is collected. A parent plan's objects are the same for every child
 * compared with it, which is what these remember.
 */
export const WEAK_CACHES = {
  /** align/signals.ts: whether a task restates its title; bigrams of its title and sentences. */
  restates: "TaskFeatures",
  titleBigrams: "TaskFeatures",
  sentenceBigrams: "TaskFeatures",
  /** align/options.ts: a linear model's weights as a list. */
  compiledModels: "LinearModel",
  /** align/candidates.ts: a plan's inverted indexes of task vectors. */
  candidateIndexes: "PlanDocument",
  /** align/task-features.ts: what the matcher reads from a task before term weights. */
  taskTerms: "Task",
  /** diff/reword/word-diff.ts: a task's wording and its words. */
  wordings: "Task",
  taskWords: "Task",
  /** diff/reword/quantities.ts: a clause's quantities. */
  quantities: "Clause",
  /** diff/targets.ts: a task's numeric and dated targets. */
  targets: "Task",
  targetTaskContent: "Task",
  /** diff/reword/classify.ts: the content bigrams of a list of clauses together. */
  clauseSetBigrams: "Clause[]",
  /** run/finding-key.ts: a task's key in review files. */
  findingKeys: "Task",
  /** diff/restates.ts: a parent task's title letters and text grams. */
  restatedParents: "Task",
  /** diff/verdict.ts: a plan's distinct 8-character runs. */
  planRuns: "PlanDocument",
} as const;

export type WeakCacheName = keyof typeof WEAK_CACHES;

/** The weak cache `name` of `WEAK_CACHES`. */
export function weakCache<K extends WeakKey, V>(_name: WeakCacheName): WeakMap<K, V> {
  return new WeakMap<K, V>();
}

/** The other caches of src/, each bounded by what it is keyed on. */
export const CACHES = {
  "text/load-lexicon.ts": "one validated value per lexicon file of data/lexicon/",
  "text/lexicons.ts": "one value each: stopwords, level rewrites, level characters",
  "text/units.ts": "one value: the label patterns",
  "text/segment.ts (jieba)": "one value: the segmenter and its dictionary",
  "text/fold.ts": "one table of 65,536 code units",
  "text/fold-offsets.ts": "one table of 65,536 code units (fixed size)",
  "ingest/traditional.ts": "one table of 65,536 code units",
  "util/sort.ts": "one scratch array, as long as the longest list sorted",
  "align/options.ts": "one value: the default options",
  "diff/reword/*": "one value each: tiers, place suffixes, quantity patterns",
  "diff/targets.ts": "one value: the target patterns",
  "align/tfidf.ts (vocabulary)":
    "bounded by the vocabulary: one entry per distinct term (jieba word or Han bigram) a " +
    "process meets. Not dropped by generations: term ids are held by the memos above and by " +
    "the parent plan's task features across comparisons, so an id must keep naming one term " +
    "for the life of the process.",
} as const;
