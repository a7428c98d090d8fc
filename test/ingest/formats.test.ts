import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSource } from "../../src/ingest/index.js";
import { readCentralDirectory } from "../../src/ingest/readers/docx.js";
import { MAX_HTML_DEPTH } from "../../src/ingest/readers/html.js";
import { htmlNestingEstimate } from "../../src/ingest/readers/html-depth.js";
import type { PlanDocument } from "../../src/model/document.js";
import { parseDocument } from "../../src/pipeline.js";
import { PlandiffError } from "../../src/util/errors.js";
import { lyingDocxBomb, oneEntryZip } from "../helpers/hostile.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const seedPath = path.join(here, "../../data/000_e50bc25d11ad62e1.txt");
/** Built from the seed by scripts/make-format-fixtures.sh. */
const formats = path.join(here, "../fixtures/formats");
const VARIANTS = [
  ["docx", "000.docx", "docx"],
  ["doc (Word 97–2003, by LibreOffice)", "000.doc", "doc"],
  ["OFD (scripts/make-ofd.ts: cut runs, wrapped lines, ruled table)", "000.ofd", "ofd"],
  ["html", "000.html", "utf-8"],
  ["GBK html", "000.gbk.html", "gb18030"],
  ["traditional txt", "000.traditional.txt", "utf-8+t2s"],
] as const;

let dir = "";
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "plandiff-formats-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function fixture(name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

/** What must survive any format: body tasks and table rows, by title, lead units and deadline. */
function summary(doc: PlanDocument) {
  return doc.tasks.map((t) => ({
    source: t.source,
    title: t.title,
    lead: t.units.lead,
    deadline: [t.deadline.kind, t.deadline.due],
  }));
}

async function readError(file: string): Promise<PlandiffError> {
  const error: unknown = await readSource(file).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof PlandiffError)) throw new Error(`expected a PlandiffError, got ${error}`);
  expect(error.file).toBe(file);
  return error;
}

/**
 * A zip with one stored entry whose central directory declares `declared` uncompressed bytes:
 * the shape of a zip bomb, without the bytes.
 */
function zipDeclaring(declared: number): Uint8Array {
  return oneEntryZip("word/document.xml", Buffer.from("<w:document/>"), 0, declared);
}

describe("the same plan in every format", () => {
  let expected: ReturnType<typeof summary> = [];
  beforeAll(async () => {
    expected = summary(await parseDocument(seedPath));
  });

  it("the seed has 37 body tasks and 31 table rows", () => {
    expect(expected.filter((t) => t.source === "body")).toHaveLength(37);
    expect(expected.filter((t) => t.source === "appendix")).toHaveLength(31);
  });

  for (const [label, name, encoding] of VARIANTS) {
    it(`${label}: same tasks, units, deadlines and table rows as the .txt`, async () => {
      const file = path.join(formats, name);
      expect((await readSource(file)).encoding).toBe(encoding);
      const got = summary(await parseDocument(file));
      expect(got.filter((t) => t.source === "appendix")).toHaveLength(31);
      expect(got).toEqual(expected);
    });
  }

  it("the traditional fixture really is in traditional characters", () => {
    const text = fs.readFileSync(path.join(formats, "000.traditional.txt"), "utf8");
    expect(text).toContain("嘉興市人民政府");
  });
});

describe("docx: hostile input", () => {
  it("a truncated .docx is corrupt", async () => {
    const bytes = fs.readFileSync(path.join(formats, "000.docx"));
    const error = await readError(fixture("truncated.docx", bytes.subarray(0, bytes.length / 2)));
    expect(error.code).toBe("corrupt");
    expect(error.message).toMatch(/truncated/);
  });

  it("a .docx that is not a zip at all is corrupt", async () => {
    const error = await readError(fixture("text.docx", "这不是Word文档".repeat(10)));
    expect(error.code).toBe("corrupt");
  });

  it("a valid zip that is not a Word document is corrupt", async () => {
    const error = await readError(fixture("plain.docx", zipDeclaring(13)));
    expect(error.code).toBe("corrupt");
  });

  it("a zip declaring 4 GB uncompressed is refused before inflating", async () => {
    expect(readCentralDirectory(zipDeclaring(0xfffffffe)).uncompressed).toBe(0xfffffffe);
    const error = await readError(fixture("bomb.docx", zipDeclaring(0xfffffffe)));
    expect(error.code).toBe("too-large");
    expect(error.message).toMatch(/zip bomb/);
  });

  it("a zip expanding more than 100× its size is refused", async () => {
    const error = await readError(fixture("ratio.docx", zipDeclaring(20 * 1024 * 1024)));
    expect(error.code).toBe("too-large");
    expect(error.message).toMatch(/times its size/);
  });

  it("a zip whose headers lie is refused once its real output passes 100 MiB", async () => {
    // Declares 4 KiB, inflates to 1 GiB of zeros; the bounded run in a process of its own is in
    // hostile-limits.test.ts.
    const bomb = lyingDocxBomb(1024);
    expect(readCentralDirectory(bomb).uncompressed).toBe(4096);
    const error = await readError(fixture("lying.docx", bomb));
    expect(error.code).toBe("too-large");
    expect(error.message).toMatch(
      /archive would expand to more than 100 MiB \(limit 100 MiB\); refusing a possible zip bomb$/,
    );
  }, 30_000);

  it("a small zip whose headers lie is refused by the ratio", async () => {
    const error = await readError(fixture("lying-small.docx", lyingDocxBomb(3)));
    expect(error.code).toBe("too-large");
    expect(error.message).toMatch(/expand more than 100 times its size \(limit 100\)/);
  });

  it("a damaged deflate stream is corrupt, naming the entry", async () => {
    const bomb = lyingDocxBomb(3);
    bomb.fill(0xff, 47, 60);
    const error = await readError(fixture("damaged.docx", bomb));
    expect(error.code).toBe("corrupt");
    expect(error.message).toMatch(/damaged entry word\/document\.xml/);
  });
});

