import { describe, expect, it } from "vitest";
import type { PlanDocument } from "../../src/model/document.js";
import { readGold, SEEDS, seedDocument, squeeze } from "../helpers/seeds.js";

const docs: Record<string, PlanDocument> = {
  "002_2cdac00586eece9b.txt": await seedDocument(SEEDS.province),
  "000_e50bc25d11ad62e1.txt": await seedDocument(SEEDS.city),
};

describe.each(["002-000.body.json", "002-000.appendix.json"])("titles of %s", (name) => {
  const gold = readGold(name);
  const cases = [
    ...gold.parentTasks.map((t) => ({ doc: gold.parent, ...t })),
    ...gold.childTasks.map((t) => ({ doc: gold.child, ...t })),
  ];
  it.each(cases)("$doc $id", ({ doc, id, title, deadline }) => {
    const task = docs[doc]?.tasks.find((t) => t.id === id);
    expect(squeeze(task?.title ?? "")).toBe(squeeze(title));
    if (deadline) expect(squeeze(task?.deadline.raw ?? "")).toBe(squeeze(deadline));
  });

  it("parses no task the gold does not know", () => {
    const scope = gold.scope === "body" ? "body" : "appendix";
    for (const [file, side] of [
      [gold.parent, gold.parentTasks],
      [gold.child, gold.childTasks],
    ] as const) {
      const ids = docs[file]?.tasks.filter((t) => t.source === scope).map((t) => t.id);
      expect(ids?.sort()).toEqual(side.map((t) => t.id).sort());
    }
  });
});

describe("responsibility of the parent's body tasks", () => {
  const gold = readGold("002-000.body.json");
  it.each(gold.parentTasks)("$id", ({ id, units }) => {
    const task = docs[gold.parent]?.tasks.find((t) => t.id === id);
    expect(squeeze(task?.units.raw ?? "")).toBe(squeeze(units ?? ""));
  });
});

describe.each(["002.appendix-to-body.json", "000.appendix-to-body.json"])(
  "appendix rows link to their body tasks (%s)",
  (name) => {
    const gold = readGold(name);
    const doc = docs[gold.parent] as PlanDocument;
    const agreeing = gold.links.filter((link) =>
      doc.tasks.find((t) => t.id === link.parent)?.bodyRefs.includes(link.child),
    );

    it("agrees with the gold on at least 90% of the rows", () => {
      expect(agreeing.length / gold.links.length).toBeGreaterThanOrEqual(0.9);
    });

    it("links back from body tasks to rows", () => {
      for (const row of doc.tasks.filter((t) => t.source === "appendix")) {
        for (const ref of row.bodyRefs) {
          expect(doc.tasks.find((t) => t.id === ref)?.appendixRefs).toContain(row.id);
        }
      }
    });
  },
);
