import type { Task } from "../model/task.js";
import { type Bigrams, bigrams, dice } from "../text/bigrams.js";
import { fold } from "../text/fold.js";

/** Below this score a row is left unlinked rather than guessed. */
const MIN_SCORE = 0.35;

/**
 * Links each appendix row to the body task it summarises (`bodyRefs`) and back (`appendixRefs`),
 * and to any other task a clause of the row states (a row may join measures of two tasks).
 * A row restates a task's title or one of its measures, so a row is scored against the task's
 * title and each of its sentences, and rows keep the body's order: the best assignment is found
 * by dynamic programming over rows × tasks, preferring non-decreasing task order.
 */
export function linkAppendix(body: Task[], rows: Task[]): void {
  if (body.length === 0 || rows.length === 0) return;
  const titles = body.map((t) => bigrams(fold(t.title)));
  const sentences = new SentenceIndex(
    body.map((t) => sentencesOf(t.text).map((s) => bigrams(fold(s)))),
  );
  const scores = rows.map((row) => {
    const r = bigrams(fold(row.title));
    const contained = sentences.bestContainment(r);
    return titles.map((title, j) => Math.max(contained[j] as number, dice(r, title)));
  });
  const choice = monotoneAssignment(scores);
  rows.forEach((row, i) => {
    const j = choice[i];
    if (j === undefined || j < 0) return;
    const linked = [j, ...otherTasksSummarised(row, j, sentences)];
    row.bodyRefs = linked.map((k) => (body[k] as Task).id);
    for (const k of linked) (body[k] as Task).appendixRefs.push(row.id);
  });
}

/** A clause of a row's title long enough to name a measure (at least this many characters). */
const MIN_CLAUSE = 6;
/** A clause is a measure of another task when one of its sentences holds this much of it. */
const CLAUSE_CONTAINED = 0.8;

/**
 * The other body tasks a row summarises besides its main one (`main`): a row that joins two
 * measures (实行重点工作清单管理，构建…大督查工作体系) whose clauses are each stated, nearly word
 * for word, in a sentence of another task. Clauses are cut at commas and semicolons only (a 、
 * lists the parts of one measure).
 */
function otherTasksSummarised(row: Task, main: number, sentences: SentenceIndex): number[] {
  const clauses = row.title.split(/[，,；;]/).filter((c) => c.trim().length >= MIN_CLAUSE);
  if (clauses.length < 2) return [];
  const out = new Set<number>();
  for (const clause of clauses) {
    const contained = sentences.bestContainment(bigrams(fold(clause)));
    let best = -1;
    contained.forEach((v, k) => {
      if (v >= CLAUSE_CONTAINED && (best < 0 || v > (contained[best] as number))) best = k;
    });
    // Only where the clause is better stated in that task than in the main one.
    if (best >= 0 && best !== main && (contained[best] as number) > (contained[main] as number))
      out.add(best);
  }
  return [...out].sort((a, b) => a - b);
}

/**
 * The sentences of every body task indexed by bigram, so that a row is measured against all of
 * them in one pass over its own bigrams: the same containment as `containment(row, sentence)`,
 * summed as integers.
 */
class SentenceIndex {
  /** Bigram code → [sentence, count, sentence, count, …]. */
  private readonly postings = new Map<number, number[]>();
  private readonly taskOf: number[] = [];
  private readonly tasks: number;

  constructor(tasks: Bigrams[][]) {
    tasks.forEach((sentences, task) => {
      for (const grams of sentences) {
        const s = this.taskOf.length;
        this.taskOf.push(task);
        grams.codes.forEach((code, k) => {
          let list = this.postings.get(code);
          if (!list) {
            list = [];
            this.postings.set(code, list);
          }
          list.push(s, grams.counts[k] as number);
        });
      }
    });
    this.tasks = tasks.length;
  }

  /** For each task, the largest share of the row's bigrams one of its sentences contains. */
  bestContainment(row: Bigrams): number[] {
    const shared = new Array<number>(this.taskOf.length).fill(0);
    row.codes.forEach((code, k) => {
      const list = this.postings.get(code);
      if (!list) return;
      const n = row.counts[k] as number;
      for (let p = 0; p < list.length; p += 2) {
        const s = list[p] as number;
        shared[s] = (shared[s] as number) + Math.min(n, list[p + 1] as number);
      }
    });
    const total = row.size;
    const best = new Array<number>(this.tasks).fill(0);
    if (total === 0) return best;
    shared.forEach((v, s) => {
      const task = this.taskOf[s] as number;
      best[task] = Math.max(best[task] as number, v / total);
    });
    return best;
  }
}

function sentencesOf(text: string): string[] {
  return text.split(/[。;；\n]/).filter((s) => s.trim().length > 0);
}

/** Penalty for a row pointing to an earlier task than the row before it. */
const ORDER_PENALTY = 0.25;

/**
 * For each row the task index (or -1), maximising total score where going backwards in task
 * order costs ORDER_PENALTY. Viterbi over states = task indices.
 */
function monotoneAssignment(scores: number[][]): number[] {
  const n = scores[0]?.length ?? 0;
  let best = (scores[0] ?? []).slice();
  const back: number[][] = [];
  let prefix = prefixMax(best);
  for (let i = 1; i < scores.length; i++) {
    const row = scores[i] as number[];
    const globalBest = Math.max(...best);
    const globalArg = best.indexOf(globalBest);
    const next: number[] = [];
    const from: number[] = [];
    for (let j = 0; j < n; j++) {
      const forward = prefix.value[j] as number;
      const backward = globalBest - ORDER_PENALTY;
      const useForward = forward >= backward;
      next.push((row[j] as number) + (useForward ? forward : backward));
      from.push(useForward ? (prefix.arg[j] as number) : globalArg);
    }
    back.push(from);
    best = next;
    prefix = prefixMax(best);
  }
  const path: number[] = new Array(scores.length).fill(-1);
  let j = best.indexOf(Math.max(...best));
  for (let i = scores.length - 1; i >= 0; i--) {
    path[i] = j;
    if (i > 0) j = (back[i - 1] as number[])[j] as number;
  }
  return path.map((k, i) => (((scores[i] as number[])[k] ?? 0) >= MIN_SCORE ? k : -1));
}

function prefixMax(values: number[]): { value: number[]; arg: number[] } {
  const value: number[] = [];
  const arg: number[] = [];
  values.forEach((v, j) => {
    const prev = value[j - 1];
    if (prev === undefined || v > prev) {
      value.push(v);
      arg.push(j);
    } else {
      value.push(prev);
      arg.push(arg[j - 1] as number);
    }
  });
  return { value, arg };
}
