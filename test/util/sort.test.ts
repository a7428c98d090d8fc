import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sortNumbers } from "../../src/util/sort.js";

describe("sortNumbers", () => {
  it("orders as a numeric comparator does, in place, across the scratch room's growth", () => {
    const number = fc.oneof(
      fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
      fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
      fc.double({ noNaN: true }).map((x) => (x === 0 ? 0 : x)),
    );
    fc.assert(
      fc.property(fc.array(number, { maxLength: 3000 }), (list) => {
        const expected = [...list].sort((a, b) => a - b);
        const sorted = sortNumbers(list);
        expect(sorted).toBe(list);
        expect(sorted).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("sorts the bigram codes of a seed task, negative codes (first code unit ≥ 0x8000) first", () => {
    const text = "深化“最多跑一次”改革，推进政府数字化转型";
    const codes = Array.from({ length: text.length - 1 }, (_, i) => {
      return (text.charCodeAt(i) << 16) | text.charCodeAt(i + 1);
    });
    expect(codes.some((c) => c < 0)).toBe(true);
    expect(sortNumbers([...codes])).toEqual([...codes].sort((a, b) => a - b));
  });
});
