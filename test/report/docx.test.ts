import { strFromU8, unzipSync } from "fflate";
import { afterEach, describe, expect, it, vi } from "vitest";
import { compareDocuments } from "../../src/compare.js";
import type { CompareResult } from "../../src/model/compare.js";
import { SEVERITY_ORDER } from "../../src/model/finding.js";
import type { Lang } from "../../src/model/lang.js";
import { conclusionSentence, docx } from "../../src/report/docx.js";
import { formatters, RUN_FORMAT_IDS } from "../../src/report/index.js";
import { unitsText } from "../../src/report/shared/units.js";
import { runCli } from "../helpers/run-cli.js";
import { SEEDS, seedDocument } from "../helpers/seeds.js";

// 002 (浙政发〔2018〕16号, the province) → 000 (嘉政发〔2018〕23号, Jiaxing).
const result = compareDocuments(await seedDocument(SEEDS.province), await seedDocument(SEEDS.city));

async function render(r: CompareResult, lang: Lang = "zh"): Promise<Uint8Array> {
  const out = await docx(r, { color: false, lang });
  if (typeof out === "string") throw new Error("docx must produce bytes");
  return out;
}

function parts(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(
    Object.entries(unzipSync(bytes)).map(([path, data]) => [path, strFromU8(data)]),
  );
}

const unescapeXml = (s: string) =>
  s
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&apos;", "'")
    .replaceAll("&amp;", "&");

/** The text of each paragraph of document.xml, in order (line breaks as \n). */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) =>
    unescapeXml(
      [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)]
        .map(([tag, text]) => (tag === "<w:br/>" ? "\n" : (text ?? "")))
        .join(""),
    ),
  );
}

/** Paragraphs of the heading styles, as "level text". */
function headings(xml: string): string[] {
  return [
    ...xml.matchAll(/<w:p>(<w:pPr><w:pStyle w:val="(Title|Heading\d)"\/>[\s\S]*?)<\/w:p>/g),
  ].map(([, body, style]) => `${style} ${paragraphs(`<w:p>${body}</w:p>`)[0]}`);
}

const zhBytes = await render(result);
const zh = parts(zhBytes);
const zhDoc = zh["word/document.xml"] ?? "";
const zhText = paragraphs(zhDoc);

