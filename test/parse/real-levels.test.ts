import { describe, expect, it } from "vitest";
import { normalizeText, readSource, splitBundle } from "../../src/ingest/index.js";
import type { PlanDocument } from "../../src/model/document.js";
import type { DocumentSource } from "../../src/model/source.js";
import { readHeader } from "../../src/parse/header.js";
import { levelOf } from "../../src/parse/level.js";
import { inferLevel } from "../../src/parse/level-evidence.js";
import { parsePlan } from "../../src/parse/parse-plan.js";
import { parseDocument } from "../../src/pipeline.js";
import { SEEDS } from "../helpers/seeds.js";

/**
 * The administrative level of the fourteen real documents in data/real/ (most have no cover: they
 * start at the addressee or the body). Levels checked by reading each text and data/real/SOURCES.md.
 */
const REAL_LEVELS: [file: string, level: string, evidence: string][] = [
  ["gwy-2018-117-jili.txt", "national", "cover title 国务院办公厅…"],
  ["gwy-2018-126-tuiguang-table.txt", "national", "cover title 国务院办公厅…"],
  ["gwy-2018-39-jiuye.txt", "national", "cover title 国务院…"],
  ["gwy-2018-42-nongji.txt", "national", "cover title 国务院…"],
  ["gwy-2019-3-zongbao.txt", "national", "cover title 国务院…"],
  ["gwy-2020-45-laonianren-zhineng.txt", "national", "self-references 全国, 我国"],
  ["miit-2020-67-gongye-dashuju.txt", "national", "addressee 各省、自治区、直辖市…; signature …部"],
  ["qd-2020-56-ai-xiandaoqu.txt", "city", "printed-by line 青岛市…局办公室"],
  ["qd-2023-13-ai-park-policies.txt", "city", "self-references 我市, 全市"],
  [
    "qd-2023-ai-park-rules.txt",
    "city",
    "implements a 青岛市人民政府办公厅 notice, gives tasks to a 区政府",
  ],
  ["sd-2019-shuzi-shandong-2019.txt", "province", "printed-by line; 全省, 省委, 省政府"],
  ["sd-2020-gongye-dashuju.txt", "province", "printed-by line; 全省, 我省, 省委"],
  ["sd-2020-jiqing-ai-xiandaoqu.txt", "province", "self-references 全省, 我省"],
  ["sd-2021-shuzi-shandong-2021.txt", "province", "self-references 全省, 省委, 省政府"],
];

const real = (file: string): Promise<PlanDocument> => parseDocument(`data/real/${file}`);

describe("levels of the real documents", () => {
  it.each(REAL_LEVELS)("%s is %s (%s)", async (file, level) => {
    const doc = await real(file);
    expect(doc.level).toBe(level);
    expect(doc.warnings.filter((w) => w.code.startsWith("level-"))).toEqual([]);
  });

  it("reads the ministry's issuer and date from its signature", async () => {
    const doc = await real("miit-2020-67-gongye-dashuju.txt");
    expect(doc.issuer).toBe("工业和信息化部");
    expect(doc.date).toBe("2020-04-28");
  });

  it("takes no issuer from a printed-by line (the printing office is not the issuer)", async () => {
    const doc = await real("sd-2019-shuzi-shandong-2019.txt");
    expect(doc.issuer).toBeNull();
  });
});

describe("the level of a department", () => {
  // 城乡, 市场, 城市, 社区… hold a level character that is no place (data/lexicon/levels.json).
  it.each([
    ["湖南省住房和城乡建设厅", "province"],
    ["浙江省市场监督管理局", "province"],
    ["山东省乡村振兴局", "province"],
    ["湖南省城市地下管网更新改造三年行动方案", "province"],
    ["长沙市市场监督管理局", "city"],
    ["绍兴市越城区住房和城乡建设局", "district"],
    ["杭州市西湖区转塘街道办事处", "town"],
  ])("%s is %s", (name, level) => {
    expect(levelOf(name)).toBe(level);
  });

  it("reads a 文号 printed after the joint issuers on their line", async () => {
    const doc = await parseDocument("test/fixtures/authored/g-sc-2023-52-kehou-fuwu.txt");
    expect([doc.docNumber, doc.level]).toEqual(["川教〔2023〕52号", "province"]);
    const text = (organs: string) =>
      `关于做好某项工作的实施意见\n${organs}\n各市人民政府：\n一、主要任务\n（一）加强组织领导。完善机制。\n`;
    expect(parseText(text("某某省教育厅 某某省财政厅 某教〔2023〕5号")).docNumber).toBe(
      "某教〔2023〕5号",
    );
    // A sentence ending in a cited 文号 is no issuers' line.
    expect(parseText(text("根据有关文件要求，落实某某文件某教〔2023〕5号")).docNumber).toBeNull();
  });

  it("of a held-out province department's notice (test/fixtures/authored)", async () => {
    const doc = await parseDocument("test/fixtures/authored/hn-2023-27-dixia-guanwang.txt");
    expect([doc.issuer, doc.level]).toEqual(["湖南省住房和城乡建设厅", "province"]);
  });
});

