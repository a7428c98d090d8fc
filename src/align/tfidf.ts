/** A sparse vector: term → weight. */
export type SparseVector = Map<string, number>;

/**
 * Inverse document frequencies fitted on the texts being compared (both plans), so that words
 * every task uses (加强, 推进, 建设) weigh little and distinctive ones (政务钉钉, 容错免责) much.
 */
export class TfIdf {
  private readonly idf = new Map<string, number>();
  private readonly defaultIdf: number;

  constructor(documents: string[][]) {
    const df = new Map<string, number>();
    for (const doc of documents)
      for (const term of new Set(doc)) df.set(term, (df.get(term) ?? 0) + 1);
    const n = documents.length;
    for (const [term, count] of df) this.idf.set(term, Math.log(1 + n / count));
    this.defaultIdf = Math.log(1 + n);
  }

  idfOf(term: string): number {
    return this.idf.get(term) ?? this.defaultIdf;
  }

  /** Sublinear tf × idf, L2-normalised; `mass` is the norm before normalising (how much the text says). */
  vector(terms: string[]): { vector: SparseVector; mass: number } {
    const tf = new Map<string, number>();
    for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    const vector: SparseVector = new Map();
    let norm = 0;
    for (const [term, count] of tf) {
      const w = (1 + Math.log(count)) * this.idfOf(term);
      vector.set(term, w);
      norm += w * w;
    }
    const mass = Math.sqrt(norm);
    if (mass > 0) for (const [term, w] of vector) vector.set(term, w / mass);
    return { vector, mass };
  }
}

/** Cosine of two L2-normalised sparse vectors. */
export function cosine(a: SparseVector, b: SparseVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, w] of small) {
    const v = large.get(term);
    if (v !== undefined) dot += w * v;
  }
  return Math.min(1, dot);
}

/** The terms two vectors share, heaviest first. */
export function sharedTerms(a: SparseVector, b: SparseVector, limit: number): string[] {
  const shared: [string, number][] = [];
  for (const [term, w] of a) {
    const v = b.get(term);
    if (v !== undefined) shared.push([term, w * v]);
  }
  return shared
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .slice(0, limit)
    .map(([t]) => t);
}
