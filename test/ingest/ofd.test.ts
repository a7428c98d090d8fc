import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { readSource } from "../../src/ingest/index.js";
import { sniffType } from "../../src/ingest/read-source.js";
import { deltas } from "../../src/ingest/readers/ofd.js";
import { gridRows, type TextItem } from "../../src/ingest/readers/page-layout.js";
import { storedZip } from "../../src/ingest/readers/zip.js";
import { parseDocument } from "../../src/pipeline.js";
import { lyingDocxBomb, oneEntryZip } from "../helpers/hostile.js";
import { hostileFolder } from "../helpers/refusals.js";

/** A small real OFD file from an OFD writer (a one-page memo, not a plan). */
const SAMPLE = "test/fixtures/formats/sample.ofd";
/** The Jiaxing plan laid out by scripts/make-ofd.ts. */
const PLAN = "test/fixtures/formats/000.ofd";
const { dir, put, readError } = hostileFolder("plandiff-ofd-");

const NS = 'xmlns:ofd="http://www.ofdspec.org/2016"';
const OFD_XML = `<?xml version="1.0" encoding="UTF-8"?><ofd:OFD ${NS} Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`;
const DOCUMENT_XML = `<?xml version="1.0" encoding="UTF-8"?><ofd:Document ${NS}><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>`;
const page = (objects: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><ofd:Page ${NS}><ofd:Content><ofd:Layer ID="1">${objects}</ofd:Layer></ofd:Content></ofd:Page>`;
const text = (x: number, y: number, s: string, extra = "") =>
  `<ofd:TextObject ID="2" Boundary="${x} ${y} 150 6" Size="5"${extra}><ofd:TextCode X="0" Y="5">${s}</ofd:TextCode></ofd:TextObject>`;

/** A stored zip of the parts given (name → text), in order. */
function ofd(parts: Record<string, string>): Uint8Array {
  return storedZip(
    Object.entries(parts).map(([name, content]) => ({
      name: Buffer.from(name),
      flags: 0,
      data: Buffer.from(content),
    })),
  );
}

function onePage(objects: string): Uint8Array {
  return ofd({
    "OFD.xml": OFD_XML,
    "Doc_0/Document.xml": DOCUMENT_XML,
    "Doc_0/Pages/Page_0/Content.xml": page(objects),
  });
}

describe("OFD: the real sample", () => {
  it("is recognised by its content", () => {
    expect(sniffType(new Uint8Array(fs.readFileSync(SAMPLE)))).toBe("ofd");
  });

  it("joins the runs of a line and the lines of a wrapped paragraph", async () => {
    const { text, encoding } = await readSource(SAMPLE);
    expect(encoding).toBe("ofd");
    const lines = text.split("\n");
    expect(lines[0]).toBe("电子文档测评新需求");
    // Seven objects on one baseline, in three fonts, boxes at two heights.
    expect(lines).toContain("1.业务管理员(最新测评需要该角色)");
    // A paragraph wrapped over two lines (the second starts at the left edge).
    expect(lines).toContain(
      "定义：业务管理员区别于管理三员（管理三员不会参与具体的系统业务，而业务管理员可管理和介入所有系统业务）",
    );
    expect(text).toContain("具体可咨询冯翼老师)。");
  });
});

describe("OFD: a plan laid out by scripts/make-ofd.ts", () => {
  it("reads to the .txt's 37 body tasks and 31 table rows", async () => {
    const parsed = await parseDocument(PLAN);
    expect(parsed.tasks.filter((t) => t.source === "body")).toHaveLength(37);
    expect(parsed.tasks.filter((t) => t.source === "appendix")).toHaveLength(31);
  });

  it("drops page numbers and the running header, rebuilds the ruled table as pipe rows", async () => {
    const { text } = await readSource(PLAN);
    expect(text).not.toMatch(/^— \d+ —$/m);
    // The document number opens the text once; its copies at the top of every page are gone.
    expect(text.match(/嘉政发〔2018〕23号/g)).toHaveLength(1);
    const rows = text.split("\n").filter((l) => l.startsWith("| "));
    expect(rows.filter((r) => !r.startsWith("| 序号 |"))).toHaveLength(31);
    expect(rows).toContain(
      "| 12 | 全面推广投资项目承诺制改革，加快推行企业对标竞价“标准地”制度 | 市发展改革委、市经信委、市国土资源局、市环保局、市建委、市行政服务中心，各县（市、区）政府 | 2018年底前完成 |",
    );
    // A paragraph wrapped over lines and pages of cut runs reads as one line.
    expect(text).toContain(
      "为认真贯彻党的十九大和省、市党代会精神，推动政府更好地履职尽责，根据《浙江省人民政府关于印发政府“两强三提高”建设行动计划（2018-2022年）的通知》（浙政发〔2018〕16号）要求，结合我市政府自身建设实际，制定本实施方案。",
    );
  });

  it.each([
    ["001", "data/001_1edcfceb20138e7f.txt"],
    ["002", "data/002_2cdac00586eece9b.txt"],
  ])("the other seeds laid out as OFD (%s.ofd) read to their .txt's tasks", async (name, txt) => {
    const summary = async (file: string) =>
      (await parseDocument(file)).tasks.map((t) => [
        t.source,
        t.title,
        t.units.lead,
        t.deadline.due,
      ]);
    const fromOfd = await summary(`test/fixtures/formats/${name}.ofd`);
    expect(fromOfd.length).toBeGreaterThan(70);
    expect(fromOfd).toEqual(await summary(txt));
  });

  it("the fixture is what scripts/make-ofd.ts makes of the seed, byte for byte", () => {
    const out = path.join(dir, "regenerated.ofd");
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", "scripts/make-ofd.ts", "data/000_e50bc25d11ad62e1.txt", out],
      { encoding: "utf8" },
    );
    expect(run.stderr).toBe("");
    expect(fs.readFileSync(out).equals(fs.readFileSync(PLAN))).toBe(true);
  }, 30_000);

  it("DeltaX: numbers, `g N v` for N equal advances", () => {
    expect(deltas("g 3 1.5 2 g 2 0.5")).toEqual([1.5, 1.5, 1.5, 2, 0.5, 0.5]);
    expect(deltas("")).toEqual([]);
    // Never more advances than glyphs, whatever the counts say.
    expect(deltas(`${"g 99999 1 ".repeat(1000)}`, 5)).toEqual([1, 1, 1, 1, 1]);
  });

  it("a CTM scales an object's glyphs and places them", async () => {
    const scaled = `<ofd:TextObject ID="3" Boundary="20 40 150 6" Size="10" CTM="0.5 0 0 0.5 0 0"><ofd:TextCode X="0" Y="10" DeltaX="g 3 10">落实责任</ofd:TextCode></ofd:TextObject>`;
    const { text } = await readSource(
      put("ctm.ofd", onePage(`${text0("加强组织领导，")}${scaled.replace("20 40", "55 40")}`)),
    );
    expect(text).toBe("加强组织领导，落实责任");
  });

  it("a box of one cell (a framed paragraph) stays text; a ruled row becomes a pipe row", () => {
    const item = (str: string, x: number, y: number): TextItem => ({
      str,
      x,
      y,
      width: 20,
      size: 10,
    });
    const rule = (x1: number, y1: number, x2: number, y2: number) => ({ x1, y1, x2, y2 });
    const frame = [
      rule(0, 100, 200, 100),
      rule(0, 0, 200, 0),
      rule(0, 0, 0, 100),
      rule(200, 0, 200, 100),
    ];
    expect(gridRows([item("专栏", 10, 50)], frame).map((i) => i.str)).toEqual(["专栏"]);
    const row = [...frame, rule(100, 0, 100, 100), rule(150, 0, 150, 100)];
    const out = gridRows([item("甲", 10, 50), item("乙", 110, 50), item("外", 10, 150)], row);
    expect(out.map((i) => i.str)).toEqual(["| 甲 | 乙 |  |", "外"]);
  });
});

/** A line of text at the top left of the page. */
function text0(s: string): string {
  return text(20, 40, s);
}

describe("OFD: hostile input, one line naming the file", () => {
  it("a truncated package is corrupt", async () => {
    const bytes = fs.readFileSync(PLAN);
    const error = await readError(put("truncated.ofd", bytes.subarray(0, bytes.length / 2)));
    expect(error.code).toBe("corrupt");
    expect(error.message).toMatch(/not a valid OFD file: .*truncated/);
  });

  it("a package whose page part is missing is corrupt", async () => {
    const error = await readError(
      put("nopage.ofd", ofd({ "OFD.xml": OFD_XML, "Doc_0/Document.xml": DOCUMENT_XML })),
    );
    expect(error.code).toBe("corrupt");
    expect(error.message).toMatch(/the package has no Doc_0\/Pages\/Page_0\/Content\.xml/);
  });

  it("a zip without OFD.xml is corrupt", async () => {
    const error = await readError(put("plain.ofd", ofd({ "a.txt": "实施方案" })));
    expect(error.message).toMatch(/not a readable OFD file: the package has no OFD\.xml/);
  });

  it("a page that is not well-formed XML is corrupt", async () => {
    const bytes = onePage(`${text0("正文")}<ofd:TextObject`);
    const error = await readError(put("broken.ofd", bytes));
    expect(error.code).toBe("corrupt");
    expect(error.message).toMatch(/Content\.xml is not well-formed XML/);
  });

  it("a part declaring a DTD (entity expansion) is refused", async () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "${"甲".repeat(100)}"><!ENTITY b "&a;&a;&a;&a;">]>`;
    const bytes = ofd({
      "OFD.xml": OFD_XML.replace('<?xml version="1.0" encoding="UTF-8"?>', bomb),
      "Doc_0/Document.xml": DOCUMENT_XML,
    });
    const error = await readError(put("dtd.ofd", bytes));
    expect(error.message).toMatch(/OFD\.xml declares a DTD/);
  });

  it("an encrypted package (GM/T 0099 Encryptions.xml, or encrypted zip entries) is refused", async () => {
    const withEncryptions = ofd({
      "OFD.xml": OFD_XML,
      "Encryptions.xml": "<Encryptions/>",
      "Doc_0/Document.xml": "\u0000\u0013binary",
    });
    const error = await readError(put("encrypted.ofd", withEncryptions));
    expect(error.code).toBe("encrypted");
    expect(error.message).toBe(
      `${path.join(dir, "encrypted.ofd")}: the OFD package is encrypted; save an unencrypted copy`,
    );
    const zipEncrypted = onePage(text0("正文内容十个字以上的一行"));
    // General-purpose flag bit 0 of the first local and central headers.
    const bytes = Buffer.from(zipEncrypted);
    bytes[6] = 1;
    bytes[bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 8] = 1;
    expect((await readError(put("zipcrypto.ofd", bytes))).code).toBe("encrypted");
  });

  it("a part that is not XML (encrypted content) is corrupt", async () => {
    const bytes = ofd({ "OFD.xml": "\u0001\u0002 garbage", "Doc_0/Document.xml": DOCUMENT_XML });
    const error = await readError(put("garbage.ofd", bytes));
    expect(error.message).toMatch(/OFD\.xml is not XML \(encrypted or damaged\)/);
  });

  it("a zip bomb is refused by the .docx reader's guard", async () => {
    const error = await readError(put("bomb.ofd", lyingDocxBomb(3)));
    expect(error.code).toBe("too-large");
    expect(error.message).toMatch(/zip bomb/);
    const declared = oneEntryZip("OFD.xml", Buffer.from(OFD_XML), 0, 0xfffffffe);
    expect((await readError(put("declared.ofd", declared))).code).toBe("too-large");
  });

  it("a package of images only has no text", async () => {
    const path0 = `<ofd:PathObject ID="5" Boundary="0 0 10 10"><ofd:AbbreviatedData>M 0 0 L 10 10</ofd:AbbreviatedData></ofd:PathObject>`;
    const error = await readError(put("scan.ofd", onePage(path0)));
    expect(error.code).toBe("no-text");
    expect(error.message).toMatch(/OCR/);
  });
});
