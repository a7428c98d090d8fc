/**
 * A .docx whose outline is numbered by Word's list format (一、 （一） 1. not typed): the numbers
 * are put back from numbering.xml (src/ingest/readers/docx-numbering.ts). The documents are written
 * here with the `docx` library, as Word writes them: a list definition with Chinese-counting and
 * decimal levels, paragraphs pointing at it.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Document, LevelFormat, Packer, Paragraph } from "docx";
import { describe, expect, it } from "vitest";
import { chineseNumeral } from "../../src/ingest/readers/docx-numbering.js";
import { parseDocument } from "../../src/pipeline.js";

const LEVELS = [
  { level: 0, format: LevelFormat.CHINESE_COUNTING, text: "%1、" },
  { level: 1, format: LevelFormat.CHINESE_COUNTING, text: "（%2）" },
  { level: 2, format: LevelFormat.DECIMAL, text: "%3." },
];

type Item = [level: number | null, text: string];

async function wordFile(items: Item[], numbered = true): Promise<string> {
  const doc = new Document({
    numbering: { config: [{ reference: "plan", levels: LEVELS }] },
    sections: [
      {
        children: items.map(([level, text]) =>
          level === null || !numbered
            ? new Paragraph({ text })
            : new Paragraph({ text, numbering: { reference: "plan", level } }),
        ),
      },
    ],
  });
  const file = join(mkdtempSync(join(tmpdir(), "plandiff-docx-")), "plan.docx");
  writeFileSync(file, await Packer.toBuffer(doc));
  return file;
}

const PLAN: Item[] = [
  [null, "某某市推进数字政府建设实施方案"],
  [null, "为推进数字政府建设，制定本方案。"],
  [0, "总体要求"],
  [null, "到2025年，基本建成数字政府。"],
  [0, "重点任务"],
  [1, "夯实数字基础设施"],
  [2, "建设政务云平台。统一建设市级政务云，2024年底前完成迁移。"],
  [2, "完善电子政务网络。推进政务外网向乡镇延伸。"],
  [1, "提升政务服务水平"],
  [2, "推进一网通办。2024年6月底前实现高频事项全程网办。"],
  [0, "保障措施"],
  [1, "加强组织领导。成立工作专班。"],
  [1, "强化资金保障。统筹安排资金。"],
];

describe("a Word file numbered by its list format", () => {
  it("reads the outline Word prints: 一、 （一） 1.", async () => {
    const doc = await parseDocument(await wordFile(PLAN));
    const body = doc.tasks.filter((t) => t.source === "body");
    expect(body.map((t) => [t.id, t.title])).toEqual([
      ["B1.1", "建设政务云平台"],
      ["B1.2", "完善电子政务网络"],
      ["B2.1", "推进一网通办"],
    ]);
    expect(body[0]?.sectionTitle).toBe("夯实数字基础设施");
    expect(body[0]?.deadline.due).toBe("2024-12-31");
    expect(doc.tasks.filter((t) => t.source === "safeguards").map((t) => t.title)).toEqual([
      "加强组织领导",
      "强化资金保障",
    ]);
  });

  it("gives the tasks the same plan gives with its numbers typed", async () => {
    const counters = [0, 0, 0];
    const typed = PLAN.map(([level, text]): Item => {
      if (level === null) return [null, text];
      counters[level] = (counters[level] ?? 0) + 1;
      for (let k = level + 1; k < counters.length; k++) counters[k] = 0;
      const n = counters[level] as number;
      const label = [`${chineseNumeral(n)}、`, `（${chineseNumeral(n)}）`, `${n}.`][level];
      return [null, `${label}${text}`];
    });
    const tasks = async (items: Item[], numbered: boolean) =>
      (await parseDocument(await wordFile(items, numbered))).tasks.map((t) => [t.id, t.title]);
    expect(await tasks(typed, false)).toEqual(await tasks(PLAN, true));
  });
});

describe("Chinese numerals as Word prints them", () => {
  it.each([
    [1, "一"],
    [10, "十"],
    [12, "十二"],
    [20, "二十"],
    [21, "二十一"],
    [105, "一百零五"],
    [110, "一百一十"],
  ])("%i → %s", (n, text) => {
    expect(chineseNumeral(n)).toBe(text);
  });
});
