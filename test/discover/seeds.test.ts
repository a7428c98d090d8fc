import { describe, expect, it } from "vitest";
import {
  proposeParents as propose,
  type ResolveItem,
  type ResolveOptions,
} from "../../src/discover/resolve.js";
import type { PlanDocument } from "../../src/model/document.js";
import { SEEDS, seedDocuments } from "../helpers/seeds.js";

const [city] = await seedDocuments(SEEDS.city);
const [district] = await seedDocuments(SEEDS.district);
const [province] = await seedDocuments(SEEDS.province);
const gazette = await seedDocuments(SEEDS.gazette);
const [workPoints] = await seedDocuments(SEEDS.workPoints);
if (!city || !district || !province || !workPoints) throw new Error("seeds did not parse");

/** English evidence, which these tests read (Chinese is the default: see real-pile.test.ts). */
const proposeParents = (items: ResolveItem[], overrides: Partial<ResolveOptions> = {}) =>
  propose(items, overrides, { lang: "en" });
const item = (id: string, document: PlanDocument): ResolveItem => ({ id, document });
const uncited = (d: PlanDocument): PlanDocument => ({ ...d, references: [] });

describe("the seeds", () => {
  const proposals = proposeParents([
    item("province", province),
    item("city", city),
    item("district", district),
    item("work-points", workPoints),
    ...gazette.map((d, i) => item(`gazette-${i + 1}`, d)),
  ]);

  it("Jiaxing city → province, cited by 文号", () => {
    const p = proposals.get("city");
    expect(p?.parent).toBe("province");
    expect(p?.method).toBe("cited");
    expect(p?.confidence).toBeGreaterThanOrEqual(0.95);
    expect(p?.evidence[0]).toBe("cites 浙政发〔2018〕16号");
  });

  it("Yuecheng district → province, cited by title (it is not a Jiaxing district)", () => {
    const p = proposals.get("district");
    expect(p?.parent).toBe("province");
    expect(p?.method).toBe("cited");
  });

  it("the province and the unrelated plans get no parent", () => {
    for (const id of ["province", "work-points", ...gazette.map((_, i) => `gazette-${i + 1}`)]) {
      const p = proposals.get(id);
      expect(p?.parent, id).toBeNull();
      expect(p?.method, id).toBe("none");
      expect(p?.evidence.length, id).toBeGreaterThan(0);
    }
  });
});

describe("without citations, by content", () => {
  const proposals = proposeParents([
    item("province", province),
    item("city", uncited(city)),
    item("district", uncited(district)),
    item("work-points", uncited(workPoints)),
  ]);

  it("finds the same parents, with scores and example task pairs as evidence", () => {
    for (const id of ["city", "district"]) {
      const p = proposals.get(id);
      expect(p?.parent, id).toBe("province");
      expect(p?.method, id).toBe("similarity");
      expect(p?.confidence, id).toBeGreaterThan(0.5);
      expect(p?.evidence[0], id).toMatch(/^content like province: score 0\.\d\d/);
      expect(p?.evidence.filter((e) => e.startsWith("task ")).length, id).toBe(3);
    }
  });

  it("keeps the Shaoxing district away from the Jiaxing city plan (another place)", () => {
    const p = proposals.get("district");
    expect(p?.evidence.some((e) => e.includes("another place") && e.includes("嘉兴市"))).toBe(true);
    expect(p?.alternatives.map((a) => a.id)).not.toContain("city");
  });

  it("proposes nothing for a plan on another subject, and says how close the best came", () => {
    const p = proposals.get("work-points");
    expect(p?.parent).toBeNull();
    expect(p?.evidence[0]).toMatch(/^no document is cited or similar enough \(best: province/);
    expect(p?.alternatives[0]?.id).toBe("province");
  });
});

describe("levels", () => {
  it("prefers the nearest level among cited candidates", () => {
    const both: PlanDocument = {
      ...district,
      references: [
        { title: null, docNumber: province.docNumber, line: 1 },
        { title: null, docNumber: city.docNumber, line: 1 },
      ],
    };
    const p = proposeParents([
      item("province", province),
      item("city", city),
      item("district", both),
    ]).get("district");
    expect(p?.parent).toBe("city");
    expect(p?.alternatives[0]).toMatchObject({ id: "province" });
    expect(p?.alternatives[0]?.note).toMatch(/^also cites 浙政发〔2018〕16号/);
  });

  it("a document of unknown level may be a child, and never makes a cycle", () => {
    const unknown: PlanDocument = { ...city, level: "unknown", date: null };
    const undated: PlanDocument = { ...province, date: null };
    const proposals = proposeParents([item("province", undated), item("x", unknown)]);
    expect(proposals.get("x")?.parent).toBe("province");
    expect(proposals.get("province")?.parent).toBeNull();
  });

  it("a document of unknown level may be a parent (not of a document issued before it)", () => {
    const unknownParent: PlanDocument = { ...province, level: "unknown" };
    const proposals = proposeParents([
      item("p", unknownParent),
      item("city", uncited(city)),
      item("district", uncited(district)),
    ]);
    expect(proposals.get("city")?.parent).toBe("p");
    expect(proposals.get("district")?.parent).toBe("p");
    expect(proposals.get("p")?.parent).toBeNull();
  });

  it("keeps fixed parents and resolves only the others", () => {
    const proposals = proposeParents([
      { id: "province", document: province, parent: null },
      { id: "city", document: city, parent: "province" },
      item("district", uncited(district)),
    ]);
    expect([...proposals.keys()]).toEqual(["district"]);
    expect(proposals.get("district")?.parent).toBe("province");
  });
});

describe("a candidate that shares nothing", () => {
  it("is not named as the closest, nor listed as an alternative", async () => {
    const { parseDocument } = await import("../../src/pipeline.js");
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    // A short interpretation of a plan on industrial data, of no level: a candidate for anything.
    const path = join(mkdtempSync(join(tmpdir(), "plandiff-zero-")), "interpretation.txt");
    writeFileSync(
      path,
      "《关于工业大数据发展的指导意见》政策解读\n一、出台背景\n工业大数据是推动工业数字化转型的关键要素，为此研究制定了《指导意见》。\n二、主要内容\n《指导意见》提出加快数据汇聚、推动数据共享、深化数据应用等重点任务。\n",
    );
    const interpretation = await parseDocument(path);
    const incentives = await parseDocument("data/real/gwy-2018-117-jili.txt");
    const p = proposeParents([
      item("interpretation", interpretation),
      item("incentives", uncited(incentives)),
    ]).get("incentives");
    expect(p?.parent).toBeNull();
    expect(p?.evidence[0]).toBe("no document is cited or similar (every candidate scores 0.00)");
    expect(p?.alternatives).toEqual([]);
  });
});
