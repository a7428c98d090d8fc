// Lays a plan's plain text out as an OFD package (GB/T 33190) the way an OFD writer converting a
// Word document does, for the OFD reader's tests: A4 pages with the official-document type area
// (GB/T 9704: 156 × 225 mm, 28 characters × 22 lines of 3号 type), paragraphs with a two-character
// first-line indent wrapped and justified over several lines, and every line cut into several
// TextObjects — at each change between Chinese and Latin fonts (whose boxes sit at other heights
// on the same baseline), at random points, some objects scaled by a CTM, some holding two
// TextCodes, objects written font by font rather than in reading order. A task table (tab-indented
// cells one per line, rows separated by blank lines, or pipe rows, as the .txt seeds hold them)
// becomes a ruled grid: cells side by side, wrapped inside their columns, borders drawn as PathObjects, the header
// row repeated on each page. Page numbers (— N —, right on odd pages, left on even ones) and a
// running header are added for the reader to drop. Deterministic: a seeded generator, fixed ids.
//
// Usage: npx tsx scripts/make-ofd.ts INPUT.txt OUTPUT.ofd [--seed N]
//   e.g. npx tsx scripts/make-ofd.ts data/000_e50bc25d11ad62e1.txt test/fixtures/formats/000.ofd
import { readFileSync, writeFileSync } from "node:fs";
import { crc32, deflateRawSync } from "node:zlib";

const PAGE_W = 210;
const PAGE_H = 297;
const LEFT = 28;
const TOP = 37;
const WIDTH = 156;
const HEIGHT = 225;
/** 3号 (16 pt) body type: 28 characters fill the 156 mm line. */
const SIZE = 5.6;
const ADVANCE = WIDTH / 28;
const PITCH = HEIGHT / 22;
/** 4号 (14 pt) table type. */
const CELL_SIZE = 4.9;
const CELL_PITCH = 6.8;
const CELL_PAD = 1.5;
/** Column widths of a four-column task table (序号, 重点任务, 责任单位, 时间要求), in mm. */
const FOUR_COLUMNS = [14, 62, 50, 30];
/** Characters that never start a line (they hang at the end of the one before). */
const NO_START = new Set([..."，。、；：？！）》」』”’〕】…—"]);
const FONT_CJK = 2;
const FONT_LATIN = 3;
const FONT_HEADER = 4;

interface Run {
  text: string;
  /** Left edge and baseline, page coordinates in mm (y down). */
  x: number;
  y: number;
  size: number;
  font: number;
  /** The advance after each glyph but the last. */
  deltas: number[];
}

interface Page {
  runs: Run[];
  /** Ruling lines: [x1, y1, x2, y2] in mm. */
  rules: [number, number, number, number][];
}

function main(): void {
  const args = process.argv.slice(2);
  const seedAt = args.indexOf("--seed");
  const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : 21;
  const [input, output] =
    seedAt < 0 ? args : args.filter((_, i) => i !== seedAt && i !== seedAt + 1);
  if (input === undefined || output === undefined) {
    console.error("usage: npx tsx scripts/make-ofd.ts INPUT.txt OUTPUT.ofd [--seed N]");
    process.exit(2);
  }
  const text = readFileSync(input, "utf8");
  const pages = layout(text);
  const bytes = ofdPackage(pages, mulberry32(seed), docHeader(text));
  writeFileSync(output, bytes);
  console.log(`${output}: ${pages.length} pages, ${bytes.length} bytes`);
}

/** The running header: the document number (the first non-empty line), as some writers repeat it. */
function docHeader(text: string): string {
  return (
    text
      .split(/\r?\n/)
      .find((l) => l.trim() !== "")
      ?.trim() ?? ""
  );
}

const isWide = (ch: string): boolean => !/[\u0020-\u007e]/.test(ch);
const width = (ch: string, size: number): number => (isWide(ch) ? size : size / 2);

