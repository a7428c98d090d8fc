import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  findGoldTask,
  REAL_DATA_DIR,
  type RealPair,
  readRealPairs,
  SOURCE_OF,
} from "../../bench/eval/real.js";
import { prepareBody } from "../../src/align/compare.js";
import { parentCoverage } from "../../src/align/coverage.js";
import { compareDocuments } from "../../src/compare.js";
import type { ParentCoverage } from "../../src/model/alignment.js";
import type { CompareResult } from "../../src/model/compare.js";
import type { Task } from "../../src/model/task.js";
import { parseDocument } from "../../src/pipeline.js";
import { SEEDS, seedDocument } from "../helpers/seeds.js";

interface Loaded {
  pair: RealPair;
  result: CompareResult;
  /** The parsed parent task a gold parent task (scope, key) is found in. */
  parentTask(scope: "tasks" | "safeguards", key: string): Task;
  coverageOf(id: string): ParentCoverage;
}

async function load(pair: RealPair): Promise<Loaded> {
  const parent = await parseDocument(join(REAL_DATA_DIR, pair.parent));
  const child = await parseDocument(join(REAL_DATA_DIR, pair.child));
  const result = compareDocuments(parent, child);
  return {
    pair,
    result,
    parentTask(scope, key) {
      const gold = pair.gold[scope].parentTasks.find((t) => t.key === key);
      const tasks = parent.tasks.filter((t) => t.source === SOURCE_OF[scope]);
      const task = gold ? findGoldTask(gold.title, tasks) : null;
      if (!task) throw new Error(`${pair.pair} ${scope} ${key}: not parsed`);
      return task;
    },
    coverageOf(id) {
      const found = result.coverage.find((c) => c.parent === id);
      if (!found) throw new Error(`no coverage for ${id}`);
      return found;
    },
  };
}

const pairs = new Map(
  await Promise.all(readRealPairs().map(async (p) => [p.pair, await load(p)] as const)),
);
const A = pairs.get("A") as Loaded;
const D = pairs.get("D") as Loaded;