describe("html", () => {
  it("drops scripts, styles and navigation; keeps paragraphs, <br> lines and tables", async () => {
    const html = [
      "<html><head><meta charset='utf-8'><style>.a{color:red}</style>",
      "<script>var secret = '脚本内容';</script></head><body>",
      "<nav>首页 政务公开</nav><div class='breadcrumb'>当前位置</div>",
      "<h1>关于印发某某方案的通知</h1><p>第一行<br>第二行</p>",
      "<table><tr><th>序号</th><th>重点任务</th></tr><tr><td>1</td><td>任务<br>甲 | 乙</td></tr></table>",
      "<footer>版权所有</footer><script>alert('又一个脚本')</script></body></html>",
    ].join("");
    const { text } = await readSource(fixture("page.html", html));
    expect(text.split("\n")).toEqual([
      "关于印发某某方案的通知",
      "第一行",
      "第二行",
      "| 序号 | 重点任务 |",
      "| 1 | 任务 甲 / 乙 |",
    ]);
    for (const hidden of ["脚本", "secret", "color", "首页", "当前位置", "版权"]) {
      expect(text).not.toContain(hidden);
    }
  });

  it("the web-page fixture loses its site header, script and footer", async () => {
    const { text } = await readSource(path.join(formats, "000.html"));
    expect(text).not.toContain("统计代码");
    expect(text).not.toContain("门户网站");
    expect(text).not.toContain("版权所有");
    expect(text).toContain("嘉兴市人民政府关于印发政府“两强");
  });

  it("reads a .htm without a charset declaration as UTF-8", async () => {
    const { encoding, text } = await readSource(fixture("bare.htm", "<p>实施方案</p>"));
    expect(encoding).toBe("utf-8");
    expect(text).toBe("实施方案");
  });
});

describe("html: deep nesting", () => {
  const nested = (depth: number, inner: string) =>
    `<html><body>${"<div>".repeat(depth)}${inner}${"</div>".repeat(depth)}</body></html>`;

  it("estimates nesting from the tags alone, counting unclosed tags as open", () => {
    expect(htmlNestingEstimate(nested(3, "<p>x</p>"))).toBe(3);
    // p, li, td… close the previous one of their kind; void elements and comments never nest.
    expect(htmlNestingEstimate("<ul><li>a<li>b<li>c</ul><p>1<p>2<br><img src=x><hr>")).toBe(1);
    expect(htmlNestingEstimate("<div><!-- <div><div> --></div>")).toBe(1);
    // Markup inside scripts and styles is text; a quoted ">" does not end a tag.
    expect(htmlNestingEstimate("<script>'<div><div>'</script><div title='a>b'><span>x")).toBe(2);
    // A stray end tag closes nothing; an unclosed start tag stays open.
    expect(htmlNestingEstimate("</div></div><span><span>x")).toBe(2);
    // <x/> closes itself in SVG only.
    expect(htmlNestingEstimate("<svg><path/><path/><path/></svg>")).toBe(1);
    expect(htmlNestingEstimate("<div/><div/><div/>")).toBe(3);
  });

  it("a page nested 20,000 levels is refused before parsing, with one clear line", async () => {
    const error = await readError(fixture("deep.html", nested(20_000, "<p>深</p>")));
    expect(error.code).toBe("too-large");
    expect(error.message).toMatch(
      new RegExp(`deep\\.html: HTML nested deeper than ${MAX_HTML_DEPTH} levels \\(20000,`),
    );
  });

  it(`a page nested ${MAX_HTML_DEPTH} levels reads, in and out of table cells (no recursion)`, async () => {
    const deep = nested(MAX_HTML_DEPTH - 2, "<p>正文</p>");
    expect((await readSource(fixture("deep-ok.html", deep))).text).toBe("正文");
    const cell = `<div>${"<span>".repeat(MAX_HTML_DEPTH - 10)}单元格</div>`;
    const table = `<table><tr><td>甲</td><td>${cell}</td></tr></table>`;
    expect((await readSource(fixture("deep-cell.html", table))).text).toBe("| 甲 | 单元格 |");
  });
});

describe("traditional characters", () => {
  it("leaves simplified text alone", async () => {
    const source = await readSource(seedPath);
    expect(source.encoding).toBe("utf-8");
    expect(source.text).toBe(fs.readFileSync(seedPath, "utf8"));
  });

  it("converts a traditional text to the exact simplified seed", async () => {
    const source = await readSource(path.join(formats, "000.traditional.txt"));
    expect(source.text).toBe(fs.readFileSync(seedPath, "utf8"));
  });
});
