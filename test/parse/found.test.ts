import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { normalizeText, readSource, splitBundle } from "../../src/ingest/index.js";
import type { FieldSource, PlanDocument } from "../../src/model/document.js";
import type { DocumentSource } from "../../src/model/source.js";
import { documentYear, type Found, readFound } from "../../src/parse/found.js";
import { readHeader } from "../../src/parse/header.js";
import { levelOf } from "../../src/parse/level.js";
import { inferLevel } from "../../src/parse/level-evidence.js";
import { SEEDS } from "../helpers/seeds.js";

/** readFound as parse-plan calls it: after readHeader, and inferLevel when the cover says no level. */
function found(source: DocumentSource): Found {
  const header = readHeader(source.lines);
  const headerLevel = levelOf(header.issuer ?? header.title);
  const evidence = headerLevel === "unknown" ? inferLevel(source.lines, header.contentEnd) : null;
  return readFound(source.lines, header, evidence, headerLevel);
}

async function foundIn(path: string): Promise<Found[]> {
  const source = await readSource(path);
  return splitBundle(path, normalizeText(source.text)).map(found);
}

function foundInText(text: string): Found {
  return found(splitBundle("input.txt", normalizeText(text))[0] as DocumentSource);
}

const src = (
  from: FieldSource["from"],
  line: number | null,
  confidence: FieldSource["confidence"],
) => ({
  from,
  line,
  confidence,
});
const NONE = src("none", null, "none");

type Expected = {
  level: string;
  title: string | null;
  issuer: string | null;
  date: string | null;
  found: Record<"title" | "issuer" | "level" | "date", FieldSource>;
};

/** What each real document shows of itself (read from the texts and data/real/SOURCES.md). */
const REAL: Record<string, Expected> = {
  "gwy-2018-117-jili.txt": {
    level: "national",
    title: "国务院办公厅关于对真抓实干成效明显地方进一步加大激励支持力度的通知",
    issuer: "国务院办公厅",
    date: "2018-12-06",
    found: {
      title: src("cover", 1, "high"),
      issuer: src("signature", 40, "high"),
      level: src("signature", 40, "high"),
      date: src("signature", 41, "high"),
    },
  },
  "gwy-2018-126-tuiguang-table.txt": {
    level: "national",
    title: "国务院办公厅关于推广第二批支持创新相关改革举措的通知",
    issuer: "国务院办公厅",
    date: "2018-12-23",
    found: {
      title: src("cover", 1, "high"),
      issuer: src("signature", 19, "high"),
      level: src("signature", 19, "high"),
      date: src("signature", 20, "high"),
    },
  },
  "gwy-2018-39-jiuye.txt": {
    level: "national",
    title: "国务院关于做好当前和今后一个时期促进就业工作的若干意见",
    issuer: "国务院",
    date: "2018-11-16",
    found: {
      title: src("cover", 1, "high"),
      issuer: src("cover", 1, "high"),
      level: src("cover", 1, "high"),
      date: src("signature", 29, "high"),
    },
  },
  "gwy-2018-42-nongji.txt": {
    level: "national",
    title: "国务院关于加快推进农业机械化和农机装备产业转型升级的指导意见",
    issuer: "国务院",
    date: "2018-12-21",
    found: {
      title: src("cover", 1, "high"),
      issuer: src("cover", 1, "high"),
      level: src("cover", 1, "high"),
      date: src("signature", 38, "high"),
    },
  },
  "gwy-2019-3-zongbao.txt": {
    level: "national",
    title: "国务院关于促进综合保税区高水平开放高质量发展的若干意见",
    issuer: "国务院",
    date: "2019-01-12",
    found: {
      title: src("cover", 1, "high"),
      issuer: src("cover", 1, "high"),
      level: src("cover", 1, "high"),
      date: src("signature", 49, "high"),
    },
  },
  "gwy-2020-45-laonianren-zhineng.txt": {
    level: "national",
    title: null,
    issuer: null,
    date: null,
    found: { title: NONE, issuer: NONE, level: src("self-reference", null, "medium"), date: NONE },
  },
  "miit-2020-67-gongye-dashuju.txt": {
    level: "national",
    title: null,
    issuer: "工业和信息化部",
    date: "2020-04-28",
    found: {
      title: NONE,
      issuer: src("signature", 33, "high"),
      level: src("addressee", 1, "high"),
      date: src("signature", 34, "high"),
    },
  },
  "qd-2020-56-ai-xiandaoqu.txt": {
    level: "city",
    title: null,
    issuer: null,
    date: "2020-09-22",
    found: {
      title: NONE,
      issuer: NONE,
      level: src("printed", 39, "medium"),
      date: src("printed", 39, "low"),
    },
  },
  "qd-2023-13-ai-park-policies.txt": {
    level: "city",
    title: null,
    issuer: null,
    date: null,
    found: { title: NONE, issuer: NONE, level: src("self-reference", null, "medium"), date: NONE },
  },
  "qd-2023-ai-park-rules.txt": {
    level: "city",
    title: null,
    issuer: null,
    date: null,
    found: { title: NONE, issuer: NONE, level: src("citation", null, "low"), date: NONE },
  },
  "sd-2019-shuzi-shandong-2019.txt": {
    level: "province",
    title: null,
    issuer: null,
    date: "2019-03-15",
    found: {
      title: NONE,
      issuer: NONE,
      level: src("printed", 28, "medium"),
      date: src("printed", 28, "low"),
    },
  },
  "sd-2020-gongye-dashuju.txt": {
    level: "province",
    title: null,
    issuer: null,
    date: "2020-12-10",
    found: {
      title: NONE,
      issuer: NONE,
      level: src("printed", 34, "medium"),
      date: src("printed", 34, "low"),
    },
  },
  "sd-2020-jiqing-ai-xiandaoqu.txt": {
    level: "province",
    title: null,
    issuer: null,
    date: null,
    found: { title: NONE, issuer: NONE, level: src("self-reference", null, "medium"), date: NONE },
  },
  "sd-2021-shuzi-shandong-2021.txt": {
    level: "province",
    title: "数字山东2021行动方案",
    issuer: null,
    date: null,
    found: {
      title: src("first-line", 1, "medium"),
      issuer: NONE,
      level: src("self-reference", null, "medium"),
      date: NONE,
    },
  },
};