describe("coverage per parent task on the real pairs (gold: test/fixtures/real-gold)", () => {
  it("gives every parent task the gold calls missing (no link, no cross-scope link) coverage 0", () => {
    let checked = 0;
    for (const { pair, parentTask, coverageOf } of [A, D]) {
      for (const scope of ["tasks", "safeguards"] as const) {
        const gold = pair.gold[scope];
        for (const t of gold.parentTasks) {
          const linked =
            gold.links.some((l) => l.parent === t.key) ||
            (gold.crossScopeLinks ?? []).some((l) => l.parent === t.key && l.parentScope === scope);
          if (linked) continue;
          expect(coverageOf(parentTask(scope, t.key).id).coverage, `${pair.pair} ${t.key}`).toBe(0);
          checked++;
        }
      }
    }
    expect(checked).toBe(4); // A: 智能计算设备, 健康医疗大数据北方中心, 整车制造, 补齐产业短板
  });

  it("finds a parent task the child moved into its safeguards (D P8 → CS4), linked there or not", () => {
    const task = D.parentTask("tasks", "P8"); // 开展工业数据应用示范
    const c = D.coverageOf(task.id);
    expect(c.coverage).toBeGreaterThanOrEqual(0.7);
    expect(c.carriedBy[0]?.child).toMatch(/^S/);
    const carrier = D.result.child.tasks.find((t) => t.id === c.carriedBy[0]?.child);
    // One of the child safeguards the gold says carry it (开展应用试点, 健全工作机制).
    const goldCarriers = (D.pair.gold.tasks.crossScopeLinks ?? [])
      .filter((l) => l.parent === "P8")
      .map((l) => D.pair.gold.safeguards.childTasks.find((t) => t.key === l.child)?.title);
    expect(goldCarriers.length).toBeGreaterThan(0);
    expect(goldCarriers).toContain(carrier?.title);
    // Where the matcher links the task, one link goes to that safeguard.
    const links = D.result.alignments.filter((a) => a.parent === task.id);
    if (links.length > 0) expect(links.map((a) => a.child)).toContain(carrier?.id);
  });

  it("names the child task a merged parent task went into (A P18, P20 → C3 智能家居)", () => {
    // The gold merges 做强智能家电 (partial) and 构建智能家居创新生态圈 (equivalent) into one child task.
    const merged = A.coverageOf(A.parentTask("tasks", "P18").id);
    const main = A.coverageOf(A.parentTask("tasks", "P20").id);
    expect(main.coverage).toBeGreaterThanOrEqual(0.9);
    expect(merged.coverage).toBeGreaterThanOrEqual(0.4);
    expect(merged.carriedBy[0]?.child).toBe(main.carriedBy[0]?.child);
  });

  it("names the gold carrier of every parent task it gives coverage 0.5 or more", () => {
    for (const { pair, result, parentTask, coverageOf } of [A, D]) {
      for (const scope of ["tasks", "safeguards"] as const) {
        const gold = pair.gold[scope];
        for (const t of gold.parentTasks) {
          const c = coverageOf(parentTask(scope, t.key).id);
          if (c.coverage < 0.5) continue;
          const carriers = [
            ...gold.links.filter((l) => l.parent === t.key).map((l) => [scope, l.child] as const),
            ...(gold.crossScopeLinks ?? [])
              .filter((l) => l.parent === t.key && l.parentScope === scope)
              .map((l) => [l.childScope, l.child] as const),
          ].map(([childScope, key]) => {
            const g = pair.gold[childScope].childTasks.find((x) => x.key === key);
            const tasks = result.child.tasks.filter((x) => x.source === SOURCE_OF[childScope]);
            return g ? findGoldTask(g.title, tasks)?.id : undefined;
          });
          expect(carriers, `${pair.pair} ${t.key}`).toContain(c.carriedBy[0]?.child);
        }
      }
    }
  });
});

describe("coverage per parent task on the seeds", async () => {
  const province = await seedDocument(SEEDS.province);
  const district = await seedDocument(SEEDS.district);
  const result = compareDocuments(province, district);

  it("lists every parent body and safeguard task in parent order, rounded, shares largest first", () => {
    expect(result.coverage.map((c) => c.parent)).toEqual(
      province.tasks.filter((t) => t.source !== "appendix").map((t) => t.id),
    );
    for (const c of result.coverage) {
      expect(Math.round(c.coverage * 1000) / 1000).toBe(c.coverage);
      const shares = c.carriedBy.map((k) => k.share);
      expect([...shares].sort((a, b) => b - a)).toEqual(shares);
      expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(c.coverage, 2);
      expect(c.coverage === 0).toBe(c.carriedBy.length === 0);
    }
  });

  it("gives a parent task with an equivalent link coverage near 1, carried by that child task", () => {
    // Appendix rows have no coverage; the district's one equivalent body link is B3.3 → B3.12.
    const body = new Set(result.coverage.map((c) => c.parent));
    const equivalent = result.alignments.filter(
      (a) => a.relation === "equivalent" && body.has(a.parent),
    );
    expect(equivalent.length).toBeGreaterThan(0);
    for (const link of equivalent) {
      const c = result.coverage.find((x) => x.parent === link.parent);
      expect(c?.coverage).toBeGreaterThanOrEqual(0.9);
      expect(c?.carriedBy[0]?.child).toBe(link.child);
    }
  });

  it("gives every task coverage 1 by itself when a plan is compared with itself", () => {
    const { body } = prepareBody(province, province);
    for (const c of parentCoverage(province, body.parents, body.children)) {
      expect(c.coverage).toBe(1);
      expect(c.carriedBy[0]).toEqual({ child: c.parent, share: 1 });
    }
  });

  it("is deterministic", () => {
    expect(compareDocuments(province, district).coverage).toEqual(result.coverage);
  });
});
