import { posix } from "node:path";
import type { SourceText } from "../../model/source.js";
import { PlandiffError } from "../../util/errors.js";
import type { Reader } from "./index.js";
import {
  buildLines,
  gridRows,
  MAX_RULES,
  pagesToText,
  type Rule,
  type TextItem,
  type TextPage,
} from "./page-layout.js";
import { readCentralDirectory } from "./zip.js";
import { guardedEntries } from "./zip-guard.js";

/** Below this many visible characters in the whole file, the OFD holds no usable text. */
const MIN_TEXT_CHARS = 10;
/** OFD lengths are millimetres; the line builder works in points. */
const PT_PER_MM = 72 / 25.4;
/** A4, the page size when neither the page nor the document declares one. */
const DEFAULT_PAGE: Box = { x: 0, y: 0, w: 210, h: 297 };
/** A glyph without a DeltaX advances by its font size (CJK) or half of it (Latin, digits). */
const NARROW = /[ -\u2e7f\uff61-\uffdc]/u;
/** Operands of each AbbreviatedData operator (move, start, line, quadratic, cubic, arc, close). */
const PATH_ARITY: Readonly<Record<string, number>> = { M: 2, S: 2, L: 2, Q: 4, B: 6, A: 7, C: 0 };
/** Zip entry flag bit 0: the entry is encrypted. */
const FLAG_ENCRYPTED = 0x1;
/** Elements that may repeat: read as arrays whatever their count. */
const ARRAYS = new Set([
  "DocBody",
  "Page",
  "Layer",
  "PageBlock",
  "TextObject",
  "TextCode",
  "PathObject",
]);

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** An XML element as fast-xml-parser gives it: attributes as `@_Name`, text as `#text`. */
type Node = { [key: string]: unknown };

/**
 * Reads an OFD package (GB/T 33190: a zip of XML). OFD.xml names each document's Document.xml,
 * which lists its pages; every page's Content.xml holds TextObjects (a Boundary, a font Size, an
 * optional CTM) whose TextCodes place glyphs at X/Y with DeltaX/DeltaY advances. Runs are placed
 * on the page and handed to the PDF reader's line builder: runs on one baseline make a line,
 * wrapped lines join into paragraphs, running headers, footers and page numbers are dropped.
 * Template pages (backgrounds, watermarks), annotations and signatures are not read. The zip goes
 * through the .docx reader's zip-bomb guard. "encrypted" for an encrypted package; "corrupt" for
 * a truncated or damaged one, or one whose structure is broken; "no-text" for scans.
 */
export const ofdReader: Reader = async (bytes, file): Promise<SourceText> => {
  refuseEncryptedEntries(bytes, file);
  const entries = new Map<string, Uint8Array>();
  for (const entry of guardedEntries(bytes, file, "OFD")) {
    const name = new TextDecoder().decode(entry.name).replace(/\\/g, "/").replace(/^\/+/, "");
    entries.set(name, entry.data);
  }
  const pkg = new Package(entries, file);
  if ([...entries.keys()].some((name) => /(^|\/)encryptions\.xml$/i.test(name))) {
    throw encrypted(file);
  }
  const ofd = await pkg.xml("OFD.xml");
  const bodies = asArray(child(child(ofd, "OFD"), "DocBody"));
  if (bodies.some((body) => child(body, "Encryptions") !== undefined)) throw encrypted(file);
  const pages: TextPage[] = [];
  for (const body of bodies) {
    const root = text(child(body, "DocRoot"));
    if (root === "") continue;
    const docPath = resolve("", root);
    const document = child(await pkg.xml(docPath), "Document");
    const area = child(child(document, "CommonData"), "PageArea");
    const docBox = box(child(area, "PhysicalBox")) ?? DEFAULT_PAGE;
    for (const page of asArray(child(child(document, "Pages"), "Page"))) {
      const loc = attr(page, "BaseLoc");
      if (loc === "") continue;
      // The root element of a page part is also a Page: read as an array like the list's.
      const content = asArray(
        child(await pkg.xml(resolve(posix.dirname(docPath), loc)), "Page"),
      )[0];
      const pageBox = box(child(child(content, "Area"), "PhysicalBox")) ?? docBox;
      const { items, rules } = pageObjects(child(content, "Content"), pageBox);
      pages.push({ width: pageBox.w * PT_PER_MM, lines: buildLines(gridRows(items, rules)) });
    }
  }
  if (pages.length === 0) throw corrupt(file, "the package lists no pages");
  const out = pagesToText(pages);
  if (out.replace(/\s/g, "").length < MIN_TEXT_CHARS) {
    throw new PlandiffError(
      "no-text",
      "the OFD has no text (a scan or images only); OCR is needed to read it",
      file,
    );
  }
  return { file, encoding: "ofd", text: out };
};

/** The package's XML parts, parsed on demand. */
class Package {
  private parser: import("fast-xml-parser").XMLParser | undefined;

