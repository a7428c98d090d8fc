import * as fs from "node:fs";
import { describe, expect, it } from "vitest";
import { readSource } from "../../src/ingest/index.js";
import { sniffType } from "../../src/ingest/read-source.js";
import { readCfb } from "../../src/ingest/readers/cfb.js";
import { wordText } from "../../src/ingest/readers/doc.js";
import { parseDocument } from "../../src/pipeline.js";
import { hostileFolder } from "../helpers/refusals.js";

/** The Jiaxing plan saved by LibreOffice as Word 97–2003 (scripts/make-doc-fixture.sh). */
const DOC = "test/fixtures/formats/000.doc";
const doc = new Uint8Array(fs.readFileSync(DOC));
const { put, readError } = hostileFolder("plandiff-doc-");

async function counts(file: string) {
  const parsed = await parseDocument(file);
  const n = (source: string) => parsed.tasks.filter((t) => t.source === source).length;
  return { body: n("body"), rows: n("appendix") };
}

/** The offset of the WordDocument stream: the sector that starts with the Word magic number. */
function wordDocumentOffset(bytes: Uint8Array): number {
  for (let at = 512; at + 2 <= bytes.length; at += 512) {
    if (bytes[at] === 0xec && bytes[at + 1] === 0xa5) return at;
  }
  throw new Error("no WordDocument stream");
}

describe(".doc (Word 97–2003)", () => {
  it("the fixture is a compound file with a WordDocument stream", () => {
    expect(sniffType(doc)).toBe("doc");
    expect(readCfb(doc).names).toContain("WordDocument");
  });

  it("keeps the table: one pipe row per row, curly quotes kept", async () => {
    const { text, encoding } = await readSource(DOC);
    expect(encoding).toBe("doc");
    const rows = text.split("\n").filter((l) => l.startsWith("| "));
    expect(rows[0]).toBe("| 序号 | 重点任务 | 责任（牵头）单位 | 时间要求 |");
    expect(rows).toHaveLength(32);
    expect(rows[1]).toBe(
      "| 1 | 开展“不忘初心、牢记使命”主题教育 | 各县（市、区）政府党组，市政府各部门党委（党组） | 按中央和省委、市委部署推进 |",
    );
  });

  it("tab-separated cells become pipe rows; a cell of several paragraphs stays in its row", () => {
    const body = [
      "正文\t中的制表符",
      "序号\t任务\t单位\t",
      "1\t第一段",
      "第二段\t市政府办公室\t",
      "2\t任务二\t市财政局\t",
      "",
      "表后文字",
    ].join("\r");
    expect(wordText(body).split("\n")).toEqual([
      "正文\t中的制表符",
      "| 序号 | 任务 | 单位 |",
      "| 1 | 第一段 第二段 | 市政府办公室 |",
      "| 2 | 任务二 | 市财政局 |",
      "",
      "表后文字",
    ]);
  });

  it("a .doc renamed .txt is read as a Word document", async () => {
    expect(await counts(put("renamed.txt", doc))).toEqual({ body: 37, rows: 31 });
  });
});

describe(".wps (WPS Office)", () => {
  it("a Word-compatible .wps (a compound file) reads like the .doc", async () => {
    expect(await counts(put("000.wps", doc))).toEqual({ body: 37, rows: 31 });
  });

  it("a .wps that is a .docx zip reads like the .docx", async () => {
    const docx = fs.readFileSync("test/fixtures/formats/000.docx");
    expect(await counts(put("zip.wps", docx))).toEqual({ body: 37, rows: 31 });
  });

  it("an old-format .wps is refused with one line saying how to convert it", async () => {
    const old = Buffer.concat([Buffer.from([0xff, 0x00, 0x07, 0x00]), Buffer.alloc(2000, 0x41)]);
    const error = await readError(put("old.wps", old));
    expect(error.code).toBe("unsupported-type");
    expect(error.message).toMatch(/not a Word-compatible \.wps file.*save it as \.docx$/);
  });

  it("a compound-file .wps without a WordDocument stream (Works) is refused the same way", async () => {
    const works = doc.slice();
    const name = Buffer.from("WordDocument", "utf16le");
    const at = Buffer.from(works).indexOf(name);
    works.set(Buffer.from("WorksContent", "utf16le"), at);
    const error = await readError(put("works.wps", works));
    expect(error.message).toMatch(/not a Word-compatible \.wps file/);
    const asDoc = await readError(put("works.doc", works));
    expect(asDoc.message).toMatch(/not a Word document \(the compound file holds no WordDocument/);
  });
});

describe(".doc: hostile input", () => {
  it("a truncated .doc is corrupt", async () => {
    const error = await readError(put("truncated.doc", doc.subarray(0, doc.length / 2)));
    expect(error.code).toBe("corrupt");
    expect(error.message).toMatch(/truncated\.doc: not a valid Word 97–2003 document: .*truncated/);
  });

  it("a .doc whose sector chains loop is refused before word-extractor walks them", async () => {
    const looped = doc.slice();
    const view = new DataView(looped.buffer);
    const fat = (view.getUint32(76, true) + 1) * 512;
    // The first chain link i → i+1 found becomes i → i+1 → i.
    let i = 0;
    while (view.getUint32(fat + i * 4, true) !== i + 1) i++;
    view.setUint32(fat + (i + 1) * 4, i, true);
    const started = Date.now();
    const error = await readError(put("looped.doc", looped));
    expect(error.code).toBe("corrupt");
    expect(error.message).toMatch(/loops/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("a password-protected .doc is refused as encrypted", async () => {
    const locked = doc.slice();
    const at = wordDocumentOffset(locked);
    locked[at + 0x0b] = (locked[at + 0x0b] ?? 0) | 0x01; // FIB flags: fEncrypted
    const error = await readError(put("locked.doc", locked));
    expect(error.code).toBe("encrypted");
    expect(error.message).toMatch(/password-protected/);
  });

  it("an RTF file named .doc is refused with one line", async () => {
    const error = await readError(put("rtf.doc", "{\\rtf1\\ansi 实施方案}"));
    expect(error.code).toBe("unsupported-type");
    expect(error.message).toMatch(/an RTF file/);
  });

  it("a .doc holding plain text is read as text", async () => {
    const { encoding, text } = await readSource(put("plain.doc", "关于印发实施方案的通知\n"));
    expect([encoding, text.trim()]).toEqual(["utf-8", "关于印发实施方案的通知"]);
  });

  it("a .doc that is not a compound file at all is corrupt", async () => {
    const error = await readError(put("junk.doc", Buffer.alloc(4000, 0x01)));
    expect(error.code).toBe("corrupt");
    expect(error.message).toMatch(/no compound-file header/);
  });
});
