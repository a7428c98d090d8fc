import { describe, expect, it } from "vitest";
import { createContext } from "../../../src/diff/context.js";
import { sideOf, wordingOf } from "../../../src/diff/reword/index.js";
import { reworded } from "../../../src/diff/rules/reworded.js";
import type { Alignment, Relation } from "../../../src/model/alignment.js";
import type { PlanDocument } from "../../../src/model/document.js";
import type { Finding } from "../../../src/model/finding.js";
import type { Lang } from "../../../src/model/lang.js";
import { parseDocument } from "../../../src/pipeline.js";

const province = await parseDocument("data/002_2cdac00586eece9b.txt");
const city = await parseDocument("data/000_e50bc25d11ad62e1.txt");
const district = await parseDocument("data/001_1edcfceb20138e7f.txt");

const link = (parent: string, child: string, relation: Relation = "reworded"): Alignment => ({
  parent,
  child,
  relation,
  score: 0.8,
  evidence: { signals: {}, sharedTerms: [], sentences: [] },
});

function check(child: PlanDocument, alignments: Alignment[], lang: Lang = "zh"): Finding[] {
  const context = createContext({
    parent: province,
    child,
    alignments,
    sectionAlignments: [],
    lang,
  });
  return reworded.check(context);
}

const cityLinks = [
  link("B2.1", "B2.6"),
  link("B4.2", "B4.15"),
  link("A18", "A14"),
  link("B3.2", "B3.10", "equivalent"),
  link("B3.5", "B3.13", "partial"),
];
const cityFindings = check(city, cityLinks);
const finding = (list: Finding[], parent: string) => {
  const found = list.find((f) => f.parent === parent);
  if (!found) throw new Error(`no finding for ${parent}`);
  return found;
};

