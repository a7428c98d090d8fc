/**
 * Plans whose line structure was lost on the way (src/ingest/reflow.ts): the real documents run
 * together into one line, and hard-wrapped at a fixed width, must parse to the same tasks as
 * they do as published.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { normalizeText, splitBundle } from "../../src/ingest/index.js";
import { splitRunTogether, wrapWidth } from "../../src/ingest/reflow.js";
import type { PlanDocument } from "../../src/model/document.js";
import { parsePlan } from "../../src/parse/index.js";

const REAL = "data/real";
/** Delivered hard-wrapped (pdftotext at 36 characters): the subject of these repairs, not their input. */
const DELIVERED_WRAPPED = [
  "jx-2025-nongcun-jidi-sannian.txt",
  "AT-child-zhejiang-zhishichanquan-baohu-yunyong.txt",
];
const AUTHORED = "test/fixtures/authored";
const files = [
  ...readdirSync(REAL).map((f) => join(REAL, f)),
  ...readdirSync(AUTHORED).map((f) => join(AUTHORED, f)),
].filter((f) => f.endsWith(".txt") && !DELIVERED_WRAPPED.includes(f.split("/").pop() as string));
/** Tables cannot survive either change (their cells run together or are cut). */
const TABLES = [
  "gwy-2018-126-tuiguang-table.txt",
  "wj-2023-dixia-guanwang.txt",
  "gz-2024-58-tiyu-xiaofei-fengong.txt",
  "ha-2023-36-nongcun-wushui.txt",
  "ab-yn-2024-shuzi-xiangcun-gongzuo.txt",
  "AS-child-gansu-2021-lajifenlei.txt",
];
/**
 * Unpunctuated headings run into their text once the lines are gone: sub-headings of articles
 * (（三）政策咨询), task headings printed on lines of their own ((1)摸清管网家底 / 由市住房…, （一）打造
 * 区域性冷链物流枢纽 / 一是…（责任单位：…）); and a 规划 whose contents list runs into its chapters.
 */
const ONE_LINE_EXCEPTIONS = [
  ...TABLES,
  "qd-2023-ai-park-rules.txt",
  "hj-2022-lenglian-shishi.txt",
  "ah-2021-lenglian-shisiwu.txt",
  "ag-jx-2021-27-xiandaiwuliu-guihua.txt",
  // A 规划 whose tasks are 节 headings without punctuation over their paragraphs.
  "fj-2021-haiyangjingji-shisiwu-guihua.txt",
  "AR-parent-hebei-gaobiaozhun-nongtian-guihua.txt",
  // Unnumbered (headed) task paragraphs: nothing marks where one begins inside a sentence run.
  "s-mwr-2023-127-nongcun-gongshui.txt",
  "aj-miit-2023-86-lvse-jiancai.txt",
  // A 专栏 of unpunctuated figure lines runs into the part after it (…预期性三、健全…).
  "w-heb-2021-jineng-guihua.txt",
  // Each task's unit line ends without punctuation before the next number (…2025年底前1.2 推动…).
  "ae-jx-2024-71-zhongxiaoqiye-shuzihua.txt",
  // An action's heading without punctuation run onto its first task (…提升行动任务1：…).
  "AO-parent-gwyb-lenglian-tisheng.txt",
  // A heading with a comma (二、突出重点，分类实施更新改造) run onto its lead paragraph.
  "AK-jx-2024-guanwang-gengxin.txt",
  "AL-hn-2024-xianji-yiyuan.txt",
  // Closing requirements as unnumbered 一是…。二是…。 paragraphs: nothing marks where one begins.
  "ah-hn-2024-xianyushangye-gongzuoyaodian.txt",
];
/**
 * A contents list cut at 25 characters loses the page numbers that mark its entries; unnumbered
 * (headed) task paragraphs run together where one's last line happens to fill the width.
 */
const WRAP_EXCEPTIONS = [
  ...TABLES,
  "ah-2021-lenglian-shisiwu.txt",
  "s-mwr-2023-127-nongcun-gongshui.txt",
  "aj-miit-2023-86-lvse-jiancai.txt",
];

const parse = (text: string, file: string): PlanDocument =>
  parsePlan(splitBundle(file, normalizeText(text))[0] as never);
const tasks = (d: PlanDocument) => d.tasks.map((t) => `${t.source} ${t.title}`);
const oneLine = (text: string) => text.replace(/\r?\n/g, "");
const hardWrap = (text: string, width: number) =>
  text
    .split("\n")
    .flatMap((line) => {
      const out: string[] = [];
      let rest = line;
      while (rest.length > width) {
        out.push(rest.slice(0, width));
        rest = rest.slice(width);
      }
      out.push(rest);
      return out;
    })
    .join("\n");
const base = (f: string) => f.split("/").pop() as string;

