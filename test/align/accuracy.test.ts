import { describe, expect, it } from "vitest";
import { ensureSynthBatch, readGold } from "../../bench/eval/datasets.js";
import { macroAverage, type ScopeScore, scoreScope } from "../../bench/eval/scorer.js";
import { compareDocuments } from "../../src/compare.js";
import type { PlanDocument } from "../../src/model/document.js";
import { parseDocument } from "../../src/pipeline.js";
import { SEEDS, seedDocument } from "../helpers/seeds.js";

const province = await seedDocument(SEEDS.province);

/** Scores plandiff's alignment of `child` against the truth files of both scopes. */
function score(child: PlanDocument, truth: { body: string; appendix: string }) {
  const result = compareDocuments(province, child);
  const out = {} as Record<"body" | "appendix", ScopeScore>;
  for (const scope of ["body", "appendix"] as const) {
    const prefix = scope === "body" ? "B" : "A";
    const ids = (doc: PlanDocument) => doc.tasks.filter((t) => t.source === scope).map((t) => t.id);
    const links = result.alignments.filter((a) => a.parent.startsWith(prefix));
    out[scope] = scoreScope(links, readGold(truth[scope]), ids(province), ids(child));
  }
  return out;
}

describe("public gold 002 → 000, on tasks plandiff parsed itself", async () => {
  const s = score(await seedDocument(SEEDS.city), {
    body: "test/fixtures/gold/002-000.body.json",
    appendix: "test/fixtures/gold/002-000.appendix.json",
  });

  it("body: link F1 ≥ 0.95, primary recall ≥ 0.97, missing-task F1 ≥ 0.8", () => {
    expect(s.body.link.f1).toBeGreaterThanOrEqual(0.95);
    expect(s.body.primaryRecall).toBeGreaterThanOrEqual(0.97);
    expect(s.body.missing.f1).toBeGreaterThanOrEqual(0.8);
  });

  it("appendix: link F1 ≥ 0.90, missing-task F1 ≥ 0.8", () => {
    expect(s.appendix.link.f1).toBeGreaterThanOrEqual(0.9);
    expect(s.appendix.missing.f1).toBeGreaterThanOrEqual(0.8);
  });
});

// Held-out synthetic children (a seed never used for fitting: see bench/eval/datasets.ts).
const HELD_OUT_SEED = 103;
const COUNT = 4;

describe.each([
  ["realistic", 0.97],
  ["hard", 0.95],
] as const)("synthetic %s children (held out)", async (profile, minF1) => {
  const dir = ensureSynthBatch(profile, HELD_OUT_SEED, COUNT);
  const scores = await Promise.all(
    Array.from({ length: COUNT }, async (_, i) => {
      const base = `${dir}/child-${HELD_OUT_SEED}-${i}`;
      return score(await parseDocument(`${base}.txt`), {
        body: `${base}.body.json`,
        appendix: `${base}.appendix.json`,
      });
    }),
  );

  it.each(["body", "appendix"] as const)(
    `%s: mean link F1 ≥ ${minF1}, missing F1 ≥ 0.9`,
    (scope) => {
      const mean = macroAverage(scores.map((s) => s[scope]));
      expect(mean.link.f1).toBeGreaterThanOrEqual(minF1);
      expect(mean.missing.f1).toBeGreaterThanOrEqual(0.9);
    },
  );
});
