import { describe, expect, it } from "vitest";
import { added } from "../../../src/diff/rules/added.js";
import { citation } from "../../../src/diff/rules/citation.js";
import { merged } from "../../../src/diff/rules/merged.js";
import { missing } from "../../../src/diff/rules/missing.js";
import { moved } from "../../../src/diff/rules/moved.js";
import { responsibilityDrift, sameUnit } from "../../../src/diff/rules/responsibility-drift.js";
import { split } from "../../../src/diff/rules/split.js";
import { parseDocument } from "../../../src/pipeline.js";
import { contextOf, link } from "../../helpers/diff.js";
import { SEEDS, seedDocument, seedDocuments } from "../../helpers/seeds.js";

const province = await seedDocument(SEEDS.province);
const city = await seedDocument(SEEDS.city);
const district = await seedDocument(SEEDS.district);
const gazette32 = (await seedDocuments(SEEDS.gazette))[4]!;

describe("missing", () => {
  // The city's own B1.1 bears the title of the province's B1.1: without it, B1.1 is plainly missing.
  const withoutB11 = { ...city, tasks: city.tasks.filter((t) => t.id !== "B1.1") };

  it("is high for a task addressed to lower governments, info for provincial departments only", () => {
    const ctx = contextOf(province, withoutB11, [link("B4.3", "B4.16")]);
    const found = missing.check(ctx);
    // B3.3 改进政务督查工作 is assigned to 省政府办公厅、省级有关部门 only.
    expect(found.find((f) => f.parent === "B3.3")?.severity).toBe("info");
    expect(found.find((f) => f.parent === "B1.1")?.severity).toBe("high");
    expect(found.find((f) => f.parent === "B1.1")?.message).toContain("加强政治建设");
  });

  it("does not fire for a carried task, even when carried only partially", () => {
    const ctx = contextOf(province, city, [
      link("B3.4", "B3.13"),
      link("B3.5", "B3.13", "partial"),
    ]);
    const ids = missing.check(ctx).map((f) => f.parent);
    expect(ids).not.toContain("B3.4");
    expect(ids).not.toContain("B3.5");
  });

  it("says a row whose body task is carried is only unlisted (low)", () => {
    const ctx = contextOf(province, city, [link("B2.2", "B2.7")]);
    const a6 = missing.check(ctx).find((f) => f.parent === "A6");
    expect(a6?.severity).toBe("low");
    expect(a6?.message).toContain("B2.2");
  });

  it("speaks English on request", () => {
    const ctx = contextOf(province, { ...city, tasks: [] }, [], "en");
    expect(missing.check(ctx)[0]?.message).toMatch(/is not carried/);
  });

  it("names an unlinked child task that restates the parent task, at a lower severity", () => {
    // The city's B1.1 bears the title 加强政治建设 of the province's B1.1 but has no link here.
    const f = missing.check(contextOf(province, city, [])).find((x) => x.parent === "B1.1");
    expect(f).toMatchObject({ severity: "low", child: "B1.1" });
    expect(f?.message).toContain("实施方案 B1.1 重述了该任务（B1.1 与其标题相同，未建立对应关系）");
  });
});

describe("added", () => {
  it("lists child tasks without a parent, and only those", () => {
    const ctx = contextOf(province, city, [link("B1.1", "B1.1")]);
    const ids = added.check(ctx).map((f) => f.child);
    expect(ids).toContain("A5");
    expect(ids).not.toContain("B1.1");
    // B1.2 has no link here but bears the title of the province's B1.2: not added.
    expect(ids).not.toContain("B1.2");
  });
});