/** Lays the text out: paragraphs and blank lines, the task table as a grid. */
function layout(text: string): Page[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const pages: Page[] = [{ runs: [], rules: [] }];
  let y = TOP;
  const page = (): Page => pages[pages.length - 1] as Page;
  const newPage = (): void => {
    pages.push({ runs: [], rules: [] });
    y = TOP;
  };
  const room = (height: number): void => {
    if (y + height > TOP + HEIGHT) newPage();
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const table = line.startsWith("\t")
      ? readTable(lines, i)
      : line.includes("|")
        ? readPipeTable(lines, i)
        : null;
    if (table !== null) {
      y = layTable(table.rows, pages, y, newPage) + PITCH / 2;
      i = table.end - 1;
      continue;
    }
    const content = line.trim();
    if (content === "") {
      if (y > TOP) y += PITCH;
      continue;
    }
    const wrapped = wrap(content, WIDTH - 2 * ADVANCE, WIDTH, SIZE, ADVANCE);
    wrapped.forEach((glyphs, k) => {
      room(PITCH);
      const indent = k === 0 ? 2 * ADVANCE : 0;
      const last = k === wrapped.length - 1;
      page().runs.push(
        lineRun(glyphs, LEFT + indent, y + SIZE, SIZE, last ? null : WIDTH - indent),
      );
      y += PITCH;
    });
  }
  return pages;
}

/** One line as a single run (cut into objects later); justified to `justify` mm unless null. */
function lineRun(
  glyphs: string[],
  x: number,
  y: number,
  size: number,
  justify: number | null,
): Run {
  const advances = glyphs.map((g) => (isWide(g) ? (size === SIZE ? ADVANCE : size) : size / 2));
  const natural = advances.reduce((s, a) => s + a, 0);
  const hang = NO_START.has(glyphs.at(-1) ?? "") ? (advances.at(-1) ?? 0) : 0;
  const extra =
    justify !== null && glyphs.length > 1 && natural - hang < justify
      ? (justify - (natural - hang)) / (glyphs.length - 1)
      : 0;
  return {
    text: glyphs.join(""),
    x,
    y,
    size,
    font: FONT_CJK,
    deltas: advances.slice(0, -1).map((a) => a + extra),
  };
}

/**
 * Greedy line breaking by width, as Word does: closing punctuation hangs at the end of a line, and
 * Latin words and numbers are not broken except after a hyphen (2018- / 2022).
 */
function wrap(
  text: string,
  first: number,
  rest: number,
  size: number,
  advance: number,
): string[][] {
  const out: string[][] = [];
  let line: string[] = [];
  let used = 0;
  for (const unit of text.match(/[0-9A-Za-z.%]+-?|[\s\S]/gu) ?? []) {
    const glyphs = Array.from(unit);
    const w = glyphs.reduce((sum, ch) => sum + (isWide(ch) ? advance : size / 2), 0);
    const limit = out.length === 0 ? first : rest;
    if (used + w > limit + 0.01 && line.length > 0 && !NO_START.has(unit)) {
      out.push(line);
      line = [];
      used = 0;
    }
    line.push(...glyphs);
    used += w;
  }
  if (line.length > 0) out.push(line);
  return out;
}

/** A table as the .txt seeds hold it: a header group of tab-indented cells, then numbered rows. */
function readTable(
  lines: readonly string[],
  start: number,
): { rows: string[][]; end: number } | null {
  const rows: string[][] = [];
  let i = start;
  for (;;) {
    const group: string[] = [];
    let j = i;
    while (
      j < lines.length &&
      (lines[j] ?? "").startsWith("\t") &&
      (lines[j] ?? "").trim() !== ""
    ) {
      group.push((lines[j] ?? "").trim());
      j++;
    }
    const header = rows[0];
    const fits =
      group.length >= 2 &&
      (header === undefined || (group.length === header.length && /^\d+$/.test(group[0] ?? "")));
    if (!fits) break;
    rows.push(group);
    i = j;
    while (i < lines.length && (lines[i] ?? "").trim() === "") i++;
  }
  return rows.length >= 2 ? { rows, end: i } : null;
}

