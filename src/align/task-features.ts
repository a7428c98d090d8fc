import type { Task } from "../model/task.js";
import { type Bigrams, charGrams } from "../text/bigrams.js";
import { stripResponsibility } from "../text/responsibility.js";
import { normalizeForMatching, SENTENCE_END } from "../text/segment.js";
import { normalizeUnit } from "../text/units.js";
import { memo, weakCache } from "../util/caches.js";
import { cosine, type SparseVector, type TfIdf } from "./tfidf.js";
import { anchorsOf, termIdsOf } from "./tokenize.js";

/** One sentence (measure) of a task, with its matching vector. */
export interface SentenceFeatures {
  text: string;
  vector: SparseVector;
  /** How much the sentence says (tf-idf norm): boilerplate sentences weigh little in coverage. */
  mass: number;
}

/** Everything the matcher compares about one task. */
export interface TaskFeatures {
  task: Task;
  title: SparseVector;
  text: SparseVector;
  sentences: SentenceFeatures[];
  anchors: string[];
  units: Set<string>;
  /** The distinct character 4-grams of its text: a shared one is a phrase repeated word for word. */
  grams: Bigrams;
}

const MIN_SENTENCE_LENGTH = 4;

/** Length of the character n-grams that find verbatim reuse (the way text-reuse detectors do). */
const VERBATIM_LENGTH = 4;

/** The text a task is compared on: its words without the responsibility brackets. */
export function matchingText(task: Task): string {
  return task.source === "appendix" ? task.title : stripResponsibility(task.text);
}

/** Splits a task's text into sentences (measures). */
export function sentencesOf(text: string): string[] {
  return text
    .split(SENTENCE_END)
    .map((s) => s.trim())
    .filter((s) => s.length >= MIN_SENTENCE_LENGTH);
}

/** What the matcher reads from a task whatever it is compared with (before term weights). */
interface TaskTerms {
  /** Sorted term ids of the matching text, of the title, and of each sentence. */
  text: number[];
  title: number[];
  sentences: { text: string; terms: number[] }[];
  anchors: string[];
  units: Set<string>;
  grams: Bigrams;
}

/**
 * By task: a parent plan's tasks come back for every child compared with it (the same
 * objects), and a child's tasks are read both to fit the model and to score. Never modified.
 */
const taskTerms = weakCache<Task, TaskTerms>("taskTerms");

function termsOf(task: Task): TaskTerms {
  let found = taskTerms.get(task);
  if (!found) {
    const text = matchingText(task);
    found = {
      text: piecewiseTerms(text),
      title: textTerms(task.title),
      sentences: sentencesOf(text).map((s) => ({ text: s, terms: textTerms(s) })),
      anchors: anchorsOf(normalizeForMatching(text)),
      units: new Set([...task.units.lead, ...task.units.support].map(normalizeUnit)),
      grams: charGrams(normalizeForMatching(text), VERBATIM_LENGTH),
    };
    taskTerms.set(task, found);
  }
  return found;
}

/** Sorted term ids of every task of a plan, for fitting the tf-idf model. */
export function taskTokens(task: Task): number[] {
  return termsOf(task).text;
}

/**
 * The terms of a whole text as the union of its sentences' terms: the segmenter never joins words
 * across these marks, so this equals tokenising the text at once, and the sentences' terms are
 * needed (and remembered) anyway.
 */
function piecewiseTerms(text: string): number[] {
  return wholeTerms.get(text, mergedTerms);
}

const wholeTerms = memo<string, number[]>("wholeTerms");

function mergedTerms(text: string): number[] {
  const parts = text
    .split(SENTENCE_END)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map(textTerms);
  return parts.reduce(mergeSorted, []);
}

/** Merges two ascending lists into one (repeats kept). */
function mergeSorted(a: number[], b: number[]): number[] {
  if (a.length === 0) return b;
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if ((a[i] as number) <= (b[j] as number)) out.push(a[i++] as number);
    else out.push(b[j++] as number);
  }
  while (i < a.length) out.push(a[i++] as number);
  while (j < b.length) out.push(b[j++] as number);
  return out;
}

const terms = memo<string, number[]>("textTerms");

/**
 * The sorted term ids of a text (normalised, tokenised). Remembered: a parent plan's texts come
 * back for every child compared with it, and a task's text is needed both to fit and to score.
 */
export function textTerms(text: string): number[] {
  return terms.get(text, (t) => termIdsOf(normalizeForMatching(t)));
}

/** Computes a task's matching features under a fitted tf-idf model. */
export function taskFeatures(task: Task, model: TfIdf): TaskFeatures {
  const terms = termsOf(task);
  return {
    task,
    title: model.vector(terms.title).vector,
    text: model.vector(terms.text).vector,
    sentences: terms.sentences.map((s) => {
      const { vector, mass } = model.vector(s.terms);
      return { text: s.text, vector, mass };
    }),
    anchors: terms.anchors,
    units: terms.units,
    grams: terms.grams,
  };
}

/** The best match of a sentence among another task's sentences (index -1: none above 0). */
export interface SentenceMatch {
  best: number;
  index: number;
}

/** Best match of each sentence of `from` among the sentences of `to`. */
export function sentenceMatches(from: SentenceFeatures[], to: SentenceFeatures[]): SentenceMatch[] {
  return from.map((s) => {
    let best = 0;
    let index = -1;
    to.forEach((t, i) => {
      const c = cosine(s.vector, t.vector);
      if (c > best) {
        best = c;
        index = i;
      }
    });
    return { best, index };
  });
}

/** Share of `from`'s content (by sentence mass) found in `to`, softly: Σ mass·best / Σ mass. */
export function coverage(from: SentenceFeatures[], matches: { best: number }[]): number {
  let total = 0;
  let covered = 0;
  from.forEach((s, i) => {
    total += s.mass;
    covered += s.mass * (matches[i]?.best ?? 0);
  });
  return total > 0 ? covered / total : 0;
}
