import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { proposeParents } from "../../src/discover/resolve.js";
import type { PlanDocument } from "../../src/model/document.js";
import { lettersOf, passagesAt, winnow } from "../../src/text/fingerprints.js";
import { docNumberParts, titleCore } from "../../src/text/titles.js";
import { SEEDS, seedDocuments } from "../helpers/seeds.js";

describe("cited titles and 文号, normalised", () => {
  it("reduces a notice to the plan it issues, and spellings of one title to one core", () => {
    expect(titleCore("青岛市人民政府办公厅关于印发青岛市人工智能产业园发展若干政策的通知")).toBe(
      "青岛市人工智能产业园发展若干政策",
    );
    expect(titleCore("《政府“两强三提高”建设行动计划(2018—2022年)》")).toBe(
      titleCore("政府「两强三提高」建设行动计划（2018-2022年）"),
    );
    expect(titleCore("国务院关于促进综合保税区高水平开放高质量发展的若干意见")).toBe(
      titleCore("《关于促进综合保税区高水平开放高质量发展的若干意见》"),
    );
  });

  it("reads a 文号 as issuer code, year and number, whatever its brackets and zeros", () => {
    expect(docNumberParts("鲁工信技〔2121〕01号")).toEqual({
      code: "鲁工信技",
      year: 2121,
      number: 1,
    });
    expect(docNumberParts("鲁工信技[2020]1号")).toEqual({
      code: "鲁工信技",
      year: 2020,
      number: 1,
    });
    expect(docNumberParts("青政办字（2023）13号")).toEqual({
      code: "青政办字",
      year: 2023,
      number: 13,
    });
    expect(docNumberParts("第13号")).toBeNull();
  });

  it("finds a passage two texts share through winnowed fingerprints", () => {
    const shared = "推动工业数据全面采集支持重点企业研制工业数控系统";
    const a = lettersOf(`一、总体要求。${shared}。其他内容甲乙丙丁。`);
    const b = lettersOf(`完全不同的开头文字。${shared}，以及别的。`);
    const fa = winnow(a, 10, 6);
    const fb = new Set(winnow(b, 10, 6).hashes);
    const at = fa.positions.filter((_, k) => fb.has(fa.hashes[k] as number));
    const passages = passagesAt(at, 10, 6).map(([s, e]) => a.slice(s, e));
    expect(passages).toHaveLength(1);
    expect(shared).toContain(passages[0]);
    expect((passages[0] as string).length).toBeGreaterThanOrEqual(15);
  });
});

const [province] = await seedDocuments(SEEDS.province);
const [city] = await seedDocuments(SEEDS.city);
if (!province || !city) throw new Error("seeds did not parse");
const provinceText = readFileSync(SEEDS.province, "utf8");
const cityText = readFileSync(SEEDS.city, "utf8");
/** The province plan as a crawl keeps it: no cover title. */
const coverless: PlanDocument = { ...province, title: null, planTitle: null };
const citing = (docNumber: string, title: string): PlanDocument => ({
  ...city,
  references: [{ docNumber, title, line: 1 }],
});

function propose(child: PlanDocument) {
  return proposeParents(
    [
      { id: "province", document: coverless, text: provinceText },
      { id: "city", document: child, text: cityText },
    ],
    {},
    { lang: "en" },
  ).get("city");
}

describe("tolerant citations", () => {
  it("accepts a 文号 whose year is damaged when code, number and title agree", () => {
    const p = propose(citing("浙政发〔2118〕16号", "政府“两强三提高”建设行动计划（2018-2022年）"));
    expect(p?.parent).toBe("province");
    expect(p?.method).toBe("cited");
    expect(p?.evidence[0]).toContain("the year differs");
  });

  it("fits a cited title to the opening of a document without a cover", () => {
    const p = propose(citing("", "政府“两强三提高”建设行动计划（2018-2022年）"));
    expect(p?.method).toBe("cited");
    expect(p?.evidence[0]).toMatch(/fits the title and opening of province/);
  });

  it("does not take a damaged 文号 alone when the title names something else", () => {
    const p = propose(citing("浙政发〔2118〕16号", "某某市农村人居环境整治三年行动方案"));
    expect(p?.method).not.toBe("cited");
  });
});
