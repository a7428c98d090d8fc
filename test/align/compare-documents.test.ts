import { describe, expect, it } from "vitest";
import { compareDocuments } from "../../src/compare.js";
import { SEEDS, seedDocument } from "../helpers/seeds.js";

const province = await seedDocument(SEEDS.province);
const city = await seedDocument(SEEDS.city);
const district = await seedDocument(SEEDS.district);
const result = compareDocuments(province, city);
const linksOf = (parent: string) => result.alignments.filter((a) => a.parent === parent);

describe("compareDocuments on the province → Jiaxing city plans", () => {
  it("aligns the ten sections one to one, in order", () => {
    expect(result.sectionAlignments.map((s) => [s.parent, s.child])).toEqual(
      Array.from({ length: 10 }, (_, i) => [i + 1, i + 1]),
    );
  });

  it("links a reworded task and explains why", () => {
    const [link] = linksOf("B2.1");
    expect(link?.child).toBe("B2.6");
    expect(link?.relation).not.toBe("partial");
    expect(link?.evidence.sentences.length).toBeGreaterThan(0);
    expect(link?.evidence.signals.text).toBeGreaterThan(0);
  });

  it("does not report a merged task as missing: it becomes a partial link", () => {
    // 行政问责 (B3.4) and 容错免责 (B3.5) are merged into one city task.
    const children = [...linksOf("B3.4"), ...linksOf("B3.5")].map((a) => a.child);
    expect(new Set(children)).toEqual(new Set(["B3.13"]));
    expect(linksOf("B3.5").map((a) => a.relation)).toContain("partial");
    expect(result.summary.body.missing).not.toContain("B3.5");
  });

  it("gives every child task at most one non-partial parent", () => {
    const primary = result.alignments.filter((a) => a.relation !== "partial");
    const children = primary.map((a) => a.child);
    expect(new Set(children).size).toBe(children.length);
  });

  it("summarises coverage consistently with the links", () => {
    const { body } = result.summary;
    expect(body.parentTasks).toBe(41);
    expect(body.carried + body.missing.length).toBe(41);
    expect(body.coverage).toBeCloseTo(body.carried / 41, 3);
  });

  it("is deterministic", () => {
    expect(JSON.stringify(compareDocuments(province, city))).toBe(JSON.stringify(result));
  });
});

describe("compareDocuments on the province → Yuecheng district plans", () => {
  const d = compareDocuments(province, district);
  it("carries most province tasks and translates level words", () => {
    expect(d.summary.body.coverage).toBeGreaterThan(0.85);
    const link = d.alignments.find((a) => a.parent === "B5.3");
    expect(link?.child).toBe("B5.20"); // 严格规范公正文明执法 ↔ 严格规范公text明执法
  });
});
