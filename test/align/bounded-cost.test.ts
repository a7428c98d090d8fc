import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bigPlanText } from "../../bench/big-plan.js";
import { prepareBody } from "../../src/align/compare.js";
import { compareDocuments } from "../../src/compare.js";
import { parseDocument } from "../../src/pipeline.js";
import { SEEDS, seedDocument } from "../helpers/seeds.js";

// Bounded cost (docs/performance.md): plans far larger than any real one compare in bounded time.
// The 5,000-task cases are in `tsx bench/bounded-cost.ts`; these keep the tests short.
const dir = mkdtempSync(join(tmpdir(), "plandiff-bounded-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function bigPlan(count: number, title: string) {
  const file = join(dir, `${title}-${count}.txt`);
  writeFileSync(file, bigPlanText(count, title));
  return parseDocument(file);
}

const province = await seedDocument(SEEDS.province);

describe("alignment cost on plans of thousands of tasks", () => {
  it("compares a 1,000-task child with a real parent, every child task considered", async () => {
    const child = await bigPlan(1000, "某市建设行动计划");
    const started = performance.now();
    const result = compareDocuments(province, child);
    // Seconds in practice (the O(n³) assignment took minutes at 5,000); a generous safety bound.
    expect(performance.now() - started).toBeLessThan(60_000);
    const body = province.tasks.filter((t) => t.source === "body");
    // Every parent body task is carried by one of the 1,000 variations of it.
    expect(result.summary.body.coverage).toBe(1);
    expect(result.alignments.filter((a) => a.relation !== "partial").length).toBeGreaterThan(
      body.length,
    );
  }, 120_000);

  it("keeps at most 50 candidates per child task beyond 300 parent tasks (plus each side's best)", async () => {
    const parent = await bigPlan(400, "某省建设行动计划");
    const child = await bigPlan(400, "某市建设行动计划");
    const { body } = prepareBody(parent, child);
    // 400 body tasks, and the safeguards the generated plans copy from the seed.
    expect(body.parents.filter((p) => p.task.source === "body")).toHaveLength(400);
    let most = 0;
    for (let j = 0; j < body.children.length; j++) {
      let scored = 0;
      for (const row of body.signals) if (row[j]) scored++;
      most = Math.max(most, scored);
    }
    // 400 tasks repeat the parent's 41 in variations: without the cap each child task would be
    // scored against ~10 near copies and every pair sharing a word above the floors.
    expect(most).toBeLessThanOrEqual(50 + 2);
    expect(most).toBeGreaterThan(0);
  }, 120_000);
});