  constructor(
    private readonly entries: ReadonlyMap<string, Uint8Array>,
    private readonly file: string,
  ) {}

  async xml(name: string): Promise<Node> {
    const data = this.entries.get(name) ?? this.caseInsensitive(name);
    if (data === undefined) throw corrupt(this.file, `the package has no ${name}`);
    let xml: string;
    try {
      xml = new TextDecoder("utf-8", { fatal: true }).decode(data);
    } catch {
      throw corrupt(this.file, `${name} is not UTF-8 XML (encrypted or damaged)`);
    }
    if (
      !xml
        .replace(/^\uFEFF/, "")
        .trimStart()
        .startsWith("<")
    ) {
      throw corrupt(this.file, `${name} is not XML (encrypted or damaged)`);
    }
    // OFD parts never declare a DTD: refusing one rules out entity expansion bombs.
    if (/<!(DOCTYPE|ENTITY)/i.test(xml)) throw corrupt(this.file, `${name} declares a DTD`);
    const { XMLParser, XMLValidator } = await import("fast-xml-parser");
    const valid = XMLValidator.validate(xml);
    if (valid !== true) {
      const { msg, line } = valid.err;
      throw corrupt(this.file, `${name} is not well-formed XML (line ${line}: ${msg})`);
    }
    this.parser ??= new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: "@_",
      removeNSPrefix: true,
      parseTagValue: false,
      parseAttributeValue: false,
      trimValues: false,
      htmlEntities: false,
      isArray: (tag) => ARRAYS.has(tag),
    });
    try {
      return this.parser.parse(xml) as Node;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw corrupt(this.file, `${name} could not be read (${reason})`);
    }
  }

  private caseInsensitive(name: string): Uint8Array | undefined {
    const lower = name.toLowerCase();
    for (const [key, data] of this.entries) if (key.toLowerCase() === lower) return data;
    return undefined;
  }
}

/**
 * Every TextObject under `content` (in layers and nested page blocks) as positioned runs, and
 * the straight lines its PathObjects draw (table borders), in points with y growing upwards.
 */
export function pageObjects(content: unknown, page: Box): { items: TextItem[]; rules: Rule[] } {
  const items: TextItem[] = [];
  const rules: Rule[] = [];
  const stack: unknown[] = [content];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (Array.isArray(node)) {
      for (let k = node.length - 1; k >= 0; k--) stack.push(node[k]);
      continue;
    }
    if (!isNode(node)) continue;
    const later: unknown[] = [];
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith("@_") || key === "#text") continue;
      if (key === "TextObject") {
        for (const object of asArray(value)) textObject(object, page, items);
      } else if (key === "PathObject") {
        for (const object of asArray(value)) pathObject(object, page, rules);
      } else later.push(value);
    }
    for (let k = later.length - 1; k >= 0; k--) stack.push(later[k]);
  }
  return { items, rules };
}

/** The straight segments of a PathObject's AbbreviatedData (M/S move, L line, C close). */
function pathObject(object: unknown, page: Box, rules: Rule[]): void {
  const bound = box(attr(object, "Boundary"));
  if (bound === null || rules.length >= MAX_RULES) return;
  const ctm = numbers(attr(object, "CTM"));
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = ctm.length === 6 ? ctm : [];
  const toPage = (x: number, y: number): [number, number] => [
    (bound.x + a * x + c * y + e - page.x) * PT_PER_MM,
    (page.y + page.h - (bound.y + b * x + d * y + f)) * PT_PER_MM,
  ];
  const tokens = text(child(object, "AbbreviatedData")).trim().split(/\s+/).filter(Boolean);
  let current: [number, number] | null = null;
  let start: [number, number] | null = null;
  for (let k = 0; k < tokens.length && rules.length < MAX_RULES; ) {
    const op = tokens[k] ?? "";
    const n = PATH_ARITY[op];
    if (n === undefined) return; // not the abbreviated syntax: no rules from this path
    const args = tokens.slice(k + 1, k + 1 + n).map(Number.parseFloat);
    k += 1 + n;
    if (args.length < n || !args.every(Number.isFinite)) return;
    const end: [number, number] | null =
      n === 0 ? start : toPage(args[n - 2] ?? 0, args[n - 1] ?? 0);
    if ((op === "L" || op === "C") && current !== null && end !== null) {
      rules.push({ x1: current[0], y1: current[1], x2: end[0], y2: end[1] });
    }
    if (op === "M" || op === "S") start = end;
    current = end;
  }
}