/** A table written as pipe rows (`序号 | 任务 | 单位 |`): the rows with as many cells as the first. */
function readPipeTable(
  lines: readonly string[],
  start: number,
): { rows: string[][]; end: number } | null {
  const cells = (line: string) =>
    line
      .trim()
      .replace(/^\|/, "")
      .replace(/\|$/, "")
      .split("|")
      .map((c) => c.trim());
  const width = cells(lines[start] ?? "").length;
  if (width < 2) return null;
  let end = start;
  while (
    end < lines.length &&
    (lines[end] ?? "").includes("|") &&
    cells(lines[end] ?? "").length === width
  )
    end++;
  const rows = lines.slice(start, end).map(cells);
  return rows.length >= 2 ? { rows, end } : null;
}

/**
 * Column widths: the usual four-column table's, else shares of the type area by the cells' mean
 * length (at least three characters, at most thirty).
 */
function columnWidths(rows: string[][]): number[] {
  const count = rows[0]?.length ?? 0;
  if (count === FOUR_COLUMNS.length) return FOUR_COLUMNS;
  const weights = Array.from({ length: count }, (_, k) => {
    const mean = rows.reduce((s, row) => s + Array.from(row[k] ?? "").length, 0) / rows.length;
    return Math.min(30, Math.max(3, mean));
  });
  const total = weights.reduce((s, w) => s + w, 0);
  return weights.map((w) => (w / total) * WIDTH);
}

/** Lays the grid out from `top`; returns where it ends. The header row repeats on each page. */
function layTable(rows: string[][], pages: Page[], top: number, newPage: () => void): number {
  const [header] = rows;
  const COLUMNS = columnWidths(rows);
  let y = top;
  let pageTop = top;
  const lefts = COLUMNS.map((_, k) => LEFT + COLUMNS.slice(0, k).reduce((s, w) => s + w, 0));
  const cellLines = (row: string[]) =>
    row.map((cell, k) =>
      wrap(
        cell,
        (COLUMNS[k] ?? 0) - 2 * CELL_PAD,
        (COLUMNS[k] ?? 0) - 2 * CELL_PAD,
        CELL_SIZE,
        CELL_SIZE,
      ),
    );
  const height = (row: string[]) =>
    Math.max(...cellLines(row).map((c) => c.length)) * CELL_PITCH + 2 * CELL_PAD;
  const close = (page: Page): void => {
    page.rules.push([LEFT, y, LEFT + WIDTH, y]);
    for (const x of [...lefts, LEFT + WIDTH]) page.rules.push([x, pageTop, x, y]);
  };
  const put = (row: string[]): void => {
    const page = pages[pages.length - 1] as Page;
    page.rules.push([LEFT, y, LEFT + WIDTH, y]);
    cellLines(row).forEach((lines, k) => {
      lines.forEach((glyphs, n) => {
        const w = glyphs.reduce((s, g) => s + width(g, CELL_SIZE), 0);
        const centred = k === 0 || row === header;
        const x = centred
          ? (lefts[k] ?? 0) + ((COLUMNS[k] ?? 0) - w) / 2
          : (lefts[k] ?? 0) + CELL_PAD;
        const baseline = y + CELL_PAD + n * CELL_PITCH + CELL_SIZE;
        page.runs.push(lineRun(glyphs, x, baseline, CELL_SIZE, null));
      });
    });
    y += height(row);
  };
  rows.forEach((row, k) => {
    if (y + height(row) > TOP + HEIGHT) {
      close(pages[pages.length - 1] as Page);
      newPage();
      y = TOP;
      pageTop = TOP;
      if (header !== undefined && k > 0) put(header);
    }
    put(row);
  });
  close(pages[pages.length - 1] as Page);
  return y;
}

