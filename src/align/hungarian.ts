/**
 * One-to-one assignment maximising the total weight: at most one column per row and one row per
 * column; pairs of weight ≤ 0 are never chosen. Returns, for each row, the chosen column or -1.
 *
 * Bounded cost (docs/performance.md, "Bounded cost"):
 * - both sides ≤ `OPTIMAL_MAX_SIDE`: the optimal assignment (Hungarian algorithm with potentials)
 *   on the square matrix padded with "leave unassigned", O(n³) with n ≤ 300 — every real plan;
 * - the smaller side ≤ `OPTIMAL_MAX_SIDE` and rows × cols ≤ `OPTIMAL_MAX_CELLS`: still optimal,
 *   the Hungarian algorithm over the smaller side only, O(small² × large);
 * - beyond: greedy by descending weight (ties by row, then column) over the listed pairs only,
 *   O(P log P) for P positive pairs and no dense matrix — what one-to-one matching above a
 *   threshold needs; it may miss the optimum where one task is the best of two others.
 */
export const OPTIMAL_MAX_SIDE = 300;
/** The largest matrix (rows × cols, 8 bytes each) the optimal assignment fills when one side is long. */
export const OPTIMAL_MAX_CELLS = 2_000_000;

/** A pair of the assignment with its weight (pairs not listed weigh 0). */
export interface WeightedPair {
  row: number;
  col: number;
  weight: number;
}

/** The assignment of a dense weight matrix (see the module comment for its cost). */
export function maxWeightAssignment(weights: number[][]): number[] {
  const rows = weights.length;
  const cols = weights[0]?.length ?? 0;
  const pairs: WeightedPair[] = [];
  weights.forEach((row, i) => {
    for (let j = 0; j < cols; j++) pairs.push({ row: i, col: j, weight: row[j] as number });
  });
  return assignPairs(rows, cols, pairs);
}

/** The assignment of `rows` × `cols` given only the pairs that may be linked. */
export function assignPairs(rows: number, cols: number, pairs: readonly WeightedPair[]): number[] {
  if (rows === 0 || cols === 0) return new Array(rows).fill(-1);
  if (rows <= OPTIMAL_MAX_SIDE && cols <= OPTIMAL_MAX_SIDE) {
    return hungarian(rows, cols, dense(rows, cols, pairs, false), true);
  }
  if (Math.min(rows, cols) <= OPTIMAL_MAX_SIDE && rows * cols <= OPTIMAL_MAX_CELLS) {
    if (rows <= cols) return hungarian(rows, cols, dense(rows, cols, pairs, false), false);
    // Transposed so that the algorithm walks the short side.
    const byCol = hungarian(cols, rows, dense(cols, rows, pairs, true), false);
    const result = new Array<number>(rows).fill(-1);
    byCol.forEach((i, j) => {
      if (i >= 0) result[i] = j;
    });
    return result;
  }
  return greedyAssignment(rows, cols, pairs);
}

/** Greedy one-to-one choice by descending weight (ties: row, then column); O(P log P). */
export function greedyAssignment(
  rows: number,
  cols: number,
  pairs: readonly WeightedPair[],
): number[] {
  const positive = pairs.filter((p) => p.weight > 0);
  positive.sort((a, b) => b.weight - a.weight || a.row - b.row || a.col - b.col);
  const result = new Array<number>(rows).fill(-1);
  const taken = new Uint8Array(cols);
  for (const { row, col } of positive) {
    if (result[row] !== -1 || taken[col] === 1) continue;
    result[row] = col;
    taken[col] = 1;
  }
  return result;
}

/** The pairs as a row-major matrix of `rows` × `cols` (transposed: pair.col is the row). */
function dense(
  rows: number,
  cols: number,
  pairs: readonly WeightedPair[],
  transposed: boolean,
): Float64Array {
  const w = new Float64Array(rows * cols);
  for (const p of pairs) {
    if (transposed) w[p.col * cols + p.row] = p.weight;
    else w[p.row * cols + p.col] = p.weight;
  }
  return w;
}

/**
 * Hungarian algorithm with potentials over `rows` ≤ `cols` (or, `padded`, the square of the larger
 * side, padding costing 0 = "leave unassigned"); cost = -max(0, weight). O(n² m).
 */
function hungarian(rows: number, cols: number, w: Float64Array, padded: boolean): number[] {
  const n = padded ? Math.max(rows, cols) : rows;
  const m = padded ? n : cols;
  const cost = (i: number, j: number): number =>
    i < rows && j < cols ? -Math.max(0, w[i * cols + j] as number) : 0;

  // Potentials in typed arrays: a plain array starts with small integers and turns to doubles.
  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const p = new Array<number>(m + 1).fill(0); // p[j] = row assigned to column j (1-based)
  const way = new Array<number>(m + 1).fill(0);
  const minv = new Float64Array(m + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    minv.fill(Number.POSITIVE_INFINITY);
    const used = new Array<boolean>(m + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = p[j0] as number;
      let delta = Number.POSITIVE_INFINITY;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const cur = cost(i0 - 1, j - 1) - (u[i0] as number) - (v[j] as number);
        if (cur < (minv[j] as number)) {
          minv[j] = cur;
          way[j] = j0;
        }
        if ((minv[j] as number) < delta) {
          delta = minv[j] as number;
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[p[j] as number] = (u[p[j] as number] as number) + delta;
          v[j] = (v[j] as number) - delta;
        } else {
          minv[j] = (minv[j] as number) - delta;
        }
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0] as number;
      p[j0] = p[j1] as number;
      j0 = j1;
    } while (j0 !== 0);
  }
  const result = new Array<number>(rows).fill(-1);
  for (let j = 1; j <= m; j++) {
    const i = (p[j] as number) - 1;
    if (i >= 0 && i < rows && j - 1 < cols && (w[i * cols + j - 1] as number) > 0)
      result[i] = j - 1;
  }
  return result;
}
