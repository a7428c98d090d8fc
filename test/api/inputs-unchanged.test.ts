import { describe, expect, it } from "vitest";
import { HOLDOUT_SEEDS, PROFILES, syntheticChildren } from "../../bench/eval/datasets.js";
import { compareDocuments } from "../../src/compare.js";
import { DEFAULT_DIFF_OPTIONS } from "../../src/diff/index.js";
import { parseDocument } from "../../src/pipeline.js";
import { stableStringify } from "../../src/util/stable-json.js";
import { SEEDS } from "../helpers/seeds.js";

// A batch run embeds one parent in every child's report from a key-sorted copy made once
// (`reuseJson`), and a parent's tasks carry remembered features: a comparison must only read its
// documents. They are not frozen (that would slow every comparison), so this checks it.
describe("comparing leaves both documents as they were", async () => {
  const province = await parseDocument(SEEDS.province);
  const before = stableStringify(province);
  const children = [
    SEEDS.city,
    SEEDS.district,
    ...(await syntheticChildren(PROFILES, HOLDOUT_SEEDS)).slice(0, 20).map((c) => c.text),
  ];

  it("the parent after every child, and each child", async () => {
    let findings = 0;
    for (const path of children) {
      const child = await parseDocument(path);
      const childBefore = stableStringify(child);
      for (const lang of ["zh", "en"] as const) {
        const diff = { ...DEFAULT_DIFF_OPTIONS, lang };
        findings += compareDocuments(province, child, { diff }).findings.length;
      }
      expect(stableStringify(child), path).toBe(childBefore);
    }
    expect(findings).toBeGreaterThan(children.length * 10);
    expect(stableStringify(province)).toBe(before);
  });
});
