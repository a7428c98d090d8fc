import { describe, expect, it } from "vitest";
import { PARENT, publicGoldSet, readGold, SCOPES } from "../../bench/eval/datasets.js";
import { NAIVE_THRESHOLDS, naiveLinks } from "../../bench/eval/naive.js";
import { type GoldFile, macroAverage, microAverage, scoreScope } from "../../bench/eval/scorer.js";
import { parseDocument } from "../../src/pipeline.js";

/** Parents P1..P3, children C1..C3: C1 merges P1 and P2 (P2 folded in), P3 is dropped, C3 is new. */
const gold: GoldFile = {
  parent: "p.txt",
  child: "c.txt",
  scope: "body",
  parentTasks: [
    { id: "P1", title: "" },
    { id: "P2", title: "" },
    { id: "P3", title: "" },
  ],
  childTasks: [
    { id: "C1", title: "" },
    { id: "C2", title: "" },
    { id: "C3", title: "" },
  ],
  links: [
    { parent: "P1", child: "C1", relation: "reworded" },
    { parent: "P2", child: "C1", relation: "partial" },
  ],
};
const ids = { parents: ["P1", "P2", "P3"], children: ["C1", "C2", "C3"] };
const score = (predicted: GoldFile["links"], parents = ids.parents, children = ids.children) =>
  scoreScope(predicted, gold, parents, children);

describe("scoreScope", () => {
  it("gives 1 everywhere for the gold itself", () => {
    const s = score(gold.links);
    expect([s.link.f1, s.missing.f1, s.added.f1, s.primaryRecall, s.relationAccuracy]).toEqual([
      1, 1, 1, 1, 1,
    ]);
  });

  it("scores a merge found only in part: the primary link, not the partial one", () => {
    const s = score([{ parent: "P1", child: "C1", relation: "equivalent" }]);
    expect(s.link).toMatchObject({ tp: 1, fp: 0, fn: 1, precision: 1, recall: 0.5 });
    expect(s.primaryRecall).toBe(1);
    // P2 now looks missing: a false missing task.
    expect(s.missing).toMatchObject({ tp: 1, fp: 1, fn: 0, precision: 0.5, recall: 1 });
    expect(s.relationAccuracy).toBe(0);
  });

  it("counts a wrong pair against link, missing and added at once", () => {
    const s = score([
      { parent: "P1", child: "C1", relation: "reworded" },
      { parent: "P2", child: "C1", relation: "partial" },
      { parent: "P3", child: "C3", relation: "reworded" },
    ]);
    expect(s.link).toMatchObject({ tp: 2, fp: 1, fn: 0 });
    expect(s.missing).toMatchObject({ tp: 0, fp: 0, fn: 1, precision: 0, recall: 0, f1: 0 });
    expect(s.added).toMatchObject({ tp: 1, fp: 0, fn: 1, precision: 1, recall: 0.5 });
    expect(s.relationAccuracy).toBe(1);
  });

  it("misses the primary link when only the partial pair is predicted", () => {
    const s = score([{ parent: "P2", child: "C1", relation: "partial" }]);
    expect(s.primaryRecall).toBe(0);
    expect(s.relationAccuracy).toBe(1);
  });

  it("counts a task plandiff failed to parse as an error", () => {
    const s = score(gold.links, ids.parents, ["C1", "C2"]);
    expect(s.link.f1).toBe(1);
    expect(s.added).toMatchObject({ tp: 1, fp: 0, fn: 1 });
  });

  it("takes a pair predicted twice once", () => {
    const s = score([...gold.links, { parent: "P1", child: "C1", relation: "equivalent" }]);
    expect(s.link).toMatchObject({ tp: 2, fp: 0, fn: 0 });
    expect(s.relationAccuracy).toBe(1);
  });

  describe("empty sets", () => {
    const none: GoldFile = { ...gold, parentTasks: [], childTasks: [], links: [] };

    it("both empty: 1 (nothing to find, nothing wrongly found)", () => {
      const s = scoreScope([], none, [], []);
      expect(s.link).toMatchObject({ precision: 1, recall: 1, f1: 1 });
      expect([s.missing.f1, s.added.f1, s.primaryRecall, s.relationAccuracy]).toEqual([1, 1, 1, 1]);
    });

    it("nothing predicted: precision 0", () => {
      const s = score([]);
      expect(s.link).toMatchObject({ precision: 0, recall: 0, f1: 0, fn: 2 });
      expect(s.primaryRecall).toBe(0);
      expect(s.relationAccuracy).toBe(0);
    });

    it("nothing to find: recall 0", () => {
      const s = scoreScope(
        [{ parent: "P1", child: "C1", relation: "reworded" }],
        { ...none, parentTasks: gold.parentTasks },
        ids.parents,
        [],
      );
      expect(s.link).toMatchObject({ precision: 0, recall: 0, f1: 0, fp: 1 });
    });
  });
});

describe("averages", () => {
  const a = score(gold.links);
  const b = score([{ parent: "P1", child: "C1", relation: "equivalent" }]);

  it("macro: means of ratios, sums of counts", () => {
    const m = macroAverage([a, b]);
    expect(m.link.recall).toBe(0.75);
    expect(m.link).toMatchObject({ tp: 3, fp: 0, fn: 1 });
    expect(m.relationAccuracy).toBe(0.5);
  });

  it("micro: ratios of summed counts", () => {
    expect(microAverage([a, b]).link.recall).toBe(0.75);
    expect(microAverage([a, b]).missing.precision).toBeCloseTo(2 / 3);
  });

  it("refuses an empty list", () => {
    expect(() => macroAverage([])).toThrow(RangeError);
  });
});

describe("the public gold (002 → 000)", () => {
  const [child] = publicGoldSet().children;
  if (!child) throw new Error("no public gold child");

  it.each(SCOPES)("scores 1 against itself (%s)", (scope) => {
    const g = readGold(child[scope]);
    const s = scoreScope(
      g.links,
      g,
      g.parentTasks.map((t) => t.id),
      g.childTasks.map((t) => t.id),
    );
    expect([s.link.f1, s.missing.f1, s.added.f1, s.primaryRecall, s.relationAccuracy]).toEqual([
      1, 1, 1, 1, 1,
    ]);
  });

  it("naive baseline on the body: link F1 in [0.80, 0.97] on plandiff's parsed tasks", async () => {
    const parent = await parseDocument(PARENT);
    const doc = await parseDocument(child.text);
    const ids = (d: typeof doc) => d.tasks.filter((t) => t.source === "body").map((t) => t.id);
    const links = naiveLinks(parent, doc, "body", NAIVE_THRESHOLDS.body);
    const s = scoreScope(links, readGold(child.body), ids(parent), ids(doc));
    expect(s.link.f1).toBeGreaterThanOrEqual(0.8);
    expect(s.link.f1).toBeLessThanOrEqual(0.97);
  });
});
