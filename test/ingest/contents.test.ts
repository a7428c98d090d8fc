import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { normalizeText } from "../../src/ingest/normalize-text.js";
import type { Line } from "../../src/model/source.js";

/** A real document that starts at its body (data/real/SOURCES.md); PDF furniture is added here. */
const REAL = readFileSync("data/real/sd-2020-gongye-dashuju.txt", "utf8");

const CONTENTS = [
  "目  录",
  "一、总体目标……………………………………………… 1",
  "二、重点任务………………………………………… 2",
  "（一）加快数字基础设施建设 ............ 2",
  "（二）推动工业大数据应用 . . . . . . . . 5",
  "三、保障措施……………………………………… 11",
  "",
];

/** The lines without their numbers in the file (inserting lines moves those). */
const content = (lines: Line[]) => lines.map(({ text, norm, cell }) => ({ text, norm, cell }));

/** The real text with a contents after its first line and page numbers between its paragraphs. */
function withPdfFurniture(text: string): string {
  const paragraphs = text.split("\n");
  const pages = ["- 3 -", "— 4 —", "第5页", "6/12", "7", "  8  ", "第 9 页 共 12 页"];
  const out = [paragraphs[0] as string, ...CONTENTS];
  // A page break inside a long paragraph, with blank lines around the number (定准\n\n- 10 -\n\n确).
  const broken = paragraphs.findIndex((p, i) => i > 12 && p.length > 100) - 1;
  paragraphs.slice(1).forEach((p, i) => {
    if (i === broken) {
      const half = Math.floor(p.length / 2);
      out.push(p.slice(0, half), "", "- 10 -", "", p.slice(half));
      return;
    }
    out.push(p);
    if (i % 4 === 3 && i < 40) out.push("", pages[(i - 3) / 4] as string, "");
  });
  return out.join("\n");
}

describe("a table of contents and page numbers of PDF text are dropped", () => {
  it("gives the real document's lines, apart from the removed ones", () => {
    const damaged = withPdfFurniture(REAL);
    expect(damaged).toContain("……… 1");
    expect(damaged).toContain("\n7\n");
    expect(damaged).toContain("\n\n- 10 -\n\n");
    expect(content(normalizeText(damaged))).toEqual(content(normalizeText(REAL)));
  });

  it("keeps the first line and the body's own line numbers", () => {
    const lines = normalizeText(withPdfFurniture(REAL));
    expect(lines[0]?.line).toBe(1);
    expect(lines[1]?.text).toBe("一、总体目标");
    expect(lines[1]?.line).toBe(CONTENTS.length + 2);
  });

  it("drops a contents of at least three headings ending in a page number after 目录", () => {
    const text =
      "目录\n一、总体要求 1\n二、主要任务 3\n三、保障措施 9\n一、总体要求\n坚持稳中求进。\n";
    expect(normalizeText(text).map((l) => l.text)).toEqual(["一、总体要求", "坚持稳中求进。"]);
  });

  it("keeps headings and tasks that end in a number of their own", () => {
    const text = "目录\n（三）到2025年\n1.建设10个\n2.培育20家\n坚持稳中求进。\n";
    expect(normalizeText(text).map((l) => l.text)).toEqual([
      "目录",
      "（三）到2025年",
      "1.建设10个",
      "2.培育20家",
      "坚持稳中求进。",
    ]);
    const body = "一、主要任务\n（三）到2025年\n坚持稳中求进，推动高质量发展。\n1.建设10个\n";
    expect(normalizeText(body).map((l) => l.text)).toEqual([
      "一、主要任务",
      "（三）到2025年",
      "坚持稳中求进，推动高质量发展。",
      "1.建设10个",
    ]);
  });

  it("keeps two short lines after 目录 that only look like entries", () => {
    const text = "目录\n一、总体要求 1\n二、主要任务 3\n坚持稳中求进，推动高质量发展。\n";
    expect(normalizeText(text)).toHaveLength(4);
  });

  it("keeps the row numbers of a table laid out one cell per line", () => {
    const text =
      "序号\n重点任务\n责任单位\n1\n推进政务服务一网通办，实现全覆盖\n市大数据局\n2\n加强数据共享，打通部门壁垒\n市大数据局\n";
    expect(normalizeText(text).map((l) => l.text)).toContain("2");
    const bare = "重点任务\n1\n推进政务服务一网通办\n市大数据局\n2\n加强数据共享\n";
    expect(normalizeText(bare).map((l) => l.text)).toContain("2");
  });
});