describe("merged and split", () => {
  const ctx = contextOf(province, city, [
    link("B3.4", "B3.13"),
    link("B3.5", "B3.13", "partial"),
    link("B1.4", "B1.4"),
    link("B1.4", "B2.6", "partial"),
  ]);

  it("reports 容错免责 (B3.5) as merged into the 行政问责 task", () => {
    const [f] = merged.check(ctx);
    expect(f).toMatchObject({ kind: "merged", parent: "B3.5", child: "B3.13" });
    expect(f?.message).toContain("B3.4");
  });

  it("does not call a task merged when it has a link of its own (B3.4, B1.4)", () => {
    expect(merged.check(ctx).map((f) => f.parent)).toEqual(["B3.5"]);
  });

  it("reports parent tasks merged under a child task's own title, naming the others", async () => {
    // Real pair A: the Qingdao plan's 加快重点产品研发及规模化发展 carries a clause of each of four
    // product lines of the Shandong plan (the gold's merge), none of them its main subject.
    const parent = await parseDocument("data/real/sd-2020-jiqing-ai-xiandaoqu.txt");
    const child = await parseDocument("data/real/qd-2020-56-ai-xiandaoqu.txt");
    const host = child.tasks.find((t) => t.title === "加快重点产品研发及规模化发展")?.id as string;
    const lines = ["智能机器人", "智能装备", "视频图像识别系统", "智能软件及终端产品"].map(
      (title) => parent.tasks.find((t) => t.title === title)?.id as string,
    );
    const found = merged.check(
      contextOf(
        parent,
        child,
        lines.map((id) => link(id, host, "partial")),
      ),
    );
    expect(found.map((f) => f.parent)).toEqual(lines);
    expect(found.every((f) => f.child === host)).toBe(true);
    expect(found[0]?.message).toContain(`与 ${lines.slice(1).join("、")} 一并并入`);
    // One parent task carried in part by a child task that carries nothing else is not a merge.
    expect(
      merged.check(contextOf(parent, child, [link(lines[0] as string, host, "partial")])),
    ).toEqual([]);
  });

  it("reports a task carried by two child tasks as split, not a primary-only task", () => {
    const found = split.check(ctx);
    expect(found.map((f) => f.parent)).toEqual(["B1.4"]);
  });
});

describe("moved", () => {
  it("fires when the child task sits in a section that does not correspond", () => {
    const found = moved.check(contextOf(province, city, [link("B1.4", "B2.6")]));
    expect(found[0]).toMatchObject({ parent: "B1.4", child: "B2.6", severity: "low" });
  });

  it("does not fire inside corresponding sections or for partial links", () => {
    expect(
      moved.check(
        contextOf(province, city, [link("B1.4", "B1.4"), link("B1.5", "B2.6", "partial")]),
      ),
    ).toEqual([]);
  });
});

describe("responsibility-drift", () => {
  it("treats level-mapped and abbreviated names as the same unit", () => {
    expect(sameUnit("法制办", "法制办")).toBe(true);
    expect(sameUnit("人社保局", "人力社保局")).toBe(true);
    expect(sameUnit("编办", "编委办")).toBe(true);
    expect(sameUnit("法制办", "督考办")).toBe(false);
  });

  it("省法制办 → 市法制办 is no drift", () => {
    expect(responsibilityDrift.check(contextOf(province, city, [link("B2.3", "B2.8")]))).toEqual(
      [],
    );
  });

  it("省政府研究室 → 市政府各部门 is a change of lead", () => {
    const [f] = responsibilityDrift.check(contextOf(province, city, [link("B2.1", "B2.6")]));
    expect(f).toMatchObject({ parent: "B2.1", child: "B2.6", severity: "low" });
    expect(f?.message).toContain("省政府研究室");
  });

  it("ignores tasks whose only lead is the lower governments", () => {
    expect(responsibilityDrift.check(contextOf(province, city, [link("B3.4", "B3.13")]))).toEqual(
      [],
    );
  });
});

describe("citation", () => {
  it("is silent when the child cites the parent's 文号", () => {
    expect(citation.check(contextOf(province, city, []))).toEqual([]);
  });

  it("accepts a citation by title (the district plan cites no 文号)", () => {
    expect(citation.check(contextOf(province, district, []))).toEqual([]);
  });

  it("fires when the child cites other documents", () => {
    const [f] = citation.check(contextOf(province, gazette32, []));
    expect(f?.severity).toBe("medium");
    expect(f?.message).toContain("浙政发〔2018〕16号");
    expect(f?.evidence.length).toBeGreaterThan(0);
  });
});