/** Deterministic pseudo-random numbers in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Cuts a line into runs: at every Latin/Chinese font change and at random points. */
function cut(run: Run, random: () => number): Run[] {
  const glyphs = Array.from(run.text);
  const out: Run[] = [];
  let start = 0;
  let x = run.x;
  for (let i = 1; i <= glyphs.length; i++) {
    const here = glyphs[i];
    const fontChange = here !== undefined && isWide(here) !== isWide(glyphs[i - 1] ?? "");
    if (i === glyphs.length || fontChange || random() < 0.06) {
      const part = glyphs.slice(start, i);
      const deltas = run.deltas.slice(start, i - 1);
      out.push({
        ...run,
        text: part.join(""),
        x,
        deltas,
        font: isWide(part[0] ?? "") ? run.font : FONT_LATIN,
      });
      for (let k = start; k < i; k++) x += run.deltas[k] ?? 0;
      start = i;
    }
  }
  return out;
}

const fmt = (n: number): string => n.toFixed(2);

/** DeltaX with runs of equal advances written `g N v`, as OFD writers do. */
function deltaX(deltas: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < deltas.length; ) {
    let j = i;
    while (j < deltas.length && fmt(deltas[j] ?? 0) === fmt(deltas[i] ?? 0)) j++;
    parts.push(j - i >= 2 ? `g ${j - i} ${fmt(deltas[i] ?? 0)}` : fmt(deltas[i] ?? 0));
    i = j;
  }
  return parts.join(" ");
}

const esc = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** One TextObject: Latin boxes sit higher (taller ascent), a few are scaled by a CTM or split. */
function textObject(id: number, run: Run, random: () => number): string {
  const glyphs = Array.from(run.text);
  const latin = run.font === FONT_LATIN;
  const ascent = latin ? run.size * 1.23 : run.size;
  const w = run.deltas.reduce((s, d) => s + d, 0) + width(glyphs.at(-1) ?? "", run.size);
  const boundary = `${fmt(run.x)} ${fmt(run.y - ascent)} ${fmt(w)} ${fmt(ascent + run.size * 0.2)}`;
  const scaled = random() < 0.1;
  const k = scaled ? 2 : 1;
  const ctm = scaled ? ' CTM="0.5 0 0 0.5 0 0"' : "";
  const split =
    glyphs.length >= 4 && random() < 0.15 ? Math.floor(glyphs.length / 2) : glyphs.length;
  const code = (from: number, to: number): string => {
    const x = run.deltas.slice(0, from).reduce((s, d) => s + d, 0);
    const deltas = run.deltas.slice(from, to - 1).map((d) => d * k);
    const dx = deltas.length > 0 ? ` DeltaX="${deltaX(deltas)}"` : "";
    return `<ofd:TextCode X="${fmt(x * k)}" Y="${fmt(ascent * k)}"${dx}>${esc(glyphs.slice(from, to).join(""))}</ofd:TextCode>`;
  };
  const codes =
    split < glyphs.length ? code(0, split) + code(split, glyphs.length) : code(0, glyphs.length);
  return `<ofd:TextObject ID="${id}" Boundary="${boundary}" Font="${run.font}" Size="${fmt(run.size * k)}"${ctm}>${codes}</ofd:TextObject>`;
}

function pathObject(id: number, [x1, y1, x2, y2]: [number, number, number, number]): string {
  const bx = Math.min(x1, x2);
  const by = Math.min(y1, y2);
  const boundary = `${fmt(bx)} ${fmt(by)} ${fmt(Math.abs(x2 - x1))} ${fmt(Math.abs(y2 - y1))}`;
  const data = `M ${fmt(x1 - bx)} ${fmt(y1 - by)} L ${fmt(x2 - bx)} ${fmt(y2 - by)}`;
  return `<ofd:PathObject ID="${id}" Boundary="${boundary}" LineWidth="0.35"><ofd:AbbreviatedData>${data}</ofd:AbbreviatedData></ofd:PathObject>`;
}

const NS = 'xmlns:ofd="http://www.ofdspec.org/2016"';
const XML = '<?xml version="1.0" encoding="UTF-8"?>';

