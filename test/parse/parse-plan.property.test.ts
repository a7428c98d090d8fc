import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeText } from "../../src/ingest/normalize-text.js";
import { splitBundle } from "../../src/ingest/split-bundle.js";
import { PlanDocumentSchema } from "../../src/model/document.js";
import { parsePlan } from "../../src/parse/parse-plan.js";
import { SEEDS } from "../helpers/seeds.js";

/** Text → documents through the whole in-memory pipeline; every document must fit the schema. */
function parseText(text: string) {
  const docs = splitBundle("input.txt", normalizeText(text)).map(parsePlan);
  for (const doc of docs) PlanDocumentSchema.parse(doc);
  return docs;
}

const seedLines = Object.values(SEEDS).flatMap((p) => readFileSync(p, "utf8").split("\n"));

describe("parsing never throws", () => {
  it("on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), (s) => {
        expect(parseText(s).length).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it("on shuffled, dropped and duplicated lines of the real documents", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...seedLines), { maxLength: 120 }),
        fc.array(fc.constantFrom("\n", "", "（", "）", "。", "1.", "(一)", "|", "\t", "〔"), {
          maxLength: 10,
        }),
        (lines, noise) => {
          const text = lines
            .map((l, i) => l + (noise[i % Math.max(1, noise.length)] ?? ""))
            .join("\n");
          expect(parseText(text).length).toBeGreaterThanOrEqual(1);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("on seed documents cut at a random place", () => {
    const texts = Object.values(SEEDS).map((p) => readFileSync(p, "utf8"));
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.nat(), fc.nat(), (text, a, b) => {
        const start = a % text.length;
        const cut = text.slice(start, start + (b % 20000));
        expect(() => parseText(cut)).not.toThrow();
      }),
      { numRuns: 100 },
    );
  });

  it("yields an empty task list and a warning for text without tasks", () => {
    const [doc] = parseText("这是一段没有编号任务的文字。\n只有两行。\n");
    expect(doc?.tasks).toEqual([]);
    // No cover and no level evidence either: the level stays unknown, and a warning says why.
    expect(doc?.warnings.map((w) => w.code)).toEqual(["level-unknown", "no-tasks"]);
  });
});