function parseText(text: string): PlanDocument {
  return parsePlan(splitBundle("input.txt", normalizeText(text))[0] as DocumentSource);
}

const BODY = "一、主要任务\n（一）加强组织领导。完善工作机制，推进各项工作。\n";

describe("level evidence on documents without a cover", () => {
  it("reads the level from the addressee", () => {
    expect(parseText(`各区、市人民政府，市政府各部门，各直属机构：\n${BODY}`).level).toBe("city");
    expect(parseText(`各市人民政府，省政府各部门，各直属机构：\n${BODY}`).level).toBe("province");
    expect(
      parseText(`各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n${BODY}`).level,
    ).toBe("national");
  });

  it("takes the highest level an addressee implies (a province also addresses counties)", () => {
    const text = `各市人民政府，各县（市、区）人民政府，省政府各部门，各直属机构：\n${BODY}`;
    expect(parseText(text).level).toBe("province");
  });

  it("reads the level from self-references when one level clearly leads", () => {
    const text = `为推动全省发展，结合我省实际，制定本方案。\n${BODY}省委省政府加强领导，全国领先。\n`;
    expect(parseText(text).level).toBe("province");
  });

  it("does not count another body as a self-reference (各市政府, 青岛市政府)", () => {
    const text = `各市政府、青岛市政府、济南市政府负责，全省推进，我省落实，省政府督查。\n${BODY}`;
    const doc = parseText(text);
    expect(doc.level).toBe("province");
  });

  it("keeps a thin count unknown and says why", () => {
    const doc = parseText(`结合我市实际，制定本方案。\n${BODY}`);
    expect(doc.level).toBe("unknown");
    expect(doc.warnings.find((w) => w.code === "level-unknown")?.message).toContain("city 1");
  });

  it("keeps conflicting evidence unknown with a warning", () => {
    const text = `各市人民政府，省政府各部门：\n为推动全市发展，我市制定本方案，全市推进。\n${BODY}`;
    const doc = parseText(text);
    expect(doc.level).toBe("unknown");
    const warning = doc.warnings.find((w) => w.code === "level-conflict");
    expect(warning?.message).toContain("the addressee says province");
    expect(warning?.message).toContain("city");
  });

  it("brackets the level between the document it implements and the governments it tasks", () => {
    const text = `第一条 根据《某某市人民政府关于某事的通知》，制定本细则。\n第二条 给予补贴。（责任单位：某某区政府）\n`;
    expect(parseText(text).level).toBe("city");
    const loose = `第一条 根据《某某省人民政府关于某事的通知》，制定本细则。\n第二条 给予补贴。（责任单位：某某区政府）\n`;
    expect(parseText(loose).level).toBe("unknown");
  });

  it("reads level, issuer and date from a signature at the end", () => {
    const doc = parseText(`${BODY}某某省工业和信息化厅\n2021年3月1日\n`);
    expect(doc.level).toBe("province");
    expect(doc.issuer).toBe("某某省工业和信息化厅");
    expect(doc.date).toBe("2021-03-01");
  });
});

describe("the evidence agrees with the cover where there is one", () => {
  const covered = [
    ...Object.values(SEEDS),
    ...REAL_LEVELS.map(([file]) => `data/real/${file}`).filter((f) => f.includes("2018")),
  ];
  it.each(covered)("%s: every document's evidence gives its header's level", async (path) => {
    const source = await readSource(path);
    for (const doc of splitBundle(path, normalizeText(source.text))) {
      const header = readHeader(doc.lines);
      const evidence = inferLevel(doc.lines, header.contentEnd);
      expect(evidence.level).toBe(levelOf(header.issuer ?? header.title));
    }
  });
});
