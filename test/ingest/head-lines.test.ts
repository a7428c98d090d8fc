import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/pipeline.js";

const dir = mkdtempSync(join(tmpdir(), "plandiff-head-"));

const fields = async (path: string) => {
  const d = await parseDocument(path);
  return [d.title, d.issuer, d.level, d.docNumber, d.date, d.tasks.map((t) => t.title)];
};

/**
 * A notice's head as pages and crawls print it: the 文号 glued to the title, the title in 《》,
 * both printed twice. Each shape of the head of two plans (a title on one line, a title over two)
 * reads as the cover it stands for.
 */
describe("a notice head printed the way web pages print it", () => {
  const plans = [
    // title on one line, 文号 on the next
    ["test/fixtures/authored/x-hb-2023-21-wenlv-ronghe.txt", 1],
    // title over two lines
    ["test/fixtures/authored/v-gwy-2023-36-puhui-tuoyu.txt", 2],
  ] as const;
  const shapes: [string, (title: string, number: string) => string][] = [
    [
      "文号 glued before 《title》, both repeated",
      (t, n) => `${n}《${t}》\n《${t}》\n${n}\n${n}\n`,
    ],
    ["title in 《》", (t, n) => `《${t}》\n${n}\n`],
    ["title and 文号 on one line", (t, n) => `${t} ${n}\n`],
    ["title and （文号） on one line", (t, n) => `${t}（${n}）\n`],
  ];

  it.each(
    plans.flatMap(([file, titleLines]) =>
      shapes.map(([name, head]) => [name, file, titleLines, head] as const),
    ),
  )("%s: %s", async (_name, file, titleLines, head) => {
    const original = await parseDocument(file);
    const title = original.title as string;
    const number = original.docNumber as string;
    expect(title).toMatch(/^.{10,}(?:意见|通知)$/);
    expect(number).toMatch(/〔\d{4}〕\d+号$/);
    const lines = readFileSync(file, "utf8").split("\n");
    // The cover is the title's lines and the 文号 line: replaced by the page's head.
    expect(lines[titleLines]?.trim()).toBe(number);
    const path = join(dir, `${titleLines}-${_name.length}.txt`);
    writeFileSync(path, head(title, number) + lines.slice(titleLines + 1).join("\n"));
    expect(await fields(path)).toEqual(await fields(file));
  });
});

describe("a printed plan's cover", () => {
  it("takes the title above the organ and month, not the 前言 after them", async () => {
    const doc = await parseDocument("test/fixtures/authored/ah-2021-lenglian-shisiwu.txt");
    expect(doc.title).toBe("安徽省“十四五”冷链物流发展规划（2021—2025年）");
    expect(doc.issuer).toBe("安徽省发展和改革委员会");
    expect(doc.date).toBe("2021-12-01");
  });
});

describe("a page's title bar above the document", () => {
  it("keeps the title and drops the section and site after it", async () => {
    // The page as saved: 《title》_国务院文件_中国政府网, the site's information table, the notice.
    const file = "test/fixtures/authored/ae-gwy-2024-38-zhongxiaoqiye-shuzihua.txt";
    expect(readFileSync(file, "utf8").split("\n")[0]).toMatch(/_国务院文件_中国政府网/);
    const doc = await parseDocument(file);
    expect(doc.title).toBe("国务院办公厅关于加快推进中小企业数字化转型的意见");
    expect(doc.docNumber).toBe("国办发〔2024〕38号");
    expect(doc.warnings.map((w) => w.code)).not.toContain("line-breaks-restored");
  });
});
