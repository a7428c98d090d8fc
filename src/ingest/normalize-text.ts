import type { Line, LineRepair } from "../model/source.js";
import type { NormalizeText } from "../model/stages.js";
import { fold } from "../text/fold.js";
import {
  DATE_ONLY,
  isDocNumberLine,
  isPipeRow,
  OUTLINE_START,
  PRINTED_DATE,
  startsBlock,
} from "../text/patterns.js";
import { dropContentsAndPageNumbers, isPageNumberLine } from "./contents.js";
import { repairHead } from "./head-lines.js";
import { markdownBreaks, unmarkLine } from "./markdown.js";
import { dropPageInfo } from "./page-info.js";
import { splitRunTogether, wrapWidth } from "./reflow.js";
import { tabRowsToPipes } from "./tab-rows.js";

/** Page furniture left by extraction: page numbers, Word field codes. */
const PAGE_FURNITURE = [/^-\s*\d+\s*-$/, /^PAGE\s*\d*$/i, /^第\s*\d+\s*页(\s*共\s*\d+\s*页)?$/];
const TERMINAL = /[。;!?:)\]]$/;
const OPEN_END = /[、,(“《‘]$/;
const CONTINUATION_START = /^[,、。;:)\]”》’]/;
const ORG_ONLY =
  /^[\u4e00-\u9fa5]{2,24}(?:人民政府|政府|办公室|办公厅|委员会|文件|党组|党委)(?:文件)?$/;
// A title ends a line, in the 《》 a page may print it in too (《…的通知》).
const DOC_TYPE_END = /(?:通知|方案|意见|计划|要点|决定|办法|规则|规划|纲要|细则|批复|报告)》?$/;
const MIN_BROKEN_LENGTH = 20;
const PIPE_ROW_START = /^\|?\s*(?:\d{1,3}|序号)\s*\|/;
const TABLE_LABEL_HEADER = /^(?:序号|编号)$/;
const TABLE_END = /^(?:抄送|注\s*:|附件)/;
const MAX_HEADING_LENGTH = 40;

/**
 * Decoded text → normalised lines: Markdown marks removed (markdown.ts), run-together text split
 * at its outline markers (reflow.ts), stray spaces removed, blank lines and page furniture
 * dropped, a table of contents and page numbers of PDF text dropped (contents.ts), sentences
 * broken across lines (often with a blank line between, "定准\n\n确", or by a hard wrap) joined
 * again.
 */
export const normalizeText: NormalizeText = (text) => {
  const cleaned: Line[] = [];
  const printed = new Map<number, number>();
  // Every line terminator counts: Word's manual line break (\v), form feed, U+0085, U+2028, U+2029.
  const written = tabRowsToPipes(
    markdownBreaks(text.replace(/^\uFEFF/, "")).split(/\r\n|[\r\n\v\f\u0085\u2028\u2029]/),
  );
  const rawLines = written.map(unmarkLine);
  for (const { text: raw, from, split } of splitRunTogether(rawLines)) {
    const cell = /^\t/.test(raw);
    if (isPageFurniture(fold(raw.trim()))) continue;
    const display = cleanLine(raw);
    if (display === "") continue;
    const norm = fold(display);
    if (isPageFurniture(norm)) continue;
    const repairs: LineRepair[] = [];
    if (split) repairs.push("split");
    if (rawLines[from] !== written[from]) repairs.push("unmarked");
    const line: Line = { line: from + 1, text: display, norm, cell };
    if (repairs.length > 0) line.repairs = repairs;
    cleaned.push(line);
    // A wrap counts the indent and spaces that cleaning removes.
    printed.set(line.line, Math.max(printed.get(line.line) ?? 0, raw.trimEnd().length));
  }
  const width = wrapWidth([...printed.values()]);
  const wrap = width === null ? null : { width, printed };
  return joinBrokenLines(repairHead(dropContentsAndPageNumbers(dropPageInfo(cleaned))), wrap);
};

function isPageFurniture(norm: string): boolean {
  return PAGE_FURNITURE.some((re) => re.test(norm)) || isPageNumberLine(norm);
}

/** Removes zero-width characters, list bullets and spaces that extraction put inside Chinese text. */
export function cleanLine(raw: string): string {
  let s = raw.replace(/[\u200B-\u200D\uFEFF]/g, "");
  s = s.replace(/^[\s\u3000]*[-*•]\s+/, "");
  // Keep a space only between two ASCII characters ("PM 2.5" stays, "2018 年" → "2018年").
  // Any other white space (\s: tab, NBSP, U+2000–U+200A, U+202F, U+205F, U+3000 …) counts as a space.
  s = s.replace(/\s+/g, (run, offset: number, whole: string) => {
    const before = whole[offset - 1];
    const after = whole[offset + run.length];
    if (before === undefined || after === undefined) return "";
    return isAsciiWord(before) && isAsciiWord(after) ? " " : "";
  });
  return s;
}

