import { beforeAll, describe, expect, it } from "vitest";
import { compareDocuments } from "../../../src/compare.js";
import { DEFAULT_DIFF_OPTIONS, runRules } from "../../../src/diff/index.js";
import { leadFates, responsibilityDrift } from "../../../src/diff/rules/responsibility-drift.js";
import type { CompareResult } from "../../../src/model/compare.js";
import type { PlanDocument } from "../../../src/model/document.js";
import type { Task } from "../../../src/model/task.js";
import { parseDocument } from "../../../src/pipeline.js";
import { aliasKeys, counterpartKey } from "../../../src/text/units.js";
import { contextOf, link } from "../../helpers/diff.js";

let province: PlanDocument;
let district: PlanDocument;
let result: CompareResult;

beforeAll(async () => {
  province = await parseDocument("data/002_2cdac00586eece9b.txt");
  district = await parseDocument("data/001_1edcfceb20138e7f.txt");
  result = compareDocuments(province, district);
});

const task = (doc: PlanDocument, id: string) => doc.tasks.find((t) => t.id === id) as Task;

describe("unit counterparts across levels", () => {
  it("reads the same body at the province and the district alike", () => {
    const same = (a: string, b: string) => expect(counterpartKey(a)).toBe(counterpartKey(b));
    same("省政府办公厅", "区府办");
    same("省发展改革委", "区发改局");
    same("省政府各部门党委(党组)", "区政府各部门党组(工委、党委)");
    same("省政府各部门党委〔党组〕", "区政府各部门党组(工委、党委)");
    same("省统计局", "区统计局");
    same("省经信委", "区经信局");
    same("省编办", "市编委办");
    expect(counterpartKey("省政府办公厅")).not.toBe(counterpartKey("区督考办"));
  });

  it("pairs no unit with its own counterpart in 002 → 001", () => {
    const drift = result.findings.filter((f) => f.kind === "responsibility-drift");
    const about = (id: string) => drift.find((f) => f.parent === id);
    // 省发展改革委 → 区发改局 (A41, A42); 省政府各部门党委(党组) → 区政府党组… (B1.1–B1.5, A1);
    // 省政府办公厅 → 区府办 (A26, B3.1, B9.1).
    for (const id of [
      "A41",
      "A42",
      "A1",
      "A4",
      "B1.1",
      "B1.2",
      "B1.3",
      "B1.4",
      "B1.5",
      "A26",
      "B3.1",
      "B9.1",
    ]) {
      expect(about(id)).toBeUndefined();
    }
    // A real change stays: 省政府办公厅 → 区督考办.
    expect(about("A12")?.message).toContain("由省政府办公厅变为区督考办");
  });

  it("reports a lead kept only as a supporting unit as a role change (A25 省司法厅 → 区司法局 配合)", () => {
    expect(leadFates(task(province, "A25"), task(district, "A22"))).toContainEqual({
      unit: "省司法厅",
      fate: "demoted",
    });
    const [f] = responsibilityDrift.check(contextOf(province, district, [link("A25", "A22")]));
    expect(f?.message).toContain("角色变化：省司法厅由牵头改为配合");
  });

  it("reads a user's alias (a renamed unit) as the same body", () => {
    const aliases = aliasKeys([["省政府研究室", "区府办"]]);
    expect(counterpartKey("省政府研究室", aliases)).toBe(counterpartKey("区府办"));
    const ctx = contextOf(province, district, [link("A6", "A5")]);
    expect(runRules(ctx, DEFAULT_DIFF_OPTIONS).map((f) => f.kind)).toContain(
      "responsibility-drift",
    );
    const aliased = runRules(ctx, {
      ...DEFAULT_DIFF_OPTIONS,
      unitAliases: [["省政府研究室", "区府办"]],
    });
    expect(aliased.map((f) => f.kind)).not.toContain("responsibility-drift");
  });
});

describe("unit aliases reach the rules through compareDocuments (as a run passes them)", () => {
  it("drops the responsibility drift an alias explains", async () => {
    const { compareDocuments } = await import("../../../src/compare.js");
    const { parseDocument } = await import("../../../src/pipeline.js");
    const parent = await parseDocument("data/002_2cdac00586eece9b.txt");
    const child = await parseDocument("data/001_1edcfceb20138e7f.txt");
    const drifts = (aliases: [string, string][]) =>
      compareDocuments(parent, child, {
        diff: { ...DEFAULT_DIFF_OPTIONS, unitAliases: aliases },
      }).findings.filter(
        (f) => f.kind === "responsibility-drift" && f.message.includes("省政府研究室"),
      );
    const before = drifts([]);
    expect(before.length).toBeGreaterThan(0);
    const target = before[0]?.message.match(/变为([^、，（(]+)/)?.[1];
    expect(target).toBeDefined();
    expect(drifts([["省政府研究室", target as string]]).length).toBeLessThan(before.length);
  }, 60_000);
});
