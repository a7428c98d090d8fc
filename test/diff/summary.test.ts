import { describe, expect, it } from "vitest";
import { compareDocuments } from "../../src/compare.js";
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
});
