import { describe, expect, it } from "vitest";
import { compareDocuments } from "../../src/compare.js";
import { parseDocument } from "../../src/pipeline.js";
import { html } from "../../src/report/html.js";
import { SEEDS } from "../helpers/seeds.js";

const parent = await parseDocument(SEEDS.province);
const child = await parseDocument(SEEDS.city);
const result = compareDocuments(parent, child);
const missing = result.findings.filter((f) => f.kind === "missing");
const linked = new Set(result.alignments.map((a) => a.parent));

describe("missing: one gap, one finding", () => {
  it("lists a missing body task's missing rows inside its finding, not as findings of their own", () => {
    const grouped = parent.tasks.filter(
      (row) =>
        row.source === "appendix" &&
        !linked.has(row.id) &&
        row.bodyRefs.length > 0 &&
        row.bodyRefs.every((id) => !linked.has(id)),
    );
    expect(grouped.length).toBeGreaterThan(0);
    for (const row of grouped) {
      expect(missing.some((f) => f.parent === row.id)).toBe(false);
      const body = missing.find((f) => f.parent === row.bodyRefs[0]);
      expect(body?.message).toContain(row.title);
      expect(body?.evidence.map((e) => e.task)).toContain(row.id);
    }
  });

  it("keeps one finding for every other parent task with no link", () => {
    for (const task of parent.tasks) {
      if (linked.has(task.id)) continue;
      const own = missing.filter((f) => f.parent === task.id).length;
      const inside = missing.some(
        (f) => f.parent !== task.id && f.evidence.some((e) => e.task === task.id),
      );
      expect(own + (inside ? 1 : 0), task.id).toBe(1);
    }
  });

  it("shows in the HTML view's empty cell what the finding says, not a stock sentence", async () => {
    const unlisted = missing.find((f) => f.message.includes("已落实"));
    expect(unlisted).toBeDefined();
    const page = String(await html(result, { color: false, lang: "zh" }));
    // The row of that parent task: its parent cell, then the empty child cell.
    const row = page.split(`id="p-${unlisted?.parent}"`)[1]?.split('<div class="row ')[0] ?? "";
    const cell = row.split("placeholder-missing")[1]?.split("</div>")[0] ?? "";
    expect(cell).toContain("已落实");
    expect(cell).not.toContain("实施方案中未体现该任务");
  });
});
