import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assignPairs,
  greedyAssignment,
  maxWeightAssignment,
  OPTIMAL_MAX_SIDE,
  type WeightedPair,
} from "../../src/align/hungarian.js";

/** Best total weight by trying every assignment (small matrices only). */
function bruteForce(w: number[][]): number {
  const rows = w.length;
  const cols = w[0]?.length ?? 0;
  const used = new Array<boolean>(cols).fill(false);
  const go = (i: number): number => {
    if (i === rows) return 0;
    let best = go(i + 1);
    for (let j = 0; j < cols; j++) {
      const v = (w[i] as number[])[j] as number;
      if (used[j] || v <= 0) continue;
      used[j] = true;
      best = Math.max(best, v + go(i + 1));
      used[j] = false;
    }
    return best;
  };
  return go(0);
}

const total = (w: number[][], choice: number[]) =>
  choice.reduce((s, j, i) => s + (j >= 0 ? ((w[i] as number[])[j] as number) : 0), 0);

describe("maxWeightAssignment", () => {
  it("finds the optimum a greedy choice misses", () => {
    // Greedy takes 0.9 (row 0 → col 0) and is left with 0.1; optimal is 0.8 + 0.8.
    const w = [
      [0.9, 0.8],
      [0.8, 0.1],
    ];
    expect(maxWeightAssignment(w)).toEqual([1, 0]);
  });

  it("leaves rows unassigned rather than take a non-positive weight", () => {
    expect(
      maxWeightAssignment([
        [-1, 0],
        [0.5, -2],
      ]),
    ).toEqual([-1, 0]);
  });

  it("is optimal and one-to-one on random rectangular matrices", () => {
    const matrix = fc
      .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))
      .chain(([r, c]) =>
        fc.array(
          fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: c, maxLength: c }),
          {
            minLength: r,
            maxLength: r,
          },
        ),
      );
    fc.assert(
      fc.property(matrix, (w) => {
        const choice = maxWeightAssignment(w);
        const cols = choice.filter((j) => j >= 0);
        expect(new Set(cols).size).toBe(cols.length);
        expect(total(w, choice)).toBeCloseTo(bruteForce(w), 9);
      }),
      { numRuns: 300 },
    );
  });
});

describe("assignPairs beyond the optimal sizes (bounded cost)", () => {
  /** A random sparse instance, deterministic (Park–Miller generator). */
  function sparse(rows: number, cols: number, perRow: number, seed: number): WeightedPair[] {
    let x = seed;
    const next = () => {
      x = (x * 48271) % 2147483647;
      return x / 2147483647;
    };
    const pairs: WeightedPair[] = [];
    for (let row = 0; row < rows; row++) {
      const seen = new Set<number>();
      for (let k = 0; k < perRow; k++) {
        const col = Math.floor(next() * cols);
        const weight = next() * 2 - 1;
        if (seen.has(col)) continue;
        seen.add(col);
        pairs.push({ row, col, weight });
      }
    }
    return pairs;
  }

  const oneToOne = (choice: number[]) => {
    const cols = choice.filter((j) => j >= 0);
    return new Set(cols).size === cols.length;
  };

  it("stays optimal when one side is short (the smaller side ≤ 300)", () => {
    // 5 × 400: past the square limit, solved over the 5 rows; and its transpose.
    const pairs = sparse(5, 400, 12, 7);
    const w = Array.from({ length: 5 }, () => new Array<number>(400).fill(0));
    for (const p of pairs) (w[p.row] as number[])[p.col] = p.weight;
    const choice = assignPairs(5, 400, pairs);
    expect(oneToOne(choice)).toBe(true);
    expect(total(w, choice)).toBeCloseTo(bruteForce(w.map((r) => r.slice())), 9);
    const transposed = assignPairs(
      400,
      5,
      pairs.map((p) => ({ row: p.col, col: p.row, weight: p.weight })),
    );
    const back = new Array<number>(5).fill(-1);
    transposed.forEach((i, j) => {
      if (i >= 0) back[i] = j;
    });
    expect(total(w, back)).toBeCloseTo(total(w, choice), 9);
  });

  it("falls back to greedy by descending weight above the limits", () => {
    expect(OPTIMAL_MAX_SIDE).toBe(300);
    // Greedy takes 0.9 and leaves 0.1 where the optimum is 0.8 + 0.8, as documented.
    const pairs: WeightedPair[] = [
      { row: 0, col: 0, weight: 0.9 },
      { row: 0, col: 1, weight: 0.8 },
      { row: 1, col: 0, weight: 0.8 },
      { row: 1, col: 1, weight: 0.1 },
    ];
    expect(assignPairs(400, 400, pairs).slice(0, 2)).toEqual([0, 1]);
    expect(greedyAssignment(2, 2, pairs)).toEqual([0, 1]);
  });

  it("assigns 5,000 × 5,000 from 250,000 pairs one to one, quickly and without a dense matrix", () => {
    const pairs = sparse(5000, 5000, 50, 11);
    const started = performance.now();
    const choice = assignPairs(5000, 5000, pairs);
    // The dense Hungarian took minutes and gigabytes here; greedy sorts the pairs once.
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(oneToOne(choice)).toBe(true);
    const weight = new Map(pairs.map((p) => [`${p.row} ${p.col}`, p.weight]));
    for (const [i, j] of choice.entries()) {
      if (j >= 0) expect(weight.get(`${i} ${j}`)).toBeGreaterThan(0);
    }
    expect(choice.filter((j) => j >= 0).length).toBeGreaterThan(4000);
  });
});