/** One TextObject's runs: glyphs placed by X/Y and DeltaX/DeltaY, split where the baseline moves. */
function textObject(object: unknown, page: Box, items: TextItem[]): void {
  const bound = box(attr(object, "Boundary"));
  if (bound === null) return;
  const size = Number.parseFloat(attr(object, "Size"));
  if (!(size > 0)) return;
  const ctm = numbers(attr(object, "CTM"));
  const [a, b, c, d, e, f] = ctm.length === 6 ? ctm : [1, 0, 0, 1, 0, 0];
  const scale = Math.sqrt(Math.abs((a ?? 1) * (d ?? 1) - (b ?? 0) * (c ?? 0))) || 1;
  const place = (x: number, y: number): [number, number] => [
    bound.x + (a ?? 1) * x + (c ?? 0) * y + (e ?? 0),
    bound.y + (b ?? 0) * x + (d ?? 1) * y + (f ?? 0),
  ];
  let x = 0;
  let y = 0;
  for (const code of asArray(child(object, "TextCode"))) {
    const glyphs = Array.from(text(code));
    const xAttr = Number.parseFloat(attr(code, "X"));
    const yAttr = Number.parseFloat(attr(code, "Y"));
    if (Number.isFinite(xAttr)) x = xAttr;
    if (Number.isFinite(yAttr)) y = yAttr;
    const dx = deltas(attr(code, "DeltaX"), glyphs.length);
    const dy = deltas(attr(code, "DeltaY"), glyphs.length);
    let run = "";
    let runX = x;
    let runY = y;
    const flush = (end: number): void => {
      if (run.trim() !== "") {
        const [left, baseline] = place(runX, runY);
        const [right] = place(end, runY);
        items.push({
          str: run,
          x: (left - page.x) * PT_PER_MM,
          y: (page.y + page.h - baseline) * PT_PER_MM,
          width: Math.max(0, right - left) * PT_PER_MM,
          size: size * scale * PT_PER_MM,
        });
      }
      run = "";
    };
    glyphs.forEach((glyph, i) => {
      if (run === "") {
        runX = x;
        runY = y;
      }
      run += glyph;
      const advance = dx[i] ?? (NARROW.test(glyph) ? size / 2 : size);
      const rise = dy[i] ?? 0;
      if (i === glyphs.length - 1 || rise !== 0) {
        flush(x + (dx[i] === undefined || i === glyphs.length - 1 ? own(glyph, size) : advance));
      }
      x += advance;
      y += rise;
    });
  }
}

/** A glyph's own width, for the end of a run: its font size, or half of it for a narrow one. */
function own(glyph: string, size: number): number {
  return NARROW.test(glyph) ? size / 2 : size;
}

/**
 * DeltaX/DeltaY: numbers, with `g N v` standing for N times v; at most `max` of them (one per
 * glyph: a crafted `g 99999 1` repeated must not expand beyond the text it spaces).
 */
export function deltas(value: string, max = Number.POSITIVE_INFINITY): number[] {
  const tokens = value.trim().split(/\s+/).filter(Boolean);
  const out: number[] = [];
  for (let k = 0; k < tokens.length && out.length < max; k++) {
    if (tokens[k] === "g") {
      const count = Number.parseInt(tokens[k + 1] ?? "", 10);
      const step = Number.parseFloat(tokens[k + 2] ?? "");
      for (let n = 0; n < count && out.length < max && Number.isFinite(step); n++) out.push(step);
      k += 2;
    } else {
      const step = Number.parseFloat(tokens[k] ?? "");
      if (Number.isFinite(step)) out.push(step);
    }
  }
  return out;
}

function refuseEncryptedEntries(bytes: Uint8Array, file: string): void {
  let flags: number[];
  try {
    flags = readCentralDirectory(bytes).list.map((entry) => entry.flags);
  } catch {
    return; // the guard reports a damaged archive
  }
  if (flags.some((f) => (f & FLAG_ENCRYPTED) !== 0)) throw encrypted(file);
}

function encrypted(file: string): PlandiffError {
  return new PlandiffError(
    "encrypted",
    "the OFD package is encrypted; save an unencrypted copy",
    file,
  );
}

function corrupt(file: string, reason: string): PlandiffError {
  return new PlandiffError("corrupt", `not a readable OFD file: ${reason}`, file);
}

/** A location inside the package, relative to `dir` unless it starts with `/`. */
function resolve(dir: string, loc: string): string {
  const path = loc.replace(/\\/g, "/");
  const joined = path.startsWith("/") ? path : posix.join(dir, path);
  return posix.normalize(joined).replace(/^(\.\.\/|\/)+/, "");
}

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function child(node: unknown, name: string): unknown {
  return isNode(node) ? node[name] : undefined;
}

function asArray(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function attr(node: unknown, name: string): string {
  const value = child(node, `@_${name}`);
  return typeof value === "string" ? value : "";
}

/** An element's text: the element itself when it has no attributes, else its `#text`. */
function text(node: unknown): string {
  if (typeof node === "string") return node;
  const value = child(node, "#text");
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : "";
}

function numbers(value: string): number[] {
  return value.trim().split(/\s+/).filter(Boolean).map(Number.parseFloat).filter(Number.isFinite);
}

function box(value: unknown): Box | null {
  const parts = numbers(typeof value === "string" ? value : text(value));
  if (parts.length !== 4) return null;
  const [x = 0, y = 0, w = 0, h = 0] = parts;
  return { x, y, w, h };
}
