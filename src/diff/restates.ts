import type { PlanDocument } from "../model/document.js";
import type { Task } from "../model/task.js";
import { type Bigrams, charGrams, containment } from "../text/bigrams.js";
import { lettersOf } from "../text/fingerprints.js";
import { normalizeForMatching } from "../text/segment.js";
import { weakCache } from "../util/caches.js";
import { wordingOf } from "./reword/word-diff.js";

/**
 * A child task that the parent's text already holds: its title is a parent task's title (or
 * reads inside a parent task), or most of its sentences repeat a parent task's verbatim or
 * nearly. Such a task is not "added", whatever the alignment linked.
 */
export interface Restatement {
  /** The parent task (body, row or safeguard) that holds the child task. */
  parent: Task;
  /**
   * `same-title`: its title is the parent task's; `title-inside`: its title reads in the parent
   * task's text; `sentences`: most of its sentences repeat the parent task's.
   */
  how: "same-title" | "title-inside" | "sentences";
  /** Share of the child's sentences (by length) the parent task holds (1 for a title). */
  share: number;
}

/** Characters per gram: 3-grams read a sentence as repeated, not merely on the same subject. */
const GRAM = 3;
/** Share of a title's or sentence's 3-grams that must stand in one parent task. */
export const HELD = 0.8;
/** Share of a child task's sentences (by length) that must be held for it to restate the task. */
export const RESTATED_SHARE = 0.5;
/** Shortest title (letters) compared: 推进改革 recurs everywhere. */
const MIN_TITLE = 6;

const SENTENCE_END = /[。；;！？!?\n]/u;

const grams = (text: string): Bigrams => charGrams(normalizeForMatching(text), GRAM);
const letters = (text: string): number => Array.from(lettersOf(normalizeForMatching(text))).length;

/**
 * A parent task's title letters and text grams, by task: the same parent plan is read again for
 * every child compared with it.
 */
const parentGramsOf = weakCache<Task, ParentGrams>("restatedParents");

function parentGrams(task: Task): ParentGrams {
  let found = parentGramsOf.get(task);
  if (!found) {
    found = {
      task,
      title: lettersOf(normalizeForMatching(task.title)),
      text: grams(task.text),
    };
    parentGramsOf.set(task, found);
  }
  return found;
}

/** Finds, for each child task, the parent task it restates (see `Restatement`), if any. */
export function restatements(
  parent: PlanDocument,
  children: readonly Task[],
): Map<string, Restatement> {
  const parents = parent.tasks.map(parentGrams);
  const out = new Map<string, Restatement>();
  for (const child of children) {
    const found = byTitle(child, parents) ?? bySentences(child, parents);
    if (found) out.set(child.id, found);
  }
  return out;
}

interface ParentGrams {
  task: Task;
  title: string;
  text: Bigrams;
}

function byTitle(child: Task, parents: ParentGrams[]): Restatement | null {
  const title = lettersOf(normalizeForMatching(child.title));
  if (Array.from(title).length < MIN_TITLE) return null;
  const same = parents.find((p) => p.title === title);
  if (same) return { parent: same.task, how: "same-title", share: 1 };
  const g = charGrams(title, GRAM);
  let best: ParentGrams | null = null;
  let bestShare = 0;
  for (const p of parents) {
    const share = containment(g, p.text);
    if (share > bestShare) [best, bestShare] = [p, share];
  }
  return best && bestShare >= HELD ? { parent: best.task, how: "title-inside", share: 1 } : null;
}

function bySentences(child: Task, parents: ParentGrams[]): Restatement | null {
  const sentences = wordingOf(child)
    .split(SENTENCE_END)
    .map((s) => ({ grams: grams(s), length: letters(s) }))
    .filter((s) => s.length >= MIN_TITLE);
  const total = sentences.reduce((n, s) => n + s.length, 0);
  if (total === 0) return null;
  let best: Restatement | null = null;
  for (const p of parents) {
    const held = sentences
      .filter((s) => containment(s.grams, p.text) >= HELD)
      .reduce((n, s) => n + s.length, 0);
    const share = held / total;
    if (share >= RESTATED_SHARE && share > (best?.share ?? 0))
      best = { parent: p.task, how: "sentences", share };
  }
  return best;
}
