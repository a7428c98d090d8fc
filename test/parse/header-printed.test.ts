import { describe, expect, it } from "vitest";
import { normalizeText, splitBundle } from "../../src/ingest/index.js";
import type { DocumentSource } from "../../src/model/source.js";
import { printedOn, readHeader } from "../../src/parse/header.js";
import { parseDocument } from "../../src/pipeline.js";

const header = (text: string) =>
  readHeader((splitBundle("input.txt", normalizeText(text))[0] as DocumentSource).lines);

describe("the printed line of the closing block", () => {
  it("reads the date alone or after the printing office", () => {
    expect(printedOn("2018年5月10日印发")).toEqual({ organ: null, date: "2018-05-10" });
    expect(printedOn("山东省人民政府办公厅2020年12月10日印发")).toEqual({
      organ: "山东省人民政府办公厅",
      date: "2020-12-10",
    });
    expect(printedOn("各单位要于2020年12月10日印发")).toBeNull();
    expect(printedOn("山东省人民政府办公厅2020年12月10日")).toBeNull();
  });

  it("gives printedDate and its line, and ends the content there", () => {
    const h = header(
      "一、主要任务\n（一）加强领导。推进工作。\n某某市人民政府办公室 2021年3月5日印发\n",
    );
    expect(h.printedDate).toBe("2021-03-05");
    expect(h.lineOf.printedDate).toBe(3);
    expect(h.contentEnd).toBe(2);
    expect(h.date).toBeNull();
  });

  it("keeps the real printed-by line out of the last section", async () => {
    const doc = await parseDocument("data/real/qd-2020-56-ai-xiandaoqu.txt");
    expect(doc.printedDate).toBe("2020-09-22");
    expect(doc.tasks.map((t) => t.text).join("\n")).not.toContain("印发");
    expect(doc.issuer).toBeNull();
  });

  it("records the lines of the cover's fields", () => {
    const h = header(
      "某某市人民政府关于印发某某方案的通知\n某政发〔2021〕1号\n各区政府：\n现印发给你们。\n某某市人民政府\n2021年3月1日\n一、主要任务\n",
    );
    expect(h.lineOf).toEqual({ title: 1, issuer: 5, date: 6, printedDate: null });
  });
});
