import { beforeAll, describe, expect, it } from "vitest";
import { createContext } from "../../../src/diff/context.js";
import { deadlineDrift, driftOfAlignment } from "../../../src/diff/rules/deadline-drift.js";
import type { Alignment } from "../../../src/model/alignment.js";
import type { PlanDocument } from "../../../src/model/document.js";
import { type Finding, FindingSchema } from "../../../src/model/finding.js";
import type { Lang } from "../../../src/model/lang.js";
import { parseDocument } from "../../../src/pipeline.js";

let parent: PlanDocument;
let child: PlanDocument;

beforeAll(async () => {
  parent = await parseDocument("data/002_2cdac00586eece9b.txt");
  child = await parseDocument("data/000_e50bc25d11ad62e1.txt");
});

const link = (p: string, c: string, relation: Alignment["relation"] = "reworded"): Alignment => ({
  parent: p,
  child: c,
  relation,
  score: 0.9,
  evidence: { signals: {}, sharedTerms: [], sentences: [] },
});

function check(alignments: Alignment[], lang: Lang = "zh"): Finding[] {
  const context = createContext({ parent, child, alignments, sectionAlignments: [], lang });
  return deadlineDrift.check(context);
}

const only = (findings: Finding[]): Finding => {
  expect(findings).toHaveLength(1);
  return findings[0] as Finding;
};

describe("deadline-drift rule on the 002 → 000 seeds", () => {
  it("reports a row whose date moves later, with the day count (A27 → A21)", () => {
    const finding = only(check([link("A27", "A21")]));
    expect(finding).toMatchObject({
      kind: "deadline-drift",
      // A27 is assigned to 省发展改革委、省质监局 only: it does not bind the city.
      severity: "info",
      parent: "A27",
      child: "A21",
      drift: { label: "later", parent: "2019年12月底前完成", child: "2020年底前完成", days: 366 },
    });
    expect(finding.message).toContain(
      "由「2019年12月底前完成」推迟为「2020年底前完成」（推迟366天）",
    );
    expect(finding.message).toContain("A21「开展基本公共服务“标准化+”行动」");
    expect(finding.evidence.map((span) => [span.document, span.task])).toEqual([
      ["parent", "A27"],
      ["child", "A21"],
    ]);
    expect(FindingSchema.parse(finding)).toEqual(finding);
  });

  it("is silent on a row kept the same, however the date is written (A22 → A17)", () => {
    expect(
      driftOfAlignment(
        parent.tasks.find((t) => t.id === "A22")!,
        child.tasks.find((t) => t.id === "A17")!,
      ),
    ).toEqual({ label: "same", parent: "2019年12月底前完成", child: "2019年底前完成", days: 0 });
    expect(check([link("A22", "A17", "reworded"), link("A41", "A29", "equivalent")])).toEqual([]);
  });

  it("is silent on two mandates (A1 → A1: 执行党中央和省委规定 / 按中央和省委、市委部署推进)", () => {
    expect(check([link("A1", "A1", "equivalent")])).toEqual([]);
  });

  it("rates a date that became 逐年推进 as removed, high (A48 → A31)", () => {
    const finding = only(check([link("A48", "A31", "equivalent")]));
    expect(finding.severity).toBe("high");
    expect(finding.drift).toEqual({
      label: "removed",
      parent: "2018年12月底前完成",
      child: "逐年推进",
      days: null,
    });
    expect(finding.message).toContain("「2018年12月底前完成」改为「逐年推进」");
  });

  it("rates a dropped date on a row of province departments only as info, with the reason", () => {
    // A31, A34: 省政府办公厅; A32: 省数据管理中心; A35: 省统计局、省发展改革委; A40: 省政府办公厅、省质监局.
    const findings = check(["A31", "A32", "A34", "A35", "A40"].map((id) => link(id, "A23")));
    expect(findings.map((f) => [f.parent, f.severity, f.drift?.label])).toEqual(
      ["A31", "A32", "A34", "A35", "A40"].map((id) => [id, "info", "removed"]),
    );
    for (const f of findings) expect(f.message).toContain("责任单位仅为上级本级部门：省");
    expect(findings[3]?.message).toContain("省统计局、省发展改革委，对实施方案无约束");
  });

  it("keeps the severity when the child is not known to be of a lower level", () => {
    for (const level of ["province", "unknown"] as const) {
      const sameLevel = { ...child, level };
      const context = createContext({
        parent,
        child: sameLevel,
        alignments: [link("A31", "A23")],
        sectionAlignments: [],
        lang: "zh",
      });
      const [finding] = deadlineDrift.check(context);
      expect(finding?.severity).toBe("high");
      expect(finding?.message).not.toContain("无约束");
    }
  });

  it("keeps a dropped date high on a row that also names lower governments (A48 省人社保厅, 各市、县政府)", () => {
    const finding = only(check([link("A48", "A31")]));
    expect(finding.severity).toBe("high");
    expect(finding.message).not.toContain("无约束");
  });

  it("rates period → recurrence as different, low (A16 → A13)", () => {
    const finding = only(check([link("A16", "A13")]));
    expect(finding.severity).toBe("low");
    expect(finding.drift?.label).toBe("different");
  });

  it("skips a body task whose child names no deadline in its prose (B4.4 每年 → B4.16)", () => {
    expect(check([link("B4.4", "B4.16")])).toEqual([]);
  });

  it("compares body tasks that both name a deadline (B4.5 2018年底 → B8.30 2022年底前)", () => {
    const finding = only(check([link("B4.5", "B8.30")]));
    expect(finding).toMatchObject({ severity: "medium", drift: { label: "later" } });
  });

  it("skips body tasks that both name no deadline (B3.4 → B3.13)", () => {
    expect(check([link("B3.4", "B3.13")])).toEqual([]);
  });

  it("rates earlier and stricter deadlines as info", () => {
    const [earlier, stricter] = check([link("A35", "A27"), link("A37", "A27")]);
    expect(earlier).toMatchObject({ severity: "info", drift: { label: "earlier", days: -181 } });
    expect(earlier?.message).toContain("提前为「2018年底前完成」（提前181天）");
    expect(stricter).toMatchObject({ severity: "info", drift: { label: "stricter", days: null } });
    expect(stricter?.message).toContain("由「适时完成」收紧为「2018年底前完成」");
  });

  it("lists appendix rows before body tasks", () => {
    const findings = check([link("B4.5", "B8.30"), link("A48", "A31"), link("A16", "A13")]);
    expect(findings.map((f) => f.parent)).toEqual(["A48", "A16", "B4.5"]);
  });

  it("ignores links to tasks that do not exist", () => {
    expect(check([link("A999", "A21"), link("A27", "B99.1")])).toEqual([]);
  });

  it("writes Chinese by default and English on request", () => {
    const zh = only(check([link("A27", "A21")]));
    const en = only(check([link("A27", "A21")], "en"));
    expect(zh.message).toMatch(/^实施方案 A21/);
    expect(en.message).toBe(
      "Child task A21 “开展基本公共服务“标准化+”行动” (parent A27) moves the deadline from “2019年12月底前完成” to “2020年底前完成” (366 days later) (assigned only to the parent's own departments: 省发展改革委, 省质监局; not binding on the child)",
    );
    expect({ ...en, message: "" }).toEqual({ ...zh, message: "" });
  });

  it("has a bilingual title and the id of its file", () => {
    expect(deadlineDrift.id).toBe("deadline-drift");
    expect(deadlineDrift.title.zh).toBe("时间要求变化");
    expect(deadlineDrift.title.en).toBe("Deadline drift");
  });
});
