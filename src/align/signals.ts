import type { Deadline } from "../model/deadline.js";
import { type Bigrams, bigrams, containment, dice } from "../text/bigrams.js";
import { normalizeForMatching } from "../text/segment.js";
import { weakCache } from "../util/caches.js";
import {
  coverage,
  type SentenceMatch,
  sentenceMatches,
  type TaskFeatures,
} from "./task-features.js";
import { cosine } from "./tfidf.js";

/** Named signals of one candidate pair, each in [0,1]. */
export type Signals = Record<string, number>;

/** What the matcher knows about the two plans beyond the pair itself. */
export interface PairContext {
  /** Parent section → the child section aligned with it. */
  sectionMap: Map<number, number>;
  /** Body links already made ("parentId childId"), evidence for appendix rows. */
  bodyLinks: Set<string>;
  /** The child's body tasks by id, to read what a row's body task says. */
  childBody: Map<string, TaskFeatures>;
  /** The parent's body tasks by id. */
  parentBody: Map<string, TaskFeatures>;
}

/** A row whose title restates its whole body task (dice of the titles at least this). */
const WHOLE_TASK_DICE = 0.8;

/** Signals of a body task pair: title, text, sentence coverage both ways, anchors, units, deadline, section. */
export function bodySignals(
  p: TaskFeatures,
  c: TaskFeatures,
  ctx: PairContext,
  matches: { forward: SentenceMatch[]; backward: SentenceMatch[] } = {
    forward: sentenceMatches(p.sentences, c.sentences),
    backward: sentenceMatches(c.sentences, p.sentences),
  },
): Signals {
  const { forward, backward } = matches;
  const pSection = p.task.section;
  return {
    title: cosine(p.title, c.title),
    text: cosine(p.text, c.text),
    parentCover: coverage(p.sentences, forward),
    childCover: coverage(c.sentences, backward),
    bestSentence: forward.reduce((max, m) => Math.max(max, m.best), 0),
    anchors: anchorOverlap(p.anchors, c.anchors),
    units: jaccard(p.units, c.units),
    deadline: deadlineAgreement(p.task.deadline, c.task.deadline),
    section: pSection !== null && ctx.sectionMap.get(pSection) === c.task.section ? 1 : 0,
    ...verbatim(p, c),
  };
}

/** Shares of each side's text the other repeats word for word (shared character n-grams). */
function verbatim(p: TaskFeatures, c: TaskFeatures): Signals {
  return {
    parentVerbatim: containment(p.grams, c.grams),
    childVerbatim: containment(c.grams, p.grams),
  };
}

/** Signals of an appendix row pair: the short titles, units, deadline, and the body link behind the rows. */
export function rowSignals(p: TaskFeatures, c: TaskFeatures, ctx: PairContext): Signals {
  const pg = titleGrams(p);
  const cg = titleGrams(c);
  const viaBody = linkedThroughBody(p, c, ctx);
  const inBody = inChildBody(pg, c, ctx);
  return {
    title: cosine(p.title, c.title),
    dice: dice(pg, cg),
    parentContained: containment(pg, cg),
    childContained: containment(cg, pg),
    anchors: anchorOverlap(p.anchors, c.anchors),
    units: jaccard(p.units, c.units),
    deadline: deadlineAgreement(p.task.deadline, c.task.deadline),
    body: viaBody ? 1 : 0,
    inChildBody: inBody.contained,
    summary: inBody.wholeTask ? inBody.contained : 0,
    childWholeTask: inBody.wholeTask ? 1 : 0,
    parentWholeTask: restatesBodyTask(pg, p, ctx.parentBody) ? 1 : 0,
  };
}

/** Whether a body task of the parent row is linked with a body task of the child row. */
export function linkedThroughBody(p: TaskFeatures, c: TaskFeatures, ctx: PairContext): boolean {
  return p.task.bodyRefs.some((pb) =>
    c.task.bodyRefs.some((cb) => ctx.bodyLinks.has(`${pb} ${cb}`)),
  );
}

/**
 * How much of the parent row's action the child row's body task states, and whether the child
 * row restates that whole task: a row that summarises a whole task carries every action in it.
 */
function inChildBody(
  parentRow: Bigrams,
  c: TaskFeatures,
  ctx: PairContext,
): { contained: number; wholeTask: boolean } {
  let contained = 0;
  for (const id of c.task.bodyRefs) {
    const body = ctx.childBody.get(id);
    for (const grams of body ? sentenceGrams(body) : []) {
      contained = Math.max(contained, containment(parentRow, grams));
    }
  }
  return { contained, wholeTask: restatesBodyTask(titleGrams(c), c, ctx.childBody) };
}

/** Whether a row restates its whole body task, by row (a row's features belong to one pair). */
const restates = weakCache<TaskFeatures, boolean>("restates");

function restatesBodyTask(row: Bigrams, r: TaskFeatures, body: Map<string, TaskFeatures>): boolean {
  let found = restates.get(r);
  if (found === undefined) {
    found = r.task.bodyRefs.some((id) => {
      const task = body.get(id);
      return task !== undefined && dice(row, titleGrams(task)) >= WHOLE_TASK_DICE;
    });
    restates.set(r, found);
  }
  return found;
}

// Bigrams of titles and sentences, computed once per task rather than once per pair.
const titleCache = weakCache<TaskFeatures, Bigrams>("titleBigrams");
const sentenceCache = weakCache<TaskFeatures, Bigrams[]>("sentenceBigrams");

function titleGrams(t: TaskFeatures): Bigrams {
  let grams = titleCache.get(t);
  if (!grams) {
    grams = bigrams(normalizeForMatching(t.task.title));
    titleCache.set(t, grams);
  }
  return grams;
}

function sentenceGrams(t: TaskFeatures): Bigrams[] {
  let grams = sentenceCache.get(t);
  if (!grams) {
    grams = t.sentences.map((s) => bigrams(normalizeForMatching(s.text)));
    sentenceCache.set(t, grams);
  }
  return grams;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

function anchorOverlap(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const shared = a.filter((x) => b.includes(x)).length;
  return shared / Math.min(a.length, b.length);
}

/** 1 for the same kind and date, 0.5 for the same kind, 0 otherwise (or when neither has one). */
function deadlineAgreement(a: Deadline, b: Deadline): number {
  if (a.kind === "none" || a.kind !== b.kind) return 0;
  return a.due === b.due && a.every === b.every ? 1 : 0.5;
}
