/**
 * L2-regularised logistic regression fitted by Newton's method (IRLS): deterministic, and exact
 * enough for a dozen signals in [0,1]. Positives can be up-weighted against class imbalance.
 */
export interface FittedModel {
  bias: number;
  weights: Record<string, number>;
}

export function fitLogistic(
  rows: Record<string, number>[],
  labels: number[],
  names: string[],
  options: { lambda?: number; positiveWeight?: number; iterations?: number } = {},
): FittedModel {
  const lambda = options.lambda ?? 1;
  const positiveWeight = options.positiveWeight ?? 1;
  const d = names.length + 1;
  const x = rows.map((r) => [1, ...names.map((n) => r[n] ?? 0)]);
  let beta = new Array<number>(d).fill(0);
  for (let iter = 0; iter < (options.iterations ?? 25); iter++) {
    const grad = new Array<number>(d).fill(0);
    const hess = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    x.forEach((xi, n) => {
      const z = xi.reduce((s, v, k) => s + v * (beta[k] as number), 0);
      const p = 1 / (1 + Math.exp(-z));
      const w = labels[n] === 1 ? positiveWeight : 1;
      const err = w * ((labels[n] as number) - p);
      const curv = w * p * (1 - p);
      for (let a = 0; a < d; a++) {
        grad[a] = (grad[a] as number) + err * (xi[a] as number);
        const row = hess[a] as number[];
        for (let b = 0; b < d; b++)
          row[b] = (row[b] as number) + curv * (xi[a] as number) * (xi[b] as number);
      }
    });
    for (let a = 1; a < d; a++) {
      grad[a] = (grad[a] as number) - lambda * (beta[a] as number);
      (hess[a] as number[])[a] = ((hess[a] as number[])[a] as number) + lambda;
    }
    const step = solve(hess, grad);
    beta = beta.map((b, k) => b + (step[k] as number));
    if (step.every((s) => Math.abs(s) < 1e-8)) break;
  }
  const round = (v: number) => Math.round(v * 1000) / 1000;
  return {
    bias: round(beta[0] as number),
    weights: Object.fromEntries(names.map((n, k) => [n, round(beta[k + 1] as number)])),
  };
}

/** Solves A·x = b by Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] as number]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) {
      if (
        Math.abs((m[r] as number[])[col] as number) >
        Math.abs((m[pivot] as number[])[col] as number)
      )
        pivot = r;
    }
    [m[col], m[pivot]] = [m[pivot] as number[], m[col] as number[]];
    const pr = m[col] as number[];
    const pv = pr[col] as number;
    if (Math.abs(pv) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const row = m[r] as number[];
      const f = (row[col] as number) / pv;
      if (f === 0) continue;
      for (let k = col; k <= n; k++) row[k] = (row[k] as number) - f * (pr[k] as number);
    }
  }
  return m.map((row, i) => {
    const pv = row[i] as number;
    return Math.abs(pv) < 1e-12 ? 0 : (row[n] as number) / pv;
  });
}
