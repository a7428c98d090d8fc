import { describe, expect, it } from "vitest";
import { HOLDOUT_SEEDS, PROFILES, syntheticChildren } from "../../bench/eval/datasets.js";
import { VectorIndex } from "../../src/align/candidates.js";
import { alignDocuments } from "../../src/align/compare.js";
import { defaultAlignOptions } from "../../src/align/options.js";
import { taskFeatures, taskTokens } from "../../src/align/task-features.js";
import { cosine, TfIdf } from "../../src/align/tfidf.js";
import { parseDocument } from "../../src/pipeline.js";
import { SEEDS, seedDocument } from "../helpers/seeds.js";

const province = await seedDocument(SEEDS.province);
const indexed = defaultAlignOptions();
const allPairs = { ...indexed, candidates: { ...indexed.candidates, mode: "all" as const } };

describe("the inverted index scores exactly as the direct cosine", async () => {
  const city = await seedDocument(SEEDS.city);
  const model = new TfIdf([...province.tasks, ...city.tasks].map(taskTokens));
  const parents = province.tasks.map((t) => taskFeatures(t, model));
  const children = city.tasks.map((t) => taskFeatures(t, model));
  const sentences = parents.flatMap((p) => p.sentences.map((s) => s.vector));

  it("every child sentence against every province sentence, bit for bit", () => {
    const index = new VectorIndex(sentences);
    const out = new Array<number>(sentences.length).fill(0);
    let compared = 0;
    let touchedTotal = 0;
    for (const c of children) {
      for (const s of c.sentences) {
        const touched = index.scores(s.vector, sentences, out);
        touchedTotal += touched.length;
        sentences.forEach((p, k) => {
          expect(out[k]).toBe(cosine(p, s.vector));
          compared++;
        });
        out.fill(0);
      }
    }
    expect(compared).toBeGreaterThan(10_000);
    // Words every plan uses reach most sentences, but not every one.
    expect(touchedTotal).toBeLessThan(compared);
  });
});

describe("candidate generation leaves the alignments exactly as scoring every pair", async () => {
  const cases = [
    { id: "city 000", path: SEEDS.city },
    { id: "district 001", path: SEEDS.district },
    ...(await syntheticChildren(PROFILES, HOLDOUT_SEEDS)).map((c) => ({ id: c.id, path: c.text })),
  ];

  it.each(cases)("$id", async ({ path }) => {
    const child = await parseDocument(path);
    const a = alignDocuments(province, child, indexed);
    const b = alignDocuments(province, child, allPairs);
    expect(a.alignments.length).toBeGreaterThan(0);
    expect(a).toEqual(b);
  });
});
