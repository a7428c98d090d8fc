import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { normalizeText } from "../../src/ingest/normalize-text.js";
import { parseDocument } from "../../src/pipeline.js";

const dir = mkdtempSync(join(tmpdir(), "plandiff-page-info-"));
const plain = "test/fixtures/authored/v-gwy-2023-36-puhui-tuoyu.txt";
const text = readFileSync(plain, "utf8");
const title = "国务院办公厅关于加快完善普惠托育服务体系的意见";

const header = async (path: string) => {
  const d = await parseDocument(path);
  return {
    title: d.title,
    issuer: d.issuer,
    level: d.level,
    docNumber: d.docNumber,
    date: d.date,
    tasks: d.tasks.map((t) => t.title),
  };
};

/** A government page copied as text keeps its information block above the document. */
describe("a page's information block copied with the text", () => {
  it.each([
    [
      "labels run together, a breadcrumb, the title repeated",
      plain,
      `首页 > 国务院办公厅文件 > 信息浏览\n索引号: 000014349/2023-00052 主题分类: 卫生、体育\\托育\n信息分类: 意见   发布机构: 国务院办公厅\n生成日期: 2023-10-16 文号:\n发文日期: 2023-10-16 生效时间: 2023-10-16\n名称: ${title}\n浏览次数: 590 内容概述:\n\n`,
    ],
    [
      "a label on each line, its value on the next",
      plain,
      `返回顶部\n\n${title}\n\n  • 索引号:\n\n    000014349/2023-00052\n  • 主题分类:\n\n  • 发文字号:\n\n    国办发〔2023〕36号\n  • 发布日期:\n\n    2023年10月20日 16:40\n  • 内容概述:\n\n`,
    ],
    [
      "one line of when and where",
      "test/fixtures/authored/t-wc-2023-15-feijiu-wuzi.txt",
      "发布时间：2023-06-20 16:40:09 来源：市政府办公室\n【字体：大 中 小】\n",
    ],
  ])("%s: the plan's header and tasks as without it", async (name, file, block) => {
    const path = join(dir, `${name.length}.txt`);
    writeFileSync(path, block + readFileSync(file, "utf8"));
    const expected = await header(file);
    expect(expected.docNumber).not.toBeNull();
    expect(expected.tasks.length).toBeGreaterThanOrEqual(20);
    expect(await header(path)).toEqual(expected);
  });

  it("keeps what follows an empty label when it is words (the document itself)", () => {
    const lines = normalizeText(`内容概述:\n${text}`).map((l) => l.text);
    expect(lines[0]).toBe("国务院办公厅关于加快完善");
  });

  it("keeps label-like lines of the body", () => {
    const body = `${text}\n来源：各地报送的材料\n`;
    expect(normalizeText(body).map((l) => l.text)).toContain("来源：各地报送的材料");
  });
});