describe("readFound on the real documents", () => {
  it("covers every document of data/real", () => {
    const files = readFileSync("data/real/SOURCES.md", "utf8").match(/`[^`]+\.txt`/g) ?? [];
    expect(files.map((f) => f.slice(1, -1)).sort()).toEqual(Object.keys(REAL).sort());
  });

  it.each(Object.entries(REAL))("%s", async (file, expected) => {
    const [doc, ...rest] = await foundIn(`data/real/${file}`);
    expect(rest).toEqual([]);
    expect(doc).toEqual(expected);
  });

  it("never takes the cited parent's title for the document's own (为贯彻落实《…》)", async () => {
    for (const file of Object.keys(REAL)) {
      const [doc] = await foundIn(`data/real/${file}`);
      expect(doc?.title ?? "").not.toMatch(/[《》]/);
    }
  });
});

describe("readFound on the seeds: exactly today's header fields", () => {
  const seeds = Object.values(SEEDS);
  it.each(seeds)("%s", async (path) => {
    const name = path.replace(/^data\//, "").replace(/\.txt$/, ".json");
    const today = JSON.parse(
      readFileSync(`test/fixtures/seed-parse/${name}`, "utf8"),
    ) as PlanDocument[];
    const docs = await foundIn(path);
    expect(docs.map(({ title, issuer, date, level }) => ({ title, issuer, date, level }))).toEqual(
      today.map(({ title, issuer, date, level }) => ({ title, issuer, date, level })),
    );
    for (const doc of docs) {
      for (const field of Object.values(doc.found)) {
        expect(["cover", "signature"]).toContain(field.from);
        expect(field.confidence).toBe("high");
        expect(field.line).not.toBeNull();
      }
    }
  });
});

const BODY = "一、主要任务\n（一）加强组织领导。完善工作机制，推进各项工作。\n";

describe("readFound on small texts", () => {
  it("reads a first-line title broken over two lines", () => {
    const doc = foundInText(
      `某某省数字经济高质量发展\n三年行动方案\n为推动发展，制定本方案。\n${BODY}`,
    );
    expect(doc.title).toBe("某某省数字经济高质量发展三年行动方案");
    expect(doc.found.title).toEqual(src("first-line", 1, "medium"));
  });

  it("takes no first line that is a sentence, a heading or a citation", () => {
    expect(foundInText(`为贯彻落实《某某发展规划》，制定本方案。\n${BODY}`).found.title).toEqual(
      NONE,
    );
    expect(foundInText(`《某某发展规划》实施方案\n${BODY}`).title).toBeNull();
    expect(foundInText(BODY).title).toBeNull();
    expect(foundInText(`附件：某某工作方案\n${BODY}`).title).toBeNull();
  });

  it("reads a title standing right above the closing signature, with low confidence", () => {
    const doc = foundInText(`${BODY}某某市数字经济发展行动计划\n某某市人民政府\n2021年3月1日\n`);
    expect(doc.title).toBe("某某市数字经济发展行动计划");
    expect(doc.found.title).toMatchObject({ from: "signature", confidence: "low" });
    expect(doc.date).toBe("2021-03-01");
    const ministry = foundInText(
      `${BODY}某某领域数字化转型指导意见\n工业和信息化部\n2020年4月28日\n`,
    );
    expect(ministry.title).toBe("某某领域数字化转型指导意见");
  });

  it("prefers a signed date to the printed one", () => {
    const text = `${BODY}某某省工业和信息化厅\n2021年3月1日\n抄送：省委各部门。\n某某省人民政府办公厅2021年3月5日印发\n`;
    const doc = foundInText(text);
    expect(doc.date).toBe("2021-03-01");
    expect(doc.found.date.from).toBe("signature");
  });

  it("says none for every field of a bare body", () => {
    const doc = foundInText(BODY);
    expect(doc).toMatchObject({ title: null, issuer: null, date: null, level: "unknown" });
    expect(Object.values(doc.found)).toEqual([NONE, NONE, NONE, NONE]);
  });
});

describe("documentYear", () => {
  it("takes the date's year, else a plausible year of the title", () => {
    expect(documentYear("2020-12-10", "数字山东2021行动方案")).toBe(2020);
    expect(documentYear(null, "数字山东2021行动方案")).toBe(2021);
    expect(documentYear(null, "到4549年行动方案")).toBeNull();
    expect(documentYear(null, "某某行动计划(2018-2022年)实施方案")).toBe(2022);
    expect(documentYear("4549-01-01", "2021年工作要点")).toBe(2021);
    expect(documentYear(null, null)).toBeNull();
  });
});
