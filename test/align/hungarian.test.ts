import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maxWeightAssignment } from "../../src/align/hungarian.js";

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
