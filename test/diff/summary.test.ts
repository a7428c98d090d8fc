import { describe, expect, it } from "vitest";
import { compareDocuments } from "../../src/compare.js";
import { summarize } from "../../src/diff/summary.js";
import { link } from "../helpers/diff.js";
import { SEEDS, seedDocument } from "../helpers/seeds.js";

const province = await seedDocument(SEEDS.province);
const result = compareDocuments(province, await seedDocument(SEEDS.city));
const { summary } = result;

describe("compare summary (002 → 000)", () => {
  it("counts obligatory tasks and required coverage", () => {
    const obligatory = province.tasks.filter((t) => t.source === "body" && t.obligatory).length;
    expect(summary.body.obligatory).toBe(obligatory);
    expect(summary.body.requiredCoverage).toBeCloseTo(
      summary.body.obligatoryCarried / obligatory,
      3,
    );
    expect(summary.body.requiredCoverage).toBeLessThan(1); // B4.3 加强制度供给 is obligatory and missing
  });

  it("counts findings by kind and severity consistently", () => {
    const byKind = Object.values(summary.findings.byKind).reduce((a, b) => a + b, 0);
    const bySeverity = Object.values(summary.findings.bySeverity).reduce((a, b) => a + b, 0);
    expect(byKind).toBe(result.findings.length);
    expect(bySeverity).toBe(result.findings.length);
  });

  it("gives a fidelity per parent section in [0,1], lower where tasks are missing", () => {
    expect(summary.sections).toHaveLength(10);
    const s4 = summary.sections.find((s) => s.parent === 4);
    expect(s4?.carried).toBe(4);
    const full = summary.sections.filter((s) => s.carried === s.tasks);
    expect(Math.min(...full.map((s) => s.fidelity))).toBeGreaterThanOrEqual(s4?.fidelity ?? 1);
    expect(summary.fidelity).toBeGreaterThan(0);
    expect(summary.fidelity).toBeLessThanOrEqual(1);
  });

  it("counts the safeguards (S ids) in their own scope, body and appendix without them", () => {
    const ids = (source: string, doc: typeof province) =>
      doc.tasks.filter((t) => t.source === source).map((t) => t.id);
    const parentS = ids("safeguards", province);
    expect(parentS.length).toBeGreaterThan(0);
    expect(summary.safeguards.parentTasks).toBe(parentS.length);
    expect(summary.safeguards.childTasks).toBe(ids("safeguards", result.child).length);
    expect(summary.body.parentTasks).toBe(ids("body", province).length);
    expect(summary.appendix.parentTasks).toBe(ids("appendix", province).length);
    const carried = new Set(result.alignments.map((a) => a.parent));
    expect(summary.safeguards.missing).toEqual(parentS.filter((id) => !carried.has(id)));
    expect(summary.safeguards.carried).toBe(parentS.length - summary.safeguards.missing.length);
    for (const id of summary.body.missing) expect(id.startsWith("S")).toBe(false);
  });

  it("counts a parent safeguard carried by a child body task, and that body task not added", () => {
    const [s1] = province.tasks.filter((t) => t.source === "safeguards");
    const child = result.child;
    const target = child.tasks.find((t) => t.source === "body");
    if (!s1 || !target) throw new Error("the seeds have no safeguard or no child body task");
    const alignments = [
      ...result.alignments.filter((a) => a.parent !== s1.id && a.child !== target.id),
      link(s1.id, target.id),
    ];
    const s = summarize(province, child, alignments, result.sectionAlignments, {
      pair: summary.pair,
      shown: [],
      all: [],
      restated: () => false,
    });
    expect(s.safeguards.missing).not.toContain(s1.id);
    expect(s.body.added).not.toContain(target.id);
    expect(s.body.parentTasks).toBe(summary.body.parentTasks);
  });
});
