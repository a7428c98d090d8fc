/**
 * Optimal assignment (Hungarian algorithm, O(n²m) with potentials): picks at most one column
 * per row and one row per column maximising the total weight; pairs of weight ≤ 0 are never
 * chosen. Returns, for each row, the chosen column or -1.
 */
export function maxWeightAssignment(weights: number[][]): number[] {
  const rows = weights.length;
  const cols = weights[0]?.length ?? 0;
  if (rows === 0 || cols === 0) return new Array(rows).fill(-1);
  // Square cost matrix: cost = -max(0, weight); padding costs 0 (= "leave unassigned").
  const n = Math.max(rows, cols);
  // Weights copied into one typed array: rows come as arrays of small integers or of doubles, and
  // reading both kinds made optimised code bail out on every call.
  const w = new Float64Array(rows * cols);
  weights.forEach((row, i) => {
    for (let j = 0; j < cols; j++) w[i * cols + j] = row[j] as number;
  });
  const cost = (i: number, j: number): number =>
    i < rows && j < cols ? -Math.max(0, w[i * cols + j] as number) : 0;

  // Potentials in typed arrays too: a plain array starts with small integers and turns to doubles.
  const u = new Float64Array(n + 1);
  const v = new Float64Array(n + 1);
  const p = new Array<number>(n + 1).fill(0); // p[j] = row assigned to column j (1-based)
  const way = new Array<number>(n + 1).fill(0);
  const minv = new Float64Array(n + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    minv.fill(Number.POSITIVE_INFINITY);
    const used = new Array<boolean>(n + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = p[j0] as number;
      let delta = Number.POSITIVE_INFINITY;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
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
      for (let j = 0; j <= n; j++) {
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
  for (let j = 1; j <= n; j++) {
    const i = (p[j] as number) - 1;
    if (i < rows && j - 1 < cols && (w[i * cols + j - 1] as number) > 0) result[i] = j - 1;
  }
  return result;
}
