import { diffArrays } from "diff";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffSequences } from "../../src/diff/myers.js";
import { SEEDS, seedDocument } from "../helpers/seeds.js";

/** jsdiff's runs, in the same shape. */
function reference(before: string[], after: string[]) {
  return diffArrays(before, after).map((c) => ({
    op: c.added ? "+" : c.removed ? "-" : "=",
    items: c.value,
  }));
}

describe("diffSequences", () => {
  it("finds the runs jsdiff finds, ties included, on random sequences", () => {
    const word = fc.constantFrom("推进", "建设", "加强", "，", "。", "a", "b");
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), fc.array(word, { maxLength: 40 }), (a, b) => {
        expect(diffSequences(a, b, (w) => w)).toEqual(reference(a, b));
      }),
      { numRuns: 2000 },
    );
  });

  it("finds the runs jsdiff finds between the characters of every pair of province and city tasks", async () => {
    const province = await seedDocument(SEEDS.province);
    const city = await seedDocument(SEEDS.city);
    const texts = (tasks: { text: string }[]) => tasks.slice(0, 12).map((t) => Array.from(t.text));
    for (const a of texts(province.tasks))
      for (const b of texts(city.tasks))
        expect(diffSequences(a, b, (c) => c)).toEqual(reference(a, b));
  });

  it("compares items by key and keeps the new sequence's items where they are equal", () => {
    const before = [
      { k: "x", v: 1 },
      { k: "y", v: 2 },
    ];
    const after = [
      { k: "x", v: 3 },
      { k: "z", v: 4 },
    ];
    expect(diffSequences(before, after, (i) => i.k)).toEqual([
      { op: "=", items: [{ k: "x", v: 3 }] },
      { op: "-", items: [{ k: "y", v: 2 }] },
      { op: "+", items: [{ k: "z", v: 4 }] },
    ]);
    expect(diffSequences([], [], (i: string) => i)).toEqual([]);
  });
});