describe("reworded rule", () => {
  it("is the reworded rule", () => {
    expect(reworded.id).toBe("reworded");
    expect(reworded.title.zh).toBeTruthy();
    expect(reworded.title.en).toBeTruthy();
  });

  it("reports one finding per reworded link, body tasks and appendix rows alike", () => {
    expect(cityFindings.map((f) => [f.parent, f.child])).toEqual([
      ["B2.1", "B2.6"],
      ["B4.2", "B4.15"],
      ["A18", "A14"],
    ]);
    expect(cityFindings.every((f) => f.kind === "reworded")).toBe(true);
  });

  it("skips links to tasks the documents do not hold", () => {
    expect(check(city, [link("B99.1", "B2.6"), link("B2.1", "B99.9")])).toEqual([]);
  });

  it("quotes both tasks as evidence", () => {
    const f = finding(cityFindings, "B2.1");
    expect(f.evidence.map((e) => [e.document, e.task])).toEqual([
      ["parent", "B2.1"],
      ["child", "B2.6"],
    ]);
  });

  it("carries the word diff of the two wordings, without the responsibility brackets", () => {
    const f = finding(cityFindings, "B4.2");
    const child = city.tasks.find((t) => t.id === "B4.15");
    expect(child && sideOf(f.diff, "+")).toBe(child && wordingOf(child));
    expect(sideOf(f.diff, "+")).not.toContain("责任单位");
    expect(f.diff).toContainEqual({ op: "-", text: "企业" });
  });

  it("classifies the changes of 002 B2.1 / 000 B2.6 and rates a weakening medium", () => {
    const f = finding(cityFindings, "B2.1");
    expect(f.changes).toEqual(["weakened", "narrowed", "local"]);
    expect(f.severity).toBe("medium");
  });

  it("classifies the changes of 002 B4.2 / 000 B4.15", () => {
    const f = finding(cityFindings, "B4.2");
    expect(f.changes).toEqual(["weakened", "strengthened", "narrowed", "widened", "local"]);
    expect(f.severity).toBe("medium");
  });

  it("rates a rewording without substantive change info (A18 / A14)", () => {
    const f = finding(cityFindings, "A18");
    expect(f.changes).toEqual([]);
    expect(f.severity).toBe("info");
    expect(f.message).toContain("仅措辞调整");
  });

  it("rates a changed number medium (002 B2.1 / 001 B2.6)", () => {
    const [f] = check(district, [link("B2.1", "B2.6")]);
    expect(f?.changes).toContain("quantity");
    expect(f?.changes).not.toContain("weakened");
    expect(f?.severity).toBe("medium");
    expect(f?.message).toContain("数量变化（每年10个左右 → 每年至少完成一个）");
  });

  it("rates dropped clauses alone low (002 B3.1 / 001 B3.10)", () => {
    const [f] = check(district, [link("B3.1", "B3.10")]);
    expect(f?.changes).toEqual(["narrowed"]);
    expect(f?.severity).toBe("low");
  });

  it("writes the message in Chinese by default, naming each change", () => {
    expect(finding(cityFindings, "B2.1").message).toBe(
      "任务 B2.1「建立科学谋划体系」在实施方案中被改写（B2.6「加强科学谋划能力建设」）：" +
        "承诺弱化（建立 → 加强：「加强科学谋划能力建设」）、范围收窄（删去「全面对标国际一流和国内先进」等4处）、增加本地内容（嘉兴）",
    );
    const message = finding(cityFindings, "B4.2").message;
    expect(message).toContain(
      "承诺强化（推进 → 全面推行：「全面推行“无差别全科受理”和“一网通办”」）",
    );
    expect(message).toContain("范围扩展（新增「深化“最多跑一次”改革」等2处）");
    expect(message).toContain("增加本地内容（南湖区）");
  });

  it("writes the message in English with lang en", () => {
    const [f] = check(city, [link("B2.1", "B2.6")], "en");
    expect(f?.message).toBe(
      "Task B2.1 “建立科学谋划体系” is reworded in the child as B2.6 “加强科学谋划能力建设”: " +
        "weaker commitment (建立 → 加强 in “加强科学谋划能力建设”); narrower scope (drops “全面对标国际一流和国内先进” and 3 more); " +
        "local specifics (嘉兴)",
    );
    const [row] = check(city, [link("A18", "A14")], "en");
    expect(row?.message).toContain("wording only");
  });

  it("finds nothing to report in a link that is not reworded", () => {
    expect(check(city, [link("B3.2", "B3.10", "equivalent")])).toEqual([]);
  });

  it("names the clause of each commitment change: B4.2 is weakened in one clause, strengthened in another", () => {
    const message = finding(cityFindings, "B4.2").message;
    expect(message).toContain("承诺弱化（全面推行 → 推行：「推行“双随机、一公开”监管」）");
    expect(message).toContain(
      "承诺强化（推进 → 全面推行：「全面推行“无差别全科受理”和“一网通办”」）",
    );
  });

  it("reads a dropped 试点/出台 clause as narrowed, never wording only (B7.3 → B7.28)", () => {
    const [f] = check(city, [link("B7.3", "B7.28")]);
    expect(f?.changes).toContain("narrowed");
    expect(f?.severity).toBe("low");
    expect(f?.message).toContain("范围收窄（删去「开展公共数据管理试点」等2处）");
    expect(f?.message).not.toContain("仅措辞调整");
  });

  it("reports a link read as equivalent when its wording drops a pilot (B5.4 → B5.21 创新试点 → 创新)", () => {
    const [f] = check(city, [link("B5.4", "B5.21", "equivalent")]);
    expect(f).toMatchObject({ kind: "reworded", severity: "low", changes: ["narrowed"] });
    expect(f?.message).toContain("删去「开展行政复议工作机制创新试点」");
  });

  it("does not report a dropped 建立 twice when the clause's commitment already weakened (A28 建立 → 开展)", () => {
    const [f] = check(city, [link("A28", "A21")]);
    expect(f?.changes).toEqual(["weakened"]);
  });
});
