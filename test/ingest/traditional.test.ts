import { readFileSync } from "node:fs";
import * as OpenCC from "opencc-js";
import { describe, expect, it } from "vitest";
import { changeable, T2S_SUFFIX, toSimplified } from "../../src/ingest/traditional.js";
import { SEEDS } from "../helpers/seeds.js";

// The converters themselves are the oracle: what t→cn changes must be in `changeable`.
const t2cn = OpenCC.Converter({ from: "t", to: "cn" });
const cn2t = OpenCC.Converter({ from: "cn", to: "t" });

const isCjk = (code: number) =>
  (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);

const seedTexts = Object.values(SEEDS).map((path) => readFileSync(path, "utf8"));
const traditional = readFileSync("test/fixtures/formats/000.traditional.txt", "utf8");

/**
 * `toSimplified`'s rule computed the long way: the share of CJK characters the conversion changes
 * (counted place by place, or as characters missing afterwards when the length changed).
 */
function shouldConvert(text: string): boolean {
  const simplified = t2cn(text);
  const chars = Array.from(text).filter((ch) => isCjk(ch.charCodeAt(0)));
  let changed = 0;
  if (simplified.length === text.length) {
    for (let i = 0; i < text.length; i++)
      if (isCjk(text.charCodeAt(i)) && simplified.charCodeAt(i) !== text.charCodeAt(i)) changed++;
  } else {
    const left = Array.from(simplified);
    for (const ch of chars) {
      const at = left.indexOf(ch);
      if (at < 0) changed++;
      else left.splice(at, 1);
    }
  }
  return chars.length >= 20 && changed / chars.length > 0.02;
}

describe("the pre-check before converting traditional characters", () => {
  const codes = changeable();

  it("marks every CJK character the conversion changes on its own", () => {
    const missed: string[] = [];
    for (const [from, to] of [
      [0x3400, 0x4dbf],
      [0x4e00, 0x9fff],
      [0xf900, 0xfaff],
    ] as const) {
      for (let code = from; code <= to; code++) {
        const ch = String.fromCharCode(code);
        if (t2cn(ch) !== ch && codes[code] === 0) missed.push(ch);
      }
    }
    expect(missed).toEqual([]);
    // Compatibility ideographs become surrogate pairs: a text with one has no cheap bound.
    expect(t2cn("\ufa6c").length).toBe(2);
    expect(codes[0xfa6c]).toBe(2);
  });

  it("marks every character the conversion changes in the seeds and a traditional text (phrases too)", () => {
    for (const text of [...seedTexts, traditional]) {
      const simplified = t2cn(text);
      expect(simplified.length).toBe(text.length);
      const wrong: string[] = [];
      for (let i = 0; i < text.length; i++) {
        const kind = codes[text.charCodeAt(i)];
        if (kind === 2 || (simplified[i] !== text[i] && kind !== 1)) wrong.push(text[i] as string);
      }
      expect(wrong).toEqual([]);
    }
  });

  it("leaves the simplified seeds as they are and converts the traditional text", () => {
    for (const text of seedTexts) {
      const source = { file: "seed.txt", encoding: "utf-8", text };
      expect(toSimplified(source)).toBe(source);
    }
    const converted = toSimplified({ file: "t.txt", encoding: "utf-8", text: traditional });
    expect(converted.encoding).toBe(`utf-8${T2S_SUFFIX}`);
    expect(converted.text).toBe(t2cn(traditional));
  });

  it("decides as the full conversion does around the 2% threshold", () => {
    // The city plan with its first `n` characters written in traditional characters.
    const text = seedTexts[0] as string;
    const decisions = new Set<boolean>();
    for (let n = 0; n <= 4000; n += 50) {
      const mixed = cn2t(text.slice(0, n)) + text.slice(n);
      const expected = shouldConvert(mixed);
      decisions.add(expected);
      const result = toSimplified({ file: "mixed.txt", encoding: "utf-8", text: mixed });
      expect(result.encoding.endsWith(T2S_SUFFIX), `first ${n} characters traditional`).toBe(
        expected,
      );
    }
    // A compatibility ideograph (normalised to a surrogate pair) shifts every later position.
    for (const n of [0, 600, 1200]) {
      const mixed = `${cn2t(text.slice(0, n))}\ufa6c${text.slice(n)}`;
      const result = toSimplified({ file: "mixed.txt", encoding: "utf-8", text: mixed });
      expect(result.encoding.endsWith(T2S_SUFFIX)).toBe(shouldConvert(mixed));
    }
    // The range crosses the threshold: both decisions were checked.
    expect([...decisions].sort()).toEqual([false, true]);
  });
});
