import { beforeAll, describe, expect, it } from "vitest";
import { compareDocuments } from "../../../src/compare.js";
import { restatements } from "../../../src/diff/restates.js";
import type { CompareResult } from "../../../src/model/compare.js";
import type { PlanDocument } from "../../../src/model/document.js";
import { parseDocument } from "../../../src/pipeline.js";

let province: PlanDocument;
let city: PlanDocument;
let district: PlanDocument;
let result: CompareResult;

beforeAll(async () => {
  province = await parseDocument("data/002_2cdac00586eece9b.txt");
  city = await parseDocument("data/000_e50bc25d11ad62e1.txt");
  district = await parseDocument("data/001_1edcfceb20138e7f.txt");
  result = compareDocuments(province, city);
});

const task = (doc: PlanDocument, id: string) => doc.tasks.find((t) => t.id === id)!;

describe("added only when the parent does not hold the task (002 → 000)", () => {
  it("calls no task added whose title is a parent task's title", () => {
    const titles = new Set(province.tasks.map((t) => t.title.replace(/\s/g, "")));
    const added = result.findings.filter((f) => f.kind === "added");
    for (const f of added) {
      expect(titles.has(task(city, f.child as string).title.replace(/\s/g, ""))).toBe(false);
    }
    // A26 深化“基层治理四平台”建设 is B8.1's title; A12, A18 are sentences of B4.2, B5.4.
    expect(added.map((f) => f.child)).not.toContain("A26");
    expect(added.map((f) => f.child)).not.toContain("A12");
    expect(added.map((f) => f.child)).not.toContain("A18");
    expect(result.summary.appendix.added).not.toContain("A26");
  });

  it("keeps the city's own initiatives added (A5 省委巡视组反馈意见, A7 咨政客厅)", () => {
    const added = result.findings.filter((f) => f.kind === "added").map((f) => f.child);
    expect(added).toEqual(expect.arrayContaining(["A5", "A7"]));
  });

  it("names the restating row among the carriers of the parent task it restates", () => {
    const split = result.findings.find((f) => f.kind === "split" && f.parent === "B8.1");
    expect(split?.message).toContain("A26 与其标题相同，未建立对应关系");
    expect(split?.evidence.map((s) => s.task)).toContain("A26");
  });

  it("reads a title restated with another adverb (001 A21 积极推进 / 002 B5.4 加快推进行政复议体制改革)", () => {
    const found = restatements(province, [task(district, "A21")]);
    expect(found.get("A21")).toMatchObject({ how: "title-inside", parent: { id: "B5.4" } });
  });

  it("does not read a task built from fragments of the parent as restated (001 A26)", () => {
    expect(restatements(province, [task(district, "A26")]).size).toBe(0);
  });
});
