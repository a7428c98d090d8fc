/**
 * Scores predicted alignments against a gold file (test/fixtures/gold/SCHEMA.md), one scope at a
 * time. Pure functions: no I/O.
 *
 * Empty sets. Every ratio here is x / y over two sets, and 0 / 0 happens on ordinary children (a
 * child that drops no task has no gold *missing* task). The convention:
 * - gold and prediction both empty → precision = recall = F1 = 1 (nothing to find, nothing wrongly
 *   found);
 * - only one side empty → the ratio whose denominator is that empty side is 0: precision is 0 when
 *   nothing is predicted but something should have been, recall is 0 when something is predicted
 *   but the gold holds nothing; the other ratio is 0 anyway (tp = 0), so F1 is 0.
 * So a method that predicts nothing never looks good, and a child with nothing to find only scores
 * 1 when the method also reports nothing.
 */

/** A link as a method predicts it (the gold's links have the same shape, plus notes). */
export interface PredictedLink {
  parent: string;
  child: string;
  relation: string;
}

/** The part of a gold alignment file the scorer reads. */
export interface GoldFile {
  parent: string;
  child: string;
  scope: string;
  parentTasks: { id: string; title: string }[];
  childTasks: { id: string; title: string }[];
  links: PredictedLink[];
}

/** Precision, recall and F1 with the counts they come from. */
export interface PRF {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

/** Scores of one method on one child, one scope. */
export interface ScopeScore {
  /** (parent, child) pairs, whatever their relation. */
  link: PRF;
  /** Share of the gold's non-partial links whose pair is predicted (with any relation). */
  primaryRecall: number;
  /** Parent tasks with no link: predicted vs gold. */
  missing: PRF;
  /** Child tasks with no link: predicted vs gold. */
  added: PRF;
  /** Share of the pairs both sides link that carry the same relation. */
  relationAccuracy: number;
}

/** `num / den`, with the empty-set convention of this module (see the header). */
function ratio(num: number, den: number, bothEmpty: boolean): number {
  if (den > 0) return num / den;
  return bothEmpty ? 1 : 0;
}

/** PRF from counts. */
export function prf(tp: number, fp: number, fn: number): PRF {
  const bothEmpty = tp + fp === 0 && tp + fn === 0;
  const precision = ratio(tp, tp + fp, bothEmpty);
  const recall = ratio(tp, tp + fn, bothEmpty);
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, tp, fp, fn };
}

/** PRF of a predicted set against a gold set. */
export function setPrf(predicted: ReadonlySet<string>, gold: ReadonlySet<string>): PRF {
  let tp = 0;
  for (const x of predicted) if (gold.has(x)) tp++;
  return prf(tp, predicted.size - tp, gold.size - tp);
}

const pairKey = (l: { parent: string; child: string }): string => `${l.parent}\t${l.child}`;

/** Pair → relation; a pair listed twice keeps its first relation. */
function pairMap(links: readonly PredictedLink[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const l of links) if (!map.has(pairKey(l))) map.set(pairKey(l), l.relation);
  return map;
}

/** Ids of `ids` that appear on no link, on the given side. */
function unlinked(
  ids: readonly string[],
  links: readonly PredictedLink[],
  side: "parent" | "child",
): Set<string> {
  const linked = new Set(links.map((l) => l[side]));
  return new Set(ids.filter((id) => !linked.has(id)));
}

/**
 * Scores one scope of one child. `parentIds` / `childIds` are the tasks of this scope as plandiff
 * parsed them: the predicted *missing* / *added* sets are drawn from them, the gold ones from the
 * gold's own task lists, so a task plandiff failed to parse (or invented) counts as an error.
 */
export function scoreScope(
  predicted: readonly PredictedLink[],
  gold: GoldFile,
  parentIds: readonly string[],
  childIds: readonly string[],
): ScopeScore {
  const pred = pairMap(predicted);
  const truth = pairMap(gold.links);
  const link = setPrf(new Set(pred.keys()), new Set(truth.keys()));

  const primary = [...truth].filter(([, relation]) => relation !== "partial").map(([k]) => k);
  const primaryFound = primary.filter((k) => pred.has(k)).length;
  const primaryRecall = ratio(primaryFound, primary.length, pred.size === 0);

  let sameRelation = 0;
  for (const [k, relation] of pred) if (truth.get(k) === relation) sameRelation++;
  const relationAccuracy = ratio(sameRelation, link.tp, pred.size === 0 && truth.size === 0);

  const goldParents = gold.parentTasks.map((t) => t.id);
  const goldChildren = gold.childTasks.map((t) => t.id);
  const missing = setPrf(
    unlinked(parentIds, predicted, "parent"),
    unlinked(goldParents, gold.links, "parent"),
  );
  const added = setPrf(
    unlinked(childIds, predicted, "child"),
    unlinked(goldChildren, gold.links, "child"),
  );
  return { link, primaryRecall, missing, added, relationAccuracy };
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

function averagePrf(xs: readonly PRF[]): PRF {
  return {
    precision: mean(xs.map((x) => x.precision)),
    recall: mean(xs.map((x) => x.recall)),
    f1: mean(xs.map((x) => x.f1)),
    tp: sum(xs.map((x) => x.tp)),
    fp: sum(xs.map((x) => x.fp)),
    fn: sum(xs.map((x) => x.fn)),
  };
}

/**
 * Macro average over children: each ratio is the mean of the children's ratios; the counts
 * (tp, fp, fn) are summed, so `microAverage` can be read off them. Throws on an empty list.
 */
export function macroAverage(scores: readonly ScopeScore[]): ScopeScore {
  if (scores.length === 0) throw new RangeError("macroAverage of no scores");
  return {
    link: averagePrf(scores.map((s) => s.link)),
    primaryRecall: mean(scores.map((s) => s.primaryRecall)),
    missing: averagePrf(scores.map((s) => s.missing)),
    added: averagePrf(scores.map((s) => s.added)),
    relationAccuracy: mean(scores.map((s) => s.relationAccuracy)),
  };
}

/** Micro totals: PRF of the summed counts (large children weigh more). */
export function microAverage(
  scores: readonly ScopeScore[],
): Pick<ScopeScore, "link" | "missing" | "added"> {
  const total = (pick: (s: ScopeScore) => PRF): PRF =>
    prf(
      sum(scores.map((s) => pick(s).tp)),
      sum(scores.map((s) => pick(s).fp)),
      sum(scores.map((s) => pick(s).fn)),
    );
  return {
    link: total((s) => s.link),
    missing: total((s) => s.missing),
    added: total((s) => s.added),
  };
}