/** The package: OFD.xml, Document.xml, PublicRes.xml and one Content.xml per page. */
function ofdPackage(pages: Page[], random: () => number, header: string): Uint8Array {
  let id = 10;
  const files: [string, string][] = [];
  pages.forEach((page, n) => {
    const runs = page.runs.flatMap((run) => cut(run, random));
    const number = `— ${n + 1} —`;
    const numberWidth = Array.from(number).reduce((s, g) => s + width(g, CELL_SIZE), 0);
    const numberX = n % 2 === 0 ? LEFT + WIDTH - CELL_SIZE - numberWidth : LEFT + CELL_SIZE;
    const furniture: Run[] = [
      {
        ...lineRun(Array.from(number), numberX, TOP + HEIGHT + 7 + CELL_SIZE, CELL_SIZE, null),
        font: FONT_LATIN,
      },
    ];
    if (header !== "") {
      const glyphs = Array.from(header);
      const w = glyphs.reduce((s, g) => s + width(g, 3.7), 0);
      furniture.push({ ...lineRun(glyphs, LEFT + WIDTH - w, 24, 3.7, null), font: FONT_HEADER });
    }
    // Writers emit objects font by font: the Chinese runs, then the Latin ones, then the rest.
    const ordered = [
      ...runs.filter((r) => r.font === FONT_CJK),
      ...runs.filter((r) => r.font === FONT_LATIN),
      ...furniture,
    ];
    const objects = [
      ...ordered.map((run) => textObject(id++, run, random)),
      ...page.rules.map((rule) => pathObject(id++, rule)),
    ];
    files.push([
      `Doc_0/Pages/Page_${n}/Content.xml`,
      `${XML}<ofd:Page ${NS}><ofd:Content><ofd:Layer ID="${id++}">${objects.join("")}</ofd:Layer></ofd:Content></ofd:Page>`,
    ]);
  });
  const pageList = pages
    .map((_, n) => `<ofd:Page ID="${n + 1}" BaseLoc="Pages/Page_${n}/Content.xml"/>`)
    .join("");
  const box = `0 0 ${PAGE_W} ${PAGE_H}`;
  files.unshift(
    [
      "OFD.xml",
      `${XML}<ofd:OFD ${NS} Version="1.1" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>plandiff-fixture</ofd:DocID><ofd:Creator>plandiff scripts/make-ofd.ts</ofd:Creator></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`,
    ],
    [
      "Doc_0/Document.xml",
      `${XML}<ofd:Document ${NS}><ofd:CommonData><ofd:MaxUnitID>${id}</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>${box}</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData><ofd:Pages>${pageList}</ofd:Pages></ofd:Document>`,
    ],
    [
      "Doc_0/PublicRes.xml",
      `${XML}<ofd:Res ${NS} BaseLoc="Res"><ofd:Fonts><ofd:Font ID="${FONT_CJK}" FontName="仿宋_GB2312" FamilyName="仿宋"/><ofd:Font ID="${FONT_LATIN}" FontName="Times New Roman"/><ofd:Font ID="${FONT_HEADER}" FontName="宋体"/></ofd:Fonts></ofd:Res>`,
    ],
  );
  return zip(files.map(([name, text]) => [name, Buffer.from(text, "utf8")]));
}

/** A deflated zip, dated 1980-01-01 (deterministic bytes). */
function zip(entries: [string, Buffer][]): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const packed = deflateRawSync(data, { level: 9 });
    const nameBytes = Buffer.from(name, "utf8");
    const fields = (header: Buffer, at: number): void => {
      header.writeUInt16LE(20, at); // version needed
      header.writeUInt16LE(0x800, at + 2); // UTF-8 names
      header.writeUInt16LE(8, at + 4); // deflate
      header.writeUInt16LE(0, at + 6); // time
      header.writeUInt16LE(0x21, at + 8); // date: 1980-01-01
      header.writeUInt32LE(crc32(data), at + 10);
      header.writeUInt32LE(packed.length, at + 14);
      header.writeUInt32LE(data.length, at + 18);
      header.writeUInt16LE(nameBytes.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    fields(local, 4);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    fields(entry, 6);
    entry.writeUInt32LE(offset, 42);
    parts.push(local, nameBytes, packed);
    central.push(entry, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const size = central.reduce((s, b) => s + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, end]);
}

main();
