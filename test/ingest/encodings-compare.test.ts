import { describe, expect, it } from "vitest";
import { compareDocuments } from "../../src/compare.js";
import type { CompareResult } from "../../src/model/compare.js";
import { parseDocument } from "../../src/pipeline.js";
import { SEEDS } from "../helpers/seeds.js";

const province = await parseDocument(SEEDS.province);
const links = (r: CompareResult) => r.alignments.map((a) => `${a.parent} ${a.child} ${a.relation}`);
const original = compareDocuments(province, await parseDocument(SEEDS.city));

describe("the Jiaxing plan in other encodings and scripts aligns like the original", () => {
  it.each([
    ["GB18030 text", "test/fixtures/formats/000.gb18030.txt"],
    ["traditional characters", "test/fixtures/formats/000.traditional.txt"],
    ["Big5 text in traditional characters", "test/fixtures/formats/000.big5.txt"],
    ["GBK web page", "test/fixtures/formats/000.gbk.html"],
    ["Word document", "test/fixtures/formats/000.docx"],
    ["PDF", "test/fixtures/formats/000.pdf"],
    ["Word 97–2003 document", "test/fixtures/formats/000.doc"],
    ["OFD", "test/fixtures/formats/000.ofd"],
  ])("%s", async (_, path) => {
    const result = compareDocuments(province, await parseDocument(path));
    expect(links(result)).toEqual(links(original));
    expect(result.summary.body).toEqual(original.summary.body);
    expect(result.summary.appendix).toEqual(original.summary.appendix);
  });
});
