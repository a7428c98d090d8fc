import type { PlanDocument } from "../model/document.js";
import { weakCache } from "../util/caches.js";
import { FIXED, fixedProduct, type SparseVector } from "./tfidf.js";

/**
 * Candidate generation: an inverted index (term → the parent items using it) over the vectors of
 * one side of a comparison. A child vector is scored against every parent item at once by walking
 * the postings of its own terms, so the work grows with the terms two texts share rather than with
 * the product of their task counts; only pairs that share enough are then scored in full.
 *
 * The postings (which item holds which term, at which position of its vector) depend only on the
 * words, so they are built once per parent document and reused for every child; the weights come
 * from the comparison's own tf-idf model. Scores are summed in fixed point, as `cosine` sums
 * them, so an indexed score equals the direct cosine bit for bit.
 */
export class VectorIndex {
  /** term id → [item, position, item, position, …]. */
  private readonly postings = new Map<number, Int32Array>();
  readonly size: number;
  /** Items touched by the current query (reset before `scores` returns). */
  private readonly seen: Uint8Array;

  constructor(vectors: readonly SparseVector[]) {
    this.size = vectors.length;
    this.seen = new Uint8Array(vectors.length);
    const lists = new Map<number, number[]>();
    vectors.forEach((v, item) => {
      v.ids.forEach((id, pos) => {
        let list = lists.get(id);
        if (!list) {
          list = [];
          lists.set(id, list);
        }
        list.push(item, pos);
      });
    });
    for (const [id, list] of lists) this.postings.set(id, Int32Array.from(list));
  }

  /**
   * Cosines of `query` with every indexed item whose vector is `vectors[item]` (the same words as
   * at build time, weighted by the current model), written into `out`; returns the items touched.
   */
  scores(query: SparseVector, vectors: readonly SparseVector[], out: number[]): number[] {
    const touched: number[] = [];
    for (let k = 0; k < query.ids.length; k++) {
      const list = this.postings.get(query.ids[k] as number);
      if (!list) continue;
      const w = query.weights[k] as number;
      for (let n = 0; n < list.length; n += 2) {
        const item = list[n] as number;
        if (this.seen[item] === 0) {
          this.seen[item] = 1;
          touched.push(item);
        }
        const weight = (vectors[item] as SparseVector).weights[list[n + 1] as number] as number;
        out[item] = (out[item] as number) + fixedProduct(weight, w);
      }
    }
    for (const item of touched) {
      out[item] = Math.min(1, (out[item] as number) / FIXED);
      this.seen[item] = 0;
    }
    return touched;
  }
}

const cache = weakCache<PlanDocument, Map<string, VectorIndex>>("candidateIndexes");

/** The index of one kind of parent vectors (`key`), built on first use and kept with the parent. */
export function parentIndex(
  parent: PlanDocument,
  key: string,
  vectors: readonly SparseVector[],
): VectorIndex {
  let byKey = cache.get(parent);
  if (!byKey) {
    byKey = new Map();
    cache.set(parent, byKey);
  }
  let index = byKey.get(key);
  if (!index || index.size !== vectors.length) {
    index = new VectorIndex(vectors);
    byKey.set(key, index);
  }
  return index;
}
