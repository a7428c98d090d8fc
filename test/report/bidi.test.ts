import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Workbook } from "exceljs";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { compareDocuments } from "../../src/compare.js";
import type { DiscoverResult } from "../../src/model/discover.js";
import { parseDocument } from "../../src/pipeline.js";
import { discoverTable } from "../../src/report/discover/table.js";
import { escapeHtml } from "../../src/report/html/markup.js";
import { formatters } from "../../src/report/index.js";
import { parseFormatters } from "../../src/report/parse/index.js";
import { bidiMark, hasBidiControls, showBidiControls } from "../../src/text/bidi.js";
import { SEEDS, seedDocument } from "../helpers/seeds.js";

const RLO = "\u202E";
const PDF = "\u202C";
const CONTROLS = [
  "\u202A",
  "\u202B",
  "\u202C",
  "\u202D",
  "\u202E",
  "\u2066",
  "\u2067",
  "\u2068",
  "\u2069",
  "\u200E",
  "\u200F",
  "\u061C",
];
/** `fdp.exe` wrapped in RIGHT-TO-LEFT OVERRIDE: shown raw, it reads `exe.pdf`. */
const SPOOF = `${RLO}fdp.exe${PDF}`;
const SHOWN = "⟨U+202E⟩fdp.exe⟨U+202C⟩";

describe("showBidiControls", () => {
  it("shows each bidirectional control as its code point, and nothing else", () => {
    for (const c of CONTROLS) {
      expect(hasBidiControls(`a${c}b`)).toBe(true);
      expect(showBidiControls(`a${c}b`)).toBe(`a${bidiMark(c)}b`);
      expect(hasBidiControls(showBidiControls(`a${c}b`))).toBe(false);
    }
    expect(showBidiControls(SPOOF)).toBe(SHOWN);
    expect(bidiMark("\u061C")).toBe("⟨U+061C⟩");
    // Zero-width joiners, Arabic and Hebrew letters and Chinese text are not controls.
    const plain = "嘉兴市\u200D\u200Cשלום مرحبا《方案》";
    expect(showBidiControls(plain)).toBe(plain);
  });

  it("the HTML escape shows them too, and still escapes markup", () => {
    expect(escapeHtml(`<a>${SPOOF}&`)).toBe(`&lt;a&gt;${SHOWN}&amp;`);
  });
});

describe("document text with bidirectional controls", () => {
  const dir = mkdtempSync(join(tmpdir(), "plandiff-bidi-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // The city plan with a spoofed file name in a task and in its own file name.
  const task = "1．加强政治建设。";
  const file = join(dir, `city-${SPOOF}.txt`);
  const text = readFileSync(SEEDS.city, "utf8");
  expect(text).toContain(task);
  writeFileSync(file, text.replace(task, `1．${SPOOF}加强政治建设。下载附件${SPOOF}填报，`));

  const results = (async () => {
    const child = await parseDocument(file);
    const result = compareDocuments(await seedDocument(SEEDS.province), child);
    // Messages and titles quote document text: put the spoof in the first message and the title.
    const first = result.findings[0];
    if (!first) throw new Error("the seed comparison has no finding");
    first.message = `${first.message}${SPOOF}`;
    result.child.title = `${result.child.title}${SPOOF}`;
    return { child, result };
  })();

  it("reaches the comparison and the JSON as it is (JSON is data)", async () => {
    const { child, result } = await results;
    expect(child.tasks.some((t) => t.text.includes(SPOOF))).toBe(true);
    const json = await formatters.json(result, { color: false, lang: "zh" });
    expect(json).toContain(JSON.stringify(SPOOF).slice(1, -1));
  });

  for (const format of ["md", "html", "table", "csv"] as const) {
    it(`compare ${format}: no raw control, the marks shown`, async () => {
      const { result } = await results;
      for (const lang of ["zh", "en"] as const) {
        const out = await formatters[format](result, { color: false, lang });
        if (typeof out !== "string") throw new Error(`${format} must produce text`);
        expect(hasBidiControls(out)).toBe(false);
        expect(out).toContain("⟨U+202E⟩");
        expect(out).not.toContain("\uFFFD");
      }
    });
  }

  it("compare xlsx: no cell holds a raw control, the marks shown", async () => {
    const { result } = await results;
    const bytes = await formatters.xlsx(result, { color: false, lang: "zh" });
    const workbook: Workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((bytes as Uint8Array).slice().buffer);
    const cells: string[] = [];
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) => {
        row.eachCell((cell) => {
          if (typeof cell.value === "string") cells.push(cell.value);
        });
      });
    }
    expect(cells.some(hasBidiControls)).toBe(false);
    expect(cells.some((c) => c.includes(SHOWN))).toBe(true);
  });

  it("compare docx: no part holds a raw control, the marks shown", async () => {
    const { result } = await results;
    for (const lang of ["zh", "en"] as const) {
      const bytes = await formatters.docx(result, { color: false, lang });
      const parts = Object.values(unzipSync(bytes as Uint8Array)).map((data) => strFromU8(data));
      expect(parts.some(hasBidiControls)).toBe(false);
      expect(parts.some((xml) => xml.includes(SHOWN))).toBe(true);
    }
  });

  for (const format of ["md", "table"] as const) {
    it(`parse ${format}: no raw control, the marks shown`, async () => {
      const { child } = await results;
      const out = parseFormatters[format](
        { schemaVersion: 1, documents: [child] },
        { color: false },
      );
      expect(hasBidiControls(out)).toBe(false);
      expect(out).toContain(SHOWN);
    });
  }

  it("discover table: a spoofed file name is shown with its marks", () => {
    const result = {
      documents: [],
      skipped: [{ file, message: "file is empty" }],
      summary: { documents: 0, cited: 0, similarity: 0, none: 0, skipped: 1 },
    } as unknown as DiscoverResult;
    const out = discoverTable(result);
    expect(hasBidiControls(out)).toBe(false);
    expect(out).toContain(`city-${SHOWN}.txt`);
  });
});