function isAsciiWord(ch: string): boolean {
  return /[A-Za-z0-9%.,;:'"+&/-]/.test(ch);
}

/** A hard wrap: its width and the printed length of each source line. */
interface Wrap {
  width: number;
  printed: Map<number, number>;
}

function joinBrokenLines(lines: Line[], wrap: Wrap | null): Line[] {
  const out: Line[] = [];
  let inCellTable = false;
  // The source line the last output line ends with (a joined line ends with its last piece).
  let lastLine = 0;
  for (const line of lines) {
    // A table laid out one cell per line without its tab indentation (from PDF or Word): from its
    // 序号 header on, every line is a cell, until the closing block.
    if (TABLE_LABEL_HEADER.test(line.norm)) inCellTable = true;
    else if (TABLE_END.test(line.norm)) inCellTable = false;
    if (inCellTable) {
      out.push({ ...line, cell: true });
      lastLine = line.line;
      continue;
    }
    const prev = out[out.length - 1];
    const continues = prev !== undefined && continuesInto(prev, line);
    const wrapped = prev !== undefined && !continues && wrappedInto(prev, lastLine, line, wrap);
    if (prev && (continues || wrapped)) {
      const repairs = new Set([...(prev.repairs ?? []), ...(line.repairs ?? [])]);
      if (wrapped) repairs.add("unwrapped");
      out[out.length - 1] = {
        line: prev.line,
        text: prev.text + line.text,
        norm: prev.norm + line.norm,
        cell: false,
        ...(repairs.size > 0 ? { repairs: [...repairs].sort() } : {}),
      };
    } else {
      out.push({ ...line });
    }
    lastLine = line.line;
  }
  return out;
}

/** Whether `next` is the rest of a sentence that `prev` broke off. */
function continuesInto(prev: Line, next: Line): boolean {
  if (prev.cell || next.cell) return false;
  const a = prev.norm;
  const b = next.norm;
  // A pipe row whose closing pipe went to the next line (a PDF wraps long rows). Only a line that
  // opens like a row: a site's bar (首页 | 政务公开 | 繁體) is no row and must not swallow the text.
  if (isPipeRow(a) && !a.trimEnd().endsWith("|") && (a.startsWith("|") || PIPE_ROW_START.test(a)))
    return !PIPE_ROW_START.test(b) && !isPipeRow(b);
  if (TERMINAL.test(a) || isPipeRow(a) || isPipeRow(b)) return false;
  if (OUTLINE_START.test(b) || startsBlock(b)) return false;
  if (isHeaderLine(a) || isHeaderLine(b) || DOC_TYPE_END.test(a)) return false;
  const isOpen = hasUnclosedPair(a) || OPEN_END.test(a) || CONTINUATION_START.test(b);
  // A heading without a sentence of its own (二、深入实施创新驱动) ends at its line.
  if (OUTLINE_START.test(a) && !a.includes("。") && a.length < MAX_HEADING_LENGTH) return isOpen;
  return a.length >= MIN_BROKEN_LENGTH || isOpen;
}

/**
 * Whether `next` goes on a paragraph a hard wrap cut (`prev` ends with source line `prevEnd`,
 * printed as long as the wrap width, see reflow.ts): a full line is not where its writer ended a
 * paragraph or a heading, even when it happens to end a sentence or starts with an outline number.
 */
function wrappedInto(prev: Line, prevEnd: number, next: Line, wrap: Wrap | null): boolean {
  if (wrap === null || prev.cell || next.cell) return false;
  if ((wrap.printed.get(prevEnd) ?? 0) < wrap.width - 1) return false;
  const a = prev.norm;
  const b = next.norm;
  if (isPipeRow(a) || isPipeRow(b)) return false;
  if (continuesInlineList(a, b)) return true;
  // A sentence ended (…负责）), then ②: the next item of a list on lines of its own.
  if (/[。)]$/.test(a) && /^[①-⑳]/.test(b)) return false;
  // A wrapped piece may end a sentence with a colon (…职责如下：); an addressee (各…：) stands alone.
  const alone = isHeaderLine(b) && !(/:$/.test(b) && !/^各/.test(b));
  return !OUTLINE_START.test(b) && !startsBlock(b) && !isHeaderLine(a) && !alone;
}

/**
 * (3) at the start of a line after a line that holds (2) inside its text (…平台：(1)…;(2)…;): the
 * wrap fell between the items of a list inside one paragraph, which goes on.
 */
function continuesInlineList(a: string, b: string): boolean {
  const m = /^\((\d{1,2})\)/.exec(b);
  return m !== null && Number(m[1]) >= 2 && a.lastIndexOf(`(${Number(m[1]) - 1})`) > 0;
}

/** Lines of a document's head and tail that stand alone: 文号, dates, mastheads, addressees. */
function isHeaderLine(norm: string): boolean {
  return (
    isDocNumberLine(norm) ||
    DATE_ONLY.test(norm) ||
    PRINTED_DATE.test(norm) ||
    ORG_ONLY.test(norm) ||
    /^\(此件.*\)$/.test(norm) ||
    (/目录$/.test(norm) && norm.length <= 40) ||
    (/:$/.test(norm) && norm.length < 80)
  );
}

function hasUnclosedPair(s: string): boolean {
  const count = (re: RegExp) => s.match(re)?.length ?? 0;
  return count(/“/g) > count(/”/g) || count(/《/g) > count(/》/g) || count(/\(/g) > count(/\)/g);
}
