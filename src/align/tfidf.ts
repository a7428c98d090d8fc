import { gramCode } from "../text/bigrams.js";
import { memo } from "../util/caches.js";

/**
 * A sparse vector: term ids in increasing order with their weights. Terms are interned once per
 * process (see `termId`), so comparing two vectors is a merge of two sorted integer arrays —
 * no string hashing and little garbage, which matters when thousands of plans are compared.
 * Plain arrays rather than typed ones: allocating a small typed array costs several times more,
 * and worker threads contend for it (every typed array's memory comes from one process-wide
 * allocator).
 *
 * Ids depend on the order in which a process meets terms (each worker thread has its own), so
 * nothing may depend on their order: sums are taken in fixed point (`FIXED`: exact integer sums,
 * the same in any order) or over sorted values, and a comparison gives the same bits in every
 * thread whatever it compared before.
 */
export interface SparseVector {
  ids: number[];
  weights: number[];
}

/**
 * The interned terms: bounded by the vocabulary, never dropped (ids are held across comparisons;
 * see util/caches.ts).
 */
const vocabulary = new Map<string, number>();
const terms: string[] = [];

/** The id of a term (interned on first sight). */
export function termId(term: string): number {
  let id = vocabulary.get(term);
  if (id === undefined) {
    id = terms.length;
    vocabulary.set(term, id);
    terms.push(term);
  }
  return id;
}

/** The term of an id. */
export function termOf(id: number): string {
  return terms[id] as string;
}

/** Bounded: an id dropped here is found again by its term (see `termId`). */
const bigramIds = memo<number, number>("bigramIds");

/**
 * The id of the bigram term "~ab" of two UTF-16 code units a and b: the same id as
 * `termId("~ab")`, its string made only when the bigram is not remembered.
 */
export function bigramTermId(a: number, b: number): number {
  return bigramIds.get(gramCode(a, b), () => termId(`~${String.fromCharCode(a, b)}`));
}

/**
 * Inverse document frequencies fitted on the texts being compared (both plans), so that words
 * every task uses (加强, 推进, 建设) weigh little and distinctive ones (政务钉钉, 容错免责) much.
 */
export class TfIdf {
  /** Document frequency while fitting, then the idf of each term (one map for both). */
  private readonly idf = new Map<number, number>();
  private readonly defaultIdf: number;

  /**
   * `documents`: the sorted term ids of each text (see `termIds`). `background`: frequencies over
   * other plans, added to the pair's own, so that words every plan uses weigh little even where
   * the pair uses them rarely, and words rare among plans (机器人, DCMM) weigh much.
   */
  constructor(documents: number[][], background?: { documents: number; df: Map<number, number> }) {
    const df = this.idf;
    for (const doc of documents) {
      for (let k = 0; k < doc.length; k++) {
        const id = doc[k] as number;
        if (k > 0 && doc[k - 1] === id) continue;
        df.set(id, (df.get(id) ?? 0) + 1);
      }
    }
    const n = documents.length + (background?.documents ?? 0);
    df.forEach((count, term) => {
      df.set(term, Math.log(1 + n / (count + (background?.df.get(term) ?? 0))));
    });
    this.defaultIdf = Math.log(1 + n);
  }

  idfOf(id: number): number {
    return this.idf.get(id) ?? this.defaultIdf;
  }

  /**
   * Sublinear tf × idf, L2-normalised, of a text given as sorted term ids; `mass` is the norm
   * before normalising (how much the text says).
   */
  vector(ids: readonly number[]): { vector: SparseVector; mass: number } {
    // Built by push: packed arrays (no holes) are the fast kind.
    const outIds: number[] = [];
    const counts: number[] = [];
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k] as number;
      if (k === 0 || id !== ids[k - 1]) {
        outIds.push(id);
        counts.push(1);
      } else {
        counts[counts.length - 1] = (counts[counts.length - 1] as number) + 1;
      }
    }
    const weights: number[] = [];
    let norm = 0;
    for (let k = 0; k < outIds.length; k++) {
      const w = (1 + Math.log(counts[k] as number)) * this.idfOf(outIds[k] as number);
      weights.push(w);
      // Squares summed in fixed point: exact, so the order of the ids does not matter.
      norm += fixedProduct(w, w);
    }
    const mass = Math.sqrt(norm / FIXED);
    if (mass > 0)
      for (let k = 0; k < weights.length; k++) weights[k] = (weights[k] as number) / mass;
    return { vector: { ids: outIds, weights }, mass };
  }
}

/** Fixed-point scale of dot products: each term's product is rounded to 2⁻³² and summed exactly. */
export const FIXED = 2 ** 32;

/** One term's share of a dot product, in fixed point (see FIXED). */
export function fixedProduct(x: number, y: number): number {
  return Math.round(x * y * FIXED);
}

/** Cosine of two L2-normalised sparse vectors (an exact fixed-point sum, see FIXED). */
export function cosine(a: SparseVector, b: SparseVector): number {
  const ai = a.ids;
  const bi = b.ids;
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < ai.length && j < bi.length) {
    const x = ai[i] as number;
    const y = bi[j] as number;
    if (x === y) {
      dot += fixedProduct(a.weights[i] as number, b.weights[j] as number);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return Math.min(1, dot / FIXED);
}

/** The terms two vectors share, heaviest first. */
export function sharedTerms(a: SparseVector, b: SparseVector, limit: number): string[] {
  const shared: [string, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i] as number;
    const y = b.ids[j] as number;
    if (x === y) {
      shared.push([termOf(x), (a.weights[i] as number) * (b.weights[j] as number)]);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .slice(0, limit)
    .map(([t]) => t);
}
