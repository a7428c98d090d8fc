import { describe, expect, it } from "vitest";
import type { PlanDocument } from "../../src/model/document.js";
import { parseDocument } from "../../src/pipeline.js";
import { SEEDS } from "../helpers/seeds.js";

/** What must survive a format change: every task's id, title, lead units and deadline. */
const tasksOf = (doc: PlanDocument) =>
  doc.tasks.map((t) => [t.id, t.title, t.units.lead, t.deadline.kind, t.deadline.due]);

describe.each([
  ["province plan (pipe tables over several blocks)", SEEDS.province, "002"],
  ["district plan (pipes without a leading pipe, △)", SEEDS.district, "001"],
])("the %s round-tripped through LibreOffice", async (_, seed, stem) => {
  const original = await parseDocument(seed);

  it.each(["pdf", "docx", "html"])(".%s parses to the same tasks, tables included", async (ext) => {
    const copy = await parseDocument(`test/fixtures/formats/${stem}.${ext}`);
    expect(tasksOf(copy)).toEqual(tasksOf(original));
    expect(copy.tasks.filter((t) => t.source === "appendix").length).toBeGreaterThan(30);
    expect([copy.docNumber, copy.date, copy.level]).toEqual([
      original.docNumber,
      original.date,
      original.level,
    ]);
  });
});
