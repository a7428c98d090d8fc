/**
 * Bigram features of documents for parent discovery, computed once per document: the character
 * bigrams of all task titles as one sorted vector (document level) and per task (task level),
 * as sorted integer codes (util/bigrams) so that comparing two documents is a merge of integer
 * arrays and comparing their tasks walks an inverted index instead of every pair of tasks.
 */

import type { Task } from "../model/task.js";
import { type Bigrams, bigrams } from "../text/bigrams.js";
import { fold } from "../text/fold.js";

/** What discovery needs of one document, computed once. */
export interface DocumentFeatures {
  /** Bigrams of all task titles joined. */
  titles: Bigrams;
  /** Bigrams of each task title, in task order. */
  tasks: Bigrams[];
  /** Inverted index of the task bigrams: code → [task index, count, task index, count, …]. */
  postings: Map<number, number[]> | null;
}

export function documentFeatures(document: { tasks: Pick<Task, "title">[] }): DocumentFeatures {
  return {
    titles: bigrams(fold(document.tasks.map((t) => t.title).join("。"))),
    tasks: document.tasks.map((t) => bigrams(fold(t.title))),
    postings: null,
  };
}

function postingsOf(features: DocumentFeatures): Map<number, number[]> {
  if (features.postings) return features.postings;
  const postings = new Map<number, number[]>();
  features.tasks.forEach((v, t) => {
    for (let k = 0; k < v.codes.length; k++) {
      const id = v.codes[k] as number;
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
    for (let k = 0; k < v.codes.length; k++) {
      const list = postings.get(v.codes[k] as number);
      if (!list) continue;
      const n = v.counts[k] as number;
      for (let p = 0; p < list.length; p += 2) {
        const task = list[p] as number;
        if (shared[task] === 0) touched.push(task);
        shared[task] = (shared[task] as number) + Math.min(n, list[p + 1] as number);
      }
    }
    for (const task of touched) {
      const d = (2 * (shared[task] as number)) / (v.size + (candidate.tasks[task] as Bigrams).size);
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
