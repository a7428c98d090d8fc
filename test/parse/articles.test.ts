import { describe, expect, it } from "vitest";
import { normalizeText, readSource, splitBundle } from "../../src/ingest/index.js";
import type { Line } from "../../src/model/source.js";
import { articleCount, articleTasks } from "../../src/parse/articles.js";
import { readHeader } from "../../src/parse/header.js";
import { SEEDS } from "../helpers/seeds.js";

/** The content lines of each document of a file, as the pipeline reads them. */
async function contentOf(file: string): Promise<Line[][]> {
  const source = await readSource(file);
  return splitBundle(file, normalizeText(source.text)).map((doc) =>
    doc.lines.slice(0, readHeader(doc.lines).contentEnd),
  );
}

const RULES = "data/real/qd-2023-ai-park-rules.txt";

describe("articleTasks on a 实施细则 in chapters and articles", async () => {
  const [content] = await contentOf(RULES);
  const { tasks, outline } = articleTasks(content as Line[], 2023);
  const articles = outline.filter((e) => e.style === "article");
  const chapters = outline.filter((e) => e.style === "chapter");

  it("finds the 28 articles 第一条–第二十八条 in six chapters, in document order", () => {
    expect(articles).toHaveLength(28);
    expect(articles[0]?.label).toBe("一");
    expect(articles[27]?.label).toBe("二十八");
    expect(chapters.map((c) => c.title)).toEqual([
      "总则",
      "申报事项",
      "申报程序",
      "职责分工",
      "监督检查",
      "附则",
    ]);
    expect(outline.map((e) => e.line)).toEqual(
      [...outline.map((e) => e.line)].sort((a, b) => a - b),
    );
  });

  it("makes a task of every article outside 总则 and 附则: 第六条–第二十五条", () => {
    expect(tasks.map((t) => t.id)).toEqual(Array.from({ length: 20 }, (_, i) => `R${i + 6}`));
    const context = outline.filter((e) => e.role === "context");
    expect(context.filter((e) => e.style === "chapter").map((e) => [e.title, e.why])).toEqual([
      ["总则", "context-chapter"],
      ["附则", "context-chapter"],
    ]);
    expect(context.filter((e) => e.style === "article")).toHaveLength(8);
    for (const entry of articles.filter((e) => e.role === "task")) {
      expect(tasks.find((t) => t.id === entry.taskId)?.line).toBe(entry.line);
    }
  });

  it("reads an article's label, title, chapter, units and text", () => {
    const r6 = tasks.find((t) => t.id === "R6");
    expect(r6).toMatchObject({
      source: "body",
      label: "第六条",
      section: 2,
      sectionTitle: "申报事项",
      // The normaliser drops the full-width space of 第二章　申报事项.
      path: ["第二章申报事项"],
      line: 23,
      appendixRefs: [],
      bodyRefs: [],
    });
    expect(r6?.title).toBe(
      "在园区内指定的人工智能孵化空间新设立的企业，经考核通过且租赁场地面积在300平方米以内的，按照每个正式员工（以缴纳社保人数为准）不超过10平方米的标准，给予三年100%房租补贴，单个企业累计补贴金额不超过100万元，补贴期间不得转租",
    );
    expect(r6?.units.lead).toEqual(["崂山区政府"]);
    // Its sub-items (一) 申报条件 … (三) 政策咨询 belong to it, up to 第七条.
    expect(r6?.text.startsWith("在园区内指定")).toBe(true);
    expect(r6?.text).toContain("（三）政策咨询");
    expect(r6?.text).not.toContain("第七条");
    expect(tasks.find((t) => t.id === "R24")).toMatchObject({
      section: 5,
      sectionTitle: "监督检查",
      path: ["第五章监督检查"],
    });
  });

  it("gives each outline entry its role and reason", () => {
    expect(outline.find((e) => e.style === "chapter" && e.label === "二")).toMatchObject({
      depth: 1,
      role: "group",
      taskId: null,
      inferred: false,
    });
    expect(outline.find((e) => e.taskId === "R6")).toMatchObject({
      depth: 2,
      label: "六",
      role: "task",
      why: "article",
    });
  });

  it("does not start an article at a cross reference to 第六条至第十六条", () => {
    const reference = (content as Line[]).find((l) => l.norm.includes("第六条至第十六条"));
    expect(reference).toBeDefined();
    expect(articles.some((e) => e.line === reference?.line)).toBe(false);
    expect(tasks.some((t) => t.text.includes("第六条至第十六条"))).toBe(false);
  });

  it("skips a 第N条 at the start of a line that does not number past the previous article", () => {
    // The cross reference of the real document, moved to the start of its line.
    const lines = (content as Line[]).map((l) =>
      l.norm.includes("第六条至第十六条")
        ? {
            ...l,
            text: l.text.replace(/^.*?第六条/, "第六条"),
            norm: l.norm.replace(/^.*?第六条/, "第六条"),
          }
        : l,
    );
    const again = articleTasks(lines, 2023);
    expect(again.outline.filter((e) => e.style === "article")).toHaveLength(28);
    expect(articleCount(lines)).toBe(28);
    expect(again.tasks.map((t) => t.id)).toEqual(tasks.map((t) => t.id));
  });

  it("reads a table of contents listing the chapters before the first article as no chapters", () => {
    // The document's own chapter headings, listed once more in front of it as a 目录.
    const toc = (content as Line[]).filter((l) => /^第[一二三四五六七八九十]+章/.test(l.norm));
    const again = articleTasks([...toc, ...(content as Line[])], 2023);
    expect(again.outline.filter((e) => e.style === "chapter")).toHaveLength(6);
    expect(again.tasks).toEqual(tasks);
  });
});

describe("articleTasks on a plan without articles", () => {
  it("finds nothing in the province plan", async () => {
    const [content] = await contentOf(SEEDS.province);
    expect((content as Line[]).some((l) => /^第[一二三四五六七八九十百零\d]+条/.test(l.norm))).toBe(
      false,
    );
    expect(articleTasks(content as Line[], 2018)).toEqual({ tasks: [], outline: [] });
    expect(articleCount(content as Line[])).toBe(0);
  });
});
