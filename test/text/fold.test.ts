import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fold, foldChar } from "../../src/text/fold.js";
import { SEEDS } from "../helpers/seeds.js";

/** The definition: every UTF-16 code unit folded on its own. */
const reference = (text: string): string =>
  Array.from({ length: text.length }, (_, i) => foldChar(text.charAt(i))).join("");

describe("fold", () => {
  it("folds every code unit as foldChar does, keeping the length (lone surrogates too)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => {
        const folded = fold(text);
        expect(folded).toBe(reference(text));
        expect(folded).toHaveLength(text.length);
      }),
      { numRuns: 1000 },
    );
  });

  it("folds each of the 65,536 code units as foldChar does", () => {
    const differ: number[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const ch = String.fromCharCode(code);
      if (fold(ch) !== foldChar(ch)) differ.push(code);
    }
    expect(differ).toEqual([]);
  });

  it("folds the seeds' full-width punctuation and brackets, and nothing else", () => {
    const text = readFileSync(SEEDS.city, "utf8");
    expect(fold(text)).toBe(reference(text));
    expect(fold("（一）加快推进“最多跑一次”改革〔2018〕，　３月")).toBe(
      "(一)加快推进“最多跑一次”改革(2018), 3月",
    );
  });
});
