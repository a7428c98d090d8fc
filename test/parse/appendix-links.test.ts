import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/pipeline.js";
import { SEEDS } from "../helpers/seeds.js";

describe("appendix rows linked to every body task they summarise", () => {
  it("links a row joining measures of two tasks to both (the district plan's 清单管理 + 大督查 row)", async () => {
    const doc = await parseDocument(SEEDS.district);
    const byId = new Map(doc.tasks.map((t) => [t.id, t]));
    const joined = doc.tasks.filter((t) => t.source === "appendix" && t.bodyRefs.length > 1);
    expect(joined.length).toBeGreaterThan(0);
    for (const row of joined) {
      // Each body task holds one of the row's clauses nearly word for word, and points back.
      for (const id of row.bodyRefs) expect(byId.get(id)?.appendixRefs).toContain(row.id);
      const clauses = row.title.split(/[，,；;]/).filter((c) => c.length >= 6);
      for (const id of row.bodyRefs.slice(1)) {
        const text = byId.get(id)?.text ?? "";
        expect(clauses.some((c) => text.includes(c.slice(0, 6)))).toBe(true);
      }
    }
  });

  it("keeps one body task per row where no clause is another task's measure (province and city plans)", async () => {
    for (const file of [SEEDS.province, SEEDS.city]) {
      const doc = await parseDocument(file);
      const rows = doc.tasks.filter((t) => t.source === "appendix");
      expect(rows.every((r) => r.bodyRefs.length <= 1)).toBe(true);
      expect(rows.filter((r) => r.bodyRefs.length === 1).length).toBe(rows.length);
    }
  });
});
