/**
 * The text layer (src/text/) on the seed plans: the offset-keeping fold, regular expressions from
 * lexicon words, numerals, place names from an issuer, bigram codes, unit names and
 * responsibility brackets.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  bigrams,
  charGrams,
  containment,
  contentBigrams,
  dice,
  gramCode,
  loneCode,
} from "../../src/text/bigrams.js";
import { foldKeepingOffsets } from "../../src/text/fold-offsets.js";
import {
  commitmentLexicon,
  deadlinesLexicon,
  levelsLexicon,
  structureLexicon,
  unitsLexicon,
} from "../../src/text/lexicons.js";
import { numeralValue } from "../../src/text/numerals.js";
import { beforeOrgan, placeNames, placeOf } from "../../src/text/places.js";
import { escapeRegExp } from "../../src/text/regexp.js";
import { stripResponsibility } from "../../src/text/responsibility.js";
import { normalizeUnit, splitUnitNames } from "../../src/text/units.js";
import { SEEDS } from "../helpers/seeds.js";

const seed = (path: string) => readFileSync(path, "utf8");
const district = seed(SEEDS.district);

describe("foldKeepingOffsets", () => {
  it("drops spaces but between ASCII words and maps each unit back to the source", () => {
    const { text, from, to } = foldKeepingOffsets("2022 年底前（Q 2）");
    expect(text).toBe("2022年底前(Q 2)");
    expect(from.length).toBe(text.length);
    expect(to.length).toBe(text.length);
    expect(from[4]).toBe(5); // 年 after the dropped space
    expect(from[7]).toBe(8); // （ → (
  });

  it("keeps every unit of a seed plan where the source has it", () => {
    for (const path of Object.values(SEEDS)) {
      const source = seed(path);
      const { text, from, to } = foldKeepingOffsets(source);
      for (let i = 0; i < text.length; i++) {
        const printed = source.slice(from[i], to[i]).normalize("NFKC");
        expect(printed.includes(text[i] as string) || /\s/.test(printed)).toBe(true);
      }
    }
  });
});

describe("escapeRegExp", () => {
  it("matches every lexicon word literally, alone and in a character class", () => {
    const words = [
      ...Object.values(structureLexicon()).flat(2),
      ...Object.values(unitsLexicon()).flat(2),
      ...Object.keys(deadlinesLexicon().monthParts),
      ...commitmentLexicon().quantity.units,
      "a-b/c(d)[e]",
    ].filter((w): w is string => typeof w === "string" && w !== "");
    for (const word of words) {
      expect(new RegExp(`^${escapeRegExp(word)}$`).test(word)).toBe(true);
      // A `u` pattern allows `\-` only in a class (the quantity pattern's words hold none).
      if (!word.includes("-"))
        expect(new RegExp(`^${escapeRegExp(word)}$`, "u").test(word)).toBe(true);
      const chars = new RegExp(`^[${escapeRegExp(word)}]+$`, "u");
      expect(chars.test(word)).toBe(true);
    }
  });
});

describe("numeralValue", () => {
  it.each([
    ["10", 10],
    ["十九", 19],
    ["一百零五", 105],
    ["两", 2],
    ["三千", 3000],
  ])("%s → %i", (numeral, value) => {
    expect(numeralValue(numeral)).toBe(value);
  });
});

describe("place names from an issuer", () => {
  it("reads the district seed's issuer both ways", () => {
    expect(district).toContain("绍兴市越城区人民政府");
    expect(beforeOrgan("绍兴市越城区人民政府")).toBe("绍兴市越城区");
    expect(placeNames("绍兴市越城区人民政府")).toEqual(["绍兴市", "绍兴", "越城区", "越城"]);
    expect(placeOf({ issuer: "绍兴市越城区人民政府" }).map((p) => p.name)).toEqual([
      "绍兴市",
      "越城区",
    ]);
  });

  it("cuts an organ word at the start only when asked to (from 0)", () => {
    const organ = levelsLexicon().organSuffixes[0] as string;
    expect(beforeOrgan(`${organ}办公厅`)).not.toBe("");
    expect(beforeOrgan(`${organ}办公厅`, 0)).toBe("");
  });
});

describe("bigram codes", () => {
  it("never give a bigram and a lone character one code", () => {
    const han = [0x4e00, 0x9fa5, 0x5e02, 0xffff, 0x10ffff];
    const codes = new Set<number>();
    for (const a of han) {
      codes.add(loneCode(a));
      for (const b of han) codes.add(gramCode(a, b));
    }
    expect(codes.size).toBe(han.length + han.length * han.length);
  });

  it("count every bigram of a seed plan's text once per occurrence", () => {
    const text = district.slice(0, 2000);
    const grams = bigrams(text);
    expect(grams.counts.reduce((a, b) => a + b, 0)).toBe(grams.size);
    expect([...grams.codes].sort((a, b) => a - b)).toEqual(grams.codes);
    expect(dice(grams, grams)).toBe(1);
    const set = contentBigrams(text);
    expect(set.counts.every((c) => c === 1)).toBe(true);
    expect(contentBigrams("市").codes).toEqual([loneCode("市".charCodeAt(0))]);
  });
});

describe("character n-grams", () => {
  it("tells apart runs that differ in their last character (the hash loses no bit)", () => {
    const text = readFileSync(SEEDS.province, "utf8").slice(0, 4000);
    for (const n of [4, 8, 12]) {
      const runs = new Set<string>();
      const chars = text.replace(/[^\p{Script=Han}\p{L}\p{N}]/gu, "");
      for (let i = 0; i + n <= chars.length; i++) runs.add(chars.slice(i, i + n));
      expect(charGrams(text, n).size, `n = ${n}`).toBe(runs.size);
    }
    expect(
      containment(charGrams("推进政务服务一网通办", 8), charGrams("推进政务服务一网通过", 8)),
    ).toBeCloseTo(2 / 3);
  });
});

describe("unit names and responsibility brackets", () => {
  it("strips the responsibility bracket of a district task and keeps what it says", () => {
    const line = district.split("\n").find((l) => l.startsWith("1.加强政治建设")) as string;
    const stripped = stripResponsibility(line);
    expect(stripped).not.toContain("责任单位");
    expect(stripped.endsWith("认真落实民主集中制。")).toBe(true);
  });

  it("splits the bracket's units and reads them in one form", () => {
    const names = splitUnitNames(
      "区政府党组,区政府各部门党组〔工委、党委〕,各镇人民政府、街道办事处",
    );
    expect(names).toEqual([
      "区政府党组",
      "区政府各部门党组〔工委、党委〕",
      "各镇人民政府",
      "街道办事处",
    ]);
    expect(normalizeUnit("省法制办")).toBe(normalizeUnit("市法制办"));
  });
});
