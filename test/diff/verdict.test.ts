import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { compareDocuments } from "../../src/compare.js";
import { rateUnderVerdict, sharedText } from "../../src/diff/verdict.js";
import type { PlanDocument } from "../../src/model/document.js";
import { parseDocument } from "../../src/pipeline.js";
import { runCli } from "../helpers/run-cli.js";
import { SEEDS } from "../helpers/seeds.js";

const REAL = (name: string) => join("data", "real", name);

describe("pair verdict: whether the two documents are a parent and its child", () => {
  const docs: Record<string, PlanDocument> = {};
  beforeAll(async () => {
    const files = {
      province: SEEDS.province,
      city: SEEDS.city,
      workPoints: SEEDS.workPoints,
      nongji: REAL("gwy-2018-42-nongji.txt"),
      jiqing: REAL("sd-2020-jiqing-ai-xiandaoqu.txt"),
      qingdao: REAL("qd-2020-56-ai-xiandaoqu.txt"),
      miit: REAL("miit-2020-67-gongye-dashuju.txt"),
      shandong: REAL("sd-2020-gongye-dashuju.txt"),
      shuzi2019: REAL("sd-2019-shuzi-shandong-2019.txt"),
      shuzi2021: REAL("sd-2021-shuzi-shandong-2021.txt"),
      laonianren: REAL("gwy-2020-45-laonianren-zhineng.txt"),
      policies: REAL("qd-2023-13-ai-park-policies.txt"),
      // A loose city child in its own words (test/fixtures/authored): it cites 《数字山东2019行动方案》.
      yantai: join("test", "fixtures", "authored", "authored-shuzi-city-2019.txt"),
    };
    for (const [key, file] of Object.entries(files)) docs[key] = await parseDocument(file);
  }, 60_000);
  const verdict = (parent: string, child: string) =>
    compareDocuments(docs[parent] as PlanDocument, docs[child] as PlanDocument).summary.pair;

  it("accepts the seed pair, which cites its parent and repeats much of it", () => {
    const pair = verdict("province", "city");
    expect(pair.verdict).toBe("ok");
    expect(pair.evidence.childCitesParent).toBe(true);
    expect(pair.evidence.levels).toBe("higher");
    expect(pair.evidence.dates).toBe("earlier");
  });

  it("takes a cited title that fits a cover-less parent's opening for a citation", () => {
    // 数字山东2019行动方案 has no cover; its opening says 加快推进数字山东建设，制定本行动方案.
    const pair = verdict("shuzi2019", "yantai");
    expect(pair.evidence.childCitesParent).toBe(true);
    // One reason says both: the citation, and how little it carries.
    expect(pair.reasons[0]).toBe(
      "下级文件所引标题与上级文件的开头相符（上级文件无标题），但承接的内容很少",
    );
    expect(pair.reasons.filter((r) => r.includes("相符"))).toHaveLength(1);
    // It shares little text word for word: a citation carrying little is weak, not unrelated.
    expect(pair.evidence.sharedText).toBeLessThan(0.05);
    expect(pair.verdict).toBe("weak");
    // Another edition, titled 数字山东2021行动方案, is not the one cited; nor is an unrelated
    // cover-less plan whose opening the title does not fit.
    expect(verdict("shuzi2021", "yantai").evidence.childCitesParent).toBe(false);
    expect(verdict("laonianren", "yantai").evidence.childCitesParent).toBe(false);
    expect(verdict("laonianren", "yantai").verdict).toBe("unrelated");
    // The Qingdao policies cite 《青岛市人工智能创新应用先导区建设实施方案》: the cover-less Qingdao
    // plan, whose opening it fits; the province plan's opening fits it too, but a title opening
    // with 青岛市 names a city's plan, not a province's.
    expect(verdict("qingdao", "policies").evidence.childCitesParent).toBe(true);
    expect(verdict("jiqing", "policies").evidence.childCitesParent).toBe(false);
  });

  it("calls the swapped seed pair reversed: the “parent” cites the “child”", () => {
    const pair = verdict("city", "province");
    expect(pair.verdict).toBe("reversed");
    expect(pair.evidence.parentCitesChild).toBe(true);
    expect(pair.reasons[0]).toContain("引用");
  });

  it("calls plans on other subjects unrelated (rule-of-law work points, agricultural machinery)", () => {
    for (const child of ["workPoints", "nongji"]) {
      const pair = verdict("province", child);
      expect(pair.verdict, child).toBe("unrelated");
      expect(pair.evidence.sharedText, child).toBeLessThan(0.05);
    }
  });

  it("accepts the real pairs, neither of which cites its parent in a form that can be matched", () => {
    expect(verdict("jiqing", "qingdao").verdict).toBe("ok");
    expect(verdict("miit", "shandong").verdict).toBe("ok");
  });

  it("does not call a pair weak for a citation it cannot check (a 文号 the crawled parent lacks)", () => {
    const parent = { ...(docs.province as PlanDocument), docNumber: null };
    const city = docs.city as PlanDocument;
    const child = { ...city, references: city.references.map((r) => ({ ...r, title: null })) };
    const pair = compareDocuments(parent, child).summary.pair;
    expect(pair.evidence.childCitesParent).toBe(false);
    expect(pair.verdict).toBe("ok");
    // The same citation against a parent that has a 文号 which differs: another document is cited.
    const other = { ...parent, docNumber: "浙政发〔2018〕99号" };
    expect(compareDocuments(other, child).summary.pair.verdict).toBe("weak");
  });

  it("orders a real pair by level and date when no citation says it: the ministry is not the child", () => {
    const pair = verdict("shandong", "miit");
    expect(pair.verdict).toBe("reversed");
    expect(pair.evidence.levels).toBe("lower");
    expect(pair.reasons.join("")).toMatch(/晚于|低于/);
  });

  it("orders nothing by a level or date read with low confidence", () => {
    const low = { from: "self-reference", line: null, confidence: "low" } as const;
    const miit = docs.miit as PlanDocument;
    const guessed = { ...miit, found: { ...miit.found, level: low, date: low } };
    const pair = compareDocuments(docs.shandong as PlanDocument, guessed).summary.pair;
    expect(pair.evidence.levels).toBe("unknown");
    expect(pair.evidence.dates).toBe("unknown");
    expect(pair.verdict).toBe("ok");
  });

  it("rates no missing finding above info when the pair is unrelated, and says why", () => {
    const result = compareDocuments(docs.province as PlanDocument, docs.workPoints as PlanDocument);
    const missing = result.findings.filter((f) => f.kind === "missing");
    expect(missing.length).toBeGreaterThan(0);
    for (const f of missing) {
      expect(f.severity).toBe("info");
      expect(f.message).toContain("互不相关");
    }
  });

  it("keeps the severity of the gaps of a child that cites its parent, however little it repeats", () => {
    const result = compareDocuments(docs.province as PlanDocument, docs.city as PlanDocument);
    const high = result.findings.filter((f) => f.kind === "missing" && f.severity === "high");
    expect(high.length).toBeGreaterThan(0);
    const pair = result.summary.pair;
    const weak = (childCitesParent: boolean) => ({
      ...pair,
      verdict: "weak" as const,
      evidence: { ...pair.evidence, childCitesParent },
    });
    // Cites this parent, carries little (a child in its own words): still this parent's child.
    const citing = rateUnderVerdict(result.findings, weak(true), "zh");
    expect(citing.filter((f) => f.kind === "missing" && f.severity === "high")).toEqual(high);
    // Shares text but cites another document (a sibling): its gaps are for information only.
    const other = rateUnderVerdict(result.findings, weak(false), "zh");
    expect(other.filter((f) => f.kind === "missing" && f.severity !== "info")).toEqual([]);
  });

  it("measures shared text symmetrically, on the smaller plan", () => {
    const a = docs.province as PlanDocument;
    const b = docs.city as PlanDocument;
    expect(sharedText(a, b)).toBe(sharedText(b, a));
    expect(sharedText(a, a)).toBe(1);
  });

  it("keeps the fidelity whatever findings the reader chose to see", () => {
    const all = compareDocuments(docs.province as PlanDocument, docs.city as PlanDocument);
    const high = compareDocuments(docs.province as PlanDocument, docs.city as PlanDocument, {
      diff: { disabled: [], minSeverity: "high", lang: "zh" },
    });
    expect(high.findings.length).toBeLessThan(all.findings.length);
    expect(high.summary.fidelity).toBe(all.summary.fidelity);
    expect(high.summary.sections).toEqual(all.summary.sections);
  });
});

describe("pair verdict in the CLI", () => {
  it("warns on stderr, shows the verdict first and fails --fail-on for a swapped pair", async () => {
    const r = await runCli([
      "compare",
      SEEDS.city,
      SEEDS.province,
      "--format",
      "md",
      "--fail-on",
      "high",
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^plandiff: ⚠ 文件关系：上下级颠倒/m);
    const firstLines = r.stdout.split("\n").slice(0, 4).join("\n");
    expect(firstLines).toContain("⚠ 文件关系：上下级颠倒");
  }, 60_000);

  it("says nothing on stderr for a true pair", async () => {
    const r = await runCli([
      "compare",
      SEEDS.province,
      SEEDS.city,
      "--format",
      "table",
      "--lang",
      "en",
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain("⚠");
    expect(r.stdout).toContain("Pair: parent and child");
  }, 60_000);
});