describe("docx formatter (002 → 000)", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("is registered as a compare and a run format", () => {
    expect(formatters.docx).toBe(docx);
    expect(RUN_FORMAT_IDS).toContain("docx");
  });

  it("is a Word package with the usual parts", () => {
    expect(Buffer.from(zhBytes.subarray(0, 2)).toString("latin1")).toBe("PK");
    for (const part of [
      "[Content_Types].xml",
      "word/document.xml",
      "word/styles.xml",
      "word/fontTable.xml",
      "docProps/core.xml",
    ]) {
      expect(zh[part], part).toBeDefined();
    }
  });

  it("has the title block, the conclusion, the findings and the appendix, in that order", () => {
    expect(headings(zhDoc).slice(0, 5)).toEqual([
      "Title 实施方案落实情况比对报告",
      "Heading1 一、基本情况",
      "Heading1 二、总体结论",
      "Heading1 三、发现的问题",
      `Heading2 （一）高（${result.summary.findings.bySeverity.high} 项）`,
    ]);
    const h2 = headings(zhDoc).filter((h) => h.startsWith("Heading2"));
    expect(h2.map((h) => h.replace(/^Heading2 （.）/, "").replace(/（.*$/, ""))).toEqual(
      SEVERITY_ORDER.filter((s) => (result.summary.findings.bySeverity[s] ?? 0) > 0).map(
        (s) => ({ high: "高", medium: "中", low: "低", info: "提示" })[s],
      ),
    );
    expect(headings(zhDoc).at(-2)).toBe("Heading1 附件　逐项对照");
    expect(headings(zhDoc).at(-1)).toBe("Heading1 名词说明");
  });

  it("names both documents with their 文号 and dates", () => {
    const cellsAfter = (name: string) =>
      zhText.slice(zhText.indexOf(name) + 1, zhText.indexOf(name) + 3);
    expect(cellsAfter("文号")).toEqual(["浙政发〔2018〕16号", "嘉政发〔2018〕23号"]);
    expect(cellsAfter("成文日期")).toEqual(["2018-04-28", "2018-08-27"]);
    expect(cellsAfter("标题")).toEqual([result.parent.title, result.child.title]);
    expect(cellsAfter("文件")).toEqual([result.parent.file, result.child.file]);
    expect(zhText).toContain(result.child.title);
  });

  it("names a child plan without a cover title by its file", async () => {
    const bare = { ...result, child: { ...result.child, title: null, planTitle: null } };
    const text = paragraphs(parts(await render(bare))["word/document.xml"] ?? "");
    expect(text[1]).toBe(result.child.file);
  });

  it("gives the pair verdict, the conclusion and the headline figures", () => {
    const { high, medium } = result.summary.findings.bySeverity;
    expect(high).toBeGreaterThan(0);
    expect(conclusionSentence(result, "zh")).toMatch(new RegExp(`^存在 ${high} 项高严重程度问题`));
    expect(zhText).toContain(`结论：${conclusionSentence(result, "zh")}`);
    const all = zhText.join("\n");
    expect(all).toContain("忠实度：68.3%");
    expect(all).toContain("覆盖率 97.6%");
    expect(all).toContain(
      `发现的问题（${result.summary.findings.total}）：高 ${high}，中 ${medium}`,
    );
    expect(all).toContain("文件关系：上下级对应");
  });

  it("lists every finding once, by severity, with both wordings, both units and an empty reply cell", () => {
    const start = zhDoc.indexOf("三、发现的问题");
    const end = zhDoc.indexOf("附件　逐项对照");
    const section = zhDoc.slice(start, end);
    const rows = [...section.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map(([tr]) =>
      [...tr.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(([tc]) => paragraphs(tc).join("\n")),
    );
    const header = rows[0];
    expect(header).toEqual([
      "序号",
      "类型",
      "上级表述",
      "下级表述",
      "说明",
      "上级责任单位",
      "下级责任单位",
      "整改说明",
    ]);
    const body = rows.filter((cells) => cells[0] !== "序号");
    expect(body).toHaveLength(result.findings.length);
    // By severity: the numbers of the rows, read in order, give non-decreasing severities.
    const severities = body.map((cells) => result.findings[Number(cells[0]) - 1]?.severity);
    const ranks = severities.map((s) => SEVERITY_ORDER.indexOf(s ?? "info"));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(body.map((cells) => cells[0])).size).toBe(result.findings.length);
    for (const cells of body) {
      const finding = result.findings[Number(cells[0]) - 1];
      if (!finding) throw new Error(`no finding ${cells[0]}`);
      const parent = result.parent.tasks.find((t) => t.id === finding.parent);
      const child = result.child.tasks.find((t) => t.id === finding.child);
      expect(cells[2]?.startsWith(finding.parent ?? "—")).toBe(true);
      if (parent) expect(cells[2]).toContain(parent.text.split("\n")[0]);
      if (child) expect(cells[3]).toContain(child.text.split("\n")[0]);
      expect(cells[4]).toContain(finding.message);
      expect(cells[5]).toBe(unitsText(parent?.units, "zh"));
      expect(cells[6]).toBe(unitsText(child?.units, "zh"));
      expect(cells[7]).toBe("");
    }
    // The missing task B4.3 is in the high group with the province's units and none below.
    const missing = body.find((cells) => cells[2]?.startsWith("B4.3"));
    expect(missing?.[5]).toContain("各市、县〔市、区〕政府");
    expect(missing?.[3]).toBe("—");
  });

  it("appends the task-by-task alignment", () => {
    const appendix = zhDoc.slice(zhDoc.indexOf("附件　逐项对照"));
    const text = paragraphs(appendix).join("\n");
    for (const a of result.alignments) expect(text).toContain(a.child);
    for (const id of result.summary.body.missing) expect(text).toContain(id);
    expect(text).toContain("未对应");
  });

  it("declares 仿宋 and 黑体 with fallbacks, A4 pages and page numbers", () => {
    const styles = zh["word/styles.xml"] ?? "";
    expect(styles).toMatch(/w:eastAsia="仿宋"/);
    expect(styles).toMatch(/w:eastAsia="黑体"/);
    expect(styles).toMatch(/w:ascii="Times New Roman"/);
    expect(styles).toMatch(/<w:rFonts [^>]*w:hint="eastAsia"/);
    expect(styles).toMatch(/<w:lang w:val="zh-CN" w:eastAsia="zh-CN"\/>/);
    const fonts = zh["word/fontTable.xml"] ?? "";
    expect(fonts).toMatch(/<w:font w:name="仿宋"><w:altName w:val="FangSong"\/>/);
    expect(fonts).toMatch(/<w:font w:name="黑体"><w:altName w:val="SimHei"\/>/);
    expect(fonts).toMatch(/<w:charset w:val="86"\/>/);
    expect(zh["word/theme/theme1.xml"]).toMatch(/<a:font script="Hans" typeface="仿宋"\/>/);
    const sizes = [...zhDoc.matchAll(/<w:pgSz ([^>]*)\/>/g)].map(([, attrs]) => attrs);
    expect(sizes).toEqual([
      'w:w="11906" w:h="16838" w:orient="portrait"',
      'w:w="16838" w:h="11906" w:orient="landscape"',
    ]);
    const footers = Object.keys(zh).filter((p) => /^word\/footer\d+\.xml$/.test(p));
    expect(footers.length).toBe(2);
    for (const footer of footers) expect(zh[footer]).toMatch(/PAGE/);
  });

  it("gives the same bytes whatever the clock says, with the child plan's date", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2001-02-03T04:05:06Z"));
    const early = await render(result);
    vi.setSystemTime(new Date("2033-11-12T13:14:15Z"));
    const late = await render(result);
    vi.useRealTimers();
    expect(Buffer.from(early).equals(Buffer.from(late))).toBe(true);
    expect(Buffer.from(early).equals(Buffer.from(zhBytes))).toBe(true);
    expect(zh["docProps/core.xml"]).toContain(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2018-08-27T00:00:00Z</dcterms:created>',
    );
    const view = new DataView(early.buffer, early.byteOffset, early.byteLength);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    expect(view.getUint16(12, true)).toBe(((2018 - 1980) << 9) | (8 << 5) | 27);
  });

  it("writes English headings and labels with lang en, the document text unchanged", async () => {
    const en = parts(await render(result, "en"));
    const doc = en["word/document.xml"] ?? "";
    expect(headings(doc).slice(0, 4)).toEqual([
      "Title Implementation fidelity report",
      "Heading1 1. Documents",
      "Heading1 2. Conclusion and figures",
      "Heading1 3. Findings",
    ]);
    const text = paragraphs(doc);
    expect(text).toContain("Parent units");
    expect(text).toContain("Response / remediation");
    expect(text).toContain(result.child.title);
    expect(text.join("\n")).toContain(conclusionSentence(result, "en"));
  });

  it("keeps document text as text: markup escaped, bidi controls shown, XML-illegal characters replaced", async () => {
    const copy = structuredClone(result);
    const first = copy.findings[0];
    if (!first) throw new Error("no finding");
    first.message = '</w:t></w:r><w:r><w:t>injected & "quoted" \u202Eexe.pdf\u0001';
    const doc = parts(await render(copy))["word/document.xml"] ?? "";
    expect(doc).not.toContain("<w:t>injected");
    expect(doc).toContain("&lt;/w:t&gt;&lt;/w:r&gt;&lt;w:r&gt;&lt;w:t&gt;injected &amp;");
    expect(doc).not.toContain("\u202E");
    expect(doc).not.toContain("\u0001");
    expect(paragraphs(doc)).toContain(
      '</w:t></w:r><w:r><w:t>injected & "quoted" ⟨U+202E⟩exe.pdf\uFFFD',
    );
  });

  it("says so when there is no finding", async () => {
    const copy = structuredClone(result);
    copy.findings = [];
    const text = paragraphs(parts(await render(copy))["word/document.xml"] ?? "");
    const at = text.indexOf("三、发现的问题");
    expect(text.slice(at, at + 3)).toContain("无");
  });
});

describe("plandiff compare --format docx", () => {
  it("writes the report through --out", async () => {
    const { mkdtempSync, readFileSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const dir = mkdtempSync(join(tmpdir(), "plandiff-docx-"));
    try {
      const out = join(dir, "r.docx");
      const run = await runCli([
        "compare",
        SEEDS.province,
        SEEDS.city,
        "--format",
        "docx",
        "--out",
        out,
      ]);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(Buffer.from(readFileSync(out)).equals(Buffer.from(zhBytes))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
