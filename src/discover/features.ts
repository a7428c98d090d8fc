/**
 * Bigram features of documents for parent discovery, computed once per document: the character
 * bigrams of all task titles as one sorted vector (document level) and per task (task level),
 * with bigrams interned to integers so that comparing two documents is a merge of integer arrays
 * and comparing their tasks walks an inverted index instead of every pair of tasks.
 */
import { fold } from "../ingest/fold.js";
import type { Task } from "../model/task.js";
import { bigrams } from "../util/bigrams.js";

/** A bigram multiset: ids sorted ascending, their counts, and the total count. */
export interface GramVector {
  ids: Int32Array;
  counts: Int32Array;
  total: number;
}

/** Interns bigrams to small integers; one table per discovery so that ids are comparable. */
export class GramTable {
  private readonly ids = new Map<number, number>();

  vector(text: string): GramVector {
    const grams = bigrams(fold(text));
    const pairs: [number, number][] = [];
    let total = 0;
    grams.codes.forEach((code, k) => {
      let id = this.ids.get(code);
      if (id === undefined) {
        id = this.ids.size;
        this.ids.set(code, id);
      }
      const n = grams.counts[k] as number;
      pairs.push([id, n]);
      total += n;
    });
    pairs.sort((a, b) => a[0] - b[0]);
    return {
      ids: Int32Array.from(pairs, (p) => p[0]),
      counts: Int32Array.from(pairs, (p) => p[1]),
      total,
    };
  }
}

/** Sørensen–Dice over two bigram multisets (the same value as util/bigrams `dice`). */
export function vectorDice(a: GramVector, b: GramVector): number {
  const n = a.total + b.total;
  if (n === 0) return 0;
  let i = 0;
  let j = 0;
  let shared = 0;
  const ai = a.ids;
  const bi = b.ids;
  while (i < ai.length && j < bi.length) {
    const x = ai[i] as number;
    const y = bi[j] as number;
    if (x === y) {
      shared += Math.min(a.counts[i] as number, b.counts[j] as number);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return (2 * shared) / n;
}

/** What discovery needs of one document, computed once. */
export interface DocumentFeatures {
  /** Bigrams of all task titles joined. */
  titles: GramVector;
  /** Bigrams of each task title, in task order. */
  tasks: GramVector[];
  /** Inverted index of the task bigrams: gram id → [task index, count, task index, count, …]. */
  postings: Map<number, number[]> | null;
}

export function documentFeatures(
  table: GramTable,
  document: { tasks: Pick<Task, "title">[] },
): DocumentFeatures {
  return {
    titles: table.vector(document.tasks.map((t) => t.title).join("。")),
    tasks: document.tasks.map((t) => table.vector(t.title)),
    postings: null,
  };
}

function postingsOf(features: DocumentFeatures): Map<number, number[]> {
  if (features.postings) return features.postings;
  const postings = new Map<number, number[]>();
  features.tasks.forEach((v, t) => {
    for (let k = 0; k < v.ids.length; k++) {
      const id = v.ids[k] as number;
      let list = postings.get(id);
      if (!list) {
        list = [];
        postings.set(id, list);
      }
      list.push(t, v.counts[k] as number);
    }
  });
  features.postings = postings;
  return postings;
}

/** For each task of the child: the best-matching task of the candidate and its dice. */
export interface TaskMatches {
  best: Float64Array;
  index: Int32Array;
}

/** Best candidate task per child task by title dice, through the candidate's inverted index. */
export function matchTasks(child: DocumentFeatures, candidate: DocumentFeatures): TaskMatches {
  const postings = postingsOf(candidate);
  const m = candidate.tasks.length;
  const shared = new Int32Array(m);
  const touched: number[] = [];
  const best = new Float64Array(child.tasks.length);
  const index = new Int32Array(child.tasks.length).fill(-1);
  child.tasks.forEach((v, t) => {
    for (let k = 0; k < v.ids.length; k++) {
      const list = postings.get(v.ids[k] as number);
      if (!list) continue;
      const n = v.counts[k] as number;
      for (let p = 0; p < list.length; p += 2) {
        const task = list[p] as number;
        if (shared[task] === 0) touched.push(task);
        shared[task] = (shared[task] as number) + Math.min(n, list[p + 1] as number);
      }
    }
    for (const task of touched) {
      const d =
        (2 * (shared[task] as number)) / (v.total + (candidate.tasks[task] as GramVector).total);
      if (d > (best[t] as number) || (d === best[t] && task < (index[t] as number))) {
        best[t] = d;
        index[t] = task;
      }
      shared[task] = 0;
    }
    touched.length = 0;
  });
  return { best, index };
}