describe("a plan run together into one line", () => {
  it("parses to the tasks of the published text", () => {
    let checked = 0;
    for (const file of files) {
      if (ONE_LINE_EXCEPTIONS.includes(base(file))) continue;
      const text = readFileSync(file, "utf8");
      const published = parse(text, file);
      expect(tasks(parse(oneLine(text), file)), base(file)).toEqual(tasks(published));
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(15);
  });

  it("says so in a warning, which no published text gets", () => {
    const codes = (d: PlanDocument) => d.warnings.map((w) => w.code);
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      expect(codes(parse(text, file)), base(file)).not.toContain("line-breaks-restored");
      expect(codes(parse(text, file)), base(file)).not.toContain("hard-wrap-joined");
      expect(codes(parse(text, file)), base(file)).not.toContain("markdown-removed");
    }
    const nongji = readFileSync(join(REAL, "gwy-2018-42-nongji.txt"), "utf8");
    expect(codes(parse(oneLine(nongji), "nongji"))).toContain("line-breaks-restored");
    expect(codes(parse(hardWrap(nongji, 38), "nongji"))).toContain("hard-wrap-joined");
  });

  it("keeps the notice's title, 文号 and date", () => {
    for (const name of [
      "gwy-2018-117-jili.txt",
      "gwy-2018-39-jiuye.txt",
      "gwy-2018-42-nongji.txt",
      "gwy-2019-3-zongbao.txt",
    ]) {
      const text = readFileSync(join(REAL, name), "utf8");
      const published = parse(text, name);
      const flat = parse(oneLine(text), name);
      expect(published.docNumber, name).not.toBeNull();
      expect([flat.title, flat.docNumber, flat.date, flat.level], name).toEqual([
        published.title,
        published.docNumber,
        published.date,
        published.level,
      ]);
    }
  });

  it("leaves documents that kept their line breaks as they are", () => {
    for (const file of [...files, ...readdirSync("data").map((f) => join("data", f))]) {
      if (!file.endsWith(".txt")) continue;
      const lines = readFileSync(file, "utf8").split("\n");
      expect(
        splitRunTogether(lines).map((l) => l.text),
        base(file),
      ).toEqual(lines);
    }
  });

  it("does not split a list inside a sentence, only units that begin sentences", () => {
    const list = `主要包括：（1）建设数据中心；（2）完善网络，提升能力。`;
    const pieces = splitRunTogether([
      `${"为加快发展，制定本方案。".repeat(40)}一、总体要求（一）指导思想。坚持创新。${list}（二）基本原则。坚持统筹，比上年增长1.5倍。`,
    ]).map((p) => p.text);
    expect(pieces.some((p) => p.startsWith("一、总体要求"))).toBe(true);
    // The list's items stay in their sentence, after a colon and between semicolons.
    expect(pieces).toContain(`（一）指导思想。坚持创新。${list}`);
    expect(pieces.some((p) => p.startsWith("（二）基本原则。坚持统筹，比上年增长1.5倍"))).toBe(
      true,
    );
  });
});

describe("a hard-wrapped plan", () => {
  it("parses to the tasks of the published text at any width", () => {
    let checked = 0;
    for (const file of files) {
      if (WRAP_EXCEPTIONS.includes(base(file))) continue;
      const text = readFileSync(file, "utf8");
      const published = tasks(parse(text, file));
      for (const width of [25, 38, 60]) {
        expect(tasks(parse(hardWrap(text, width), file)), `${base(file)} at ${width}`).toEqual(
          published,
        );
      }
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(16);
  });

  it("is told from text with natural lines by the lengths of its lines", () => {
    for (const file of files) {
      const lines = readFileSync(file, "utf8").split("\n");
      expect(wrapWidth(lines.map((l) => l.trimEnd().length)), base(file)).toBeNull();
      expect(
        wrapWidth(
          hardWrap(lines.join("\n"), 38)
            .split("\n")
            .map((l) => l.length),
        ),
      ).toBe(38);
    }
  });
});

describe("task headings printed on lines of their own", () => {
  // A web page or a Word file with bold headings: "（一）推动工业数据全面采集" alone on its line
  // (no 。), the paragraph on the next. Headings of similar lengths are not a hard wrap.
  const HEADING = /^(\s*)((?:（[一二三四五六七八九十]+）|\d+[.．、]|（\d+）))([^。]{2,30})。/gm;
  const headingsAlone = (text: string) => text.replace(HEADING, "$1$2$3\n");
  const bare = (d: PlanDocument) => tasks(d).map((t) => t.replace(/。$/, ""));

  it("gives the published tasks, each heading its own title", () => {
    let checked = 0;
    for (const file of files) {
      if (TABLES.includes(base(file))) continue;
      const text = readFileSync(file, "utf8");
      const moved = headingsAlone(text);
      if (moved === text) continue;
      const parsed = parse(moved, file);
      expect(bare(parsed), base(file)).toEqual(bare(parse(text, file)));
      expect(
        parsed.warnings.map((w) => w.code),
        base(file),
      ).not.toContain("hard-wrap-joined");
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(15);
  });
});
