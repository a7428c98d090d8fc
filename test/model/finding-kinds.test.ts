import { describe, expect, it } from "vitest";
import { rules } from "../../src/diff/rules/index.js";
import { FINDING_KINDS, FindingKindSchema } from "../../src/model/finding.js";
import { KIND_LABELS } from "../../src/report/shared/labels.js";

describe("finding kinds", () => {
  it("are exactly the rules' ids, in the rules' order, each rule registered under its id", () => {
    expect(Object.keys(rules)).toEqual([...FINDING_KINDS]);
    for (const [key, rule] of Object.entries(rules)) expect(rule.id).toBe(key);
  });

  it("each have a label, and the schema accepts them and nothing else", () => {
    expect(Object.keys(KIND_LABELS).sort()).toEqual([...FINDING_KINDS].sort());
    for (const kind of FINDING_KINDS) expect(FindingKindSchema.parse(kind)).toBe(kind);
    expect(FindingKindSchema.safeParse("template").success).toBe(false);
  });
});
