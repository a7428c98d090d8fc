import type { Line } from "../model/source.js";
import type { NormalizeText } from "../model/stages.js";
import { fold } from "../text/fold.js";
import {
  DATE_ONLY,
  isDocNumberLine,
  isPipeRow,
  OUTLINE_START,
  PRINTED_DATE,
} from "../text/patterns.js";
import { dropContentsAndPageNumbers, isPageNumberLine } from "./contents.js";

/** Page furniture left by extraction: page numbers, Word field codes. */
const PAGE_FURNITURE = [/^-\s*\d+\s*-$/, /^PAGE\s*\d*$/i, /^第\s*\d+\s*页(\s*共\s*\d+\s*页)?$/];
/** Lines that start a new unit even without an outline number. */
const BLOCK_START = /^(?:--|【|附件|抄送|注:|(?:牵头|责任|配合|协办|主办|参与)(?:单位|部门)\s*:)/;
const TERMINAL = /[。;!?:)\]]$/;
const OPEN_END = /[、,(“《‘]$/;
const CONTINUATION_START = /^[,、。;:)\]”》’]/;
const ORG_ONLY =
  /^[\u4e00-\u9fa5]{2,24}(?:人民政府|政府|办公室|办公厅|委员会|文件|党组|党委)(?:文件)?$/;
const DOC_TYPE_END = /(?:通知|方案|意见|计划|要点|决定|办法|规则|规划|纲要|细则|批复|报告)$/;
const MIN_BROKEN_LENGTH = 20;
const PIPE_ROW_START = /^\|?\s*(?:\d{1,3}|序号)\s*\|/;
const TABLE_LABEL_HEADER = /^(?:序号|编号)$/;
const TABLE_END = /^(?:抄送|注\s*:|附件)/;
const MAX_HEADING_LENGTH = 40;

/**
 * Decoded text → normalised lines: stray spaces removed, blank lines and page furniture dropped,
 * a table of contents and page numbers of PDF text dropped (contents.ts), sentences broken across
 * lines (often with a blank line between, "定准\n\n确") joined again.
 */
export const normalizeText: NormalizeText = (text) => {
  const cleaned: Line[] = [];
  // Every line terminator counts: Word's manual line break (\v), form feed, U+0085, U+2028, U+2029.
  const rawLines = text.replace(/^\uFEFF/, "").split(/\r\n|[\r\n\v\f\u0085\u2028\u2029]/);
  rawLines.forEach((raw, i) => {
    const cell = /^\t/.test(raw);
    if (isPageFurniture(fold(raw.trim()))) return;
    const display = cleanLine(raw);
    if (display === "") return;
    const norm = fold(display);
    if (isPageFurniture(norm)) return;
    cleaned.push({ line: i + 1, text: display, norm, cell });
  });
  return joinBrokenLines(dropContentsAndPageNumbers(cleaned));
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

function joinBrokenLines(lines: Line[]): Line[] {
  const out: Line[] = [];
  let inCellTable = false;
  for (const line of lines) {
    // A table laid out one cell per line without its tab indentation (from PDF or Word): from its
    // 序号 header on, every line is a cell, until the closing block.
    if (TABLE_LABEL_HEADER.test(line.norm)) inCellTable = true;
    else if (TABLE_END.test(line.norm)) inCellTable = false;
    if (inCellTable) {
      out.push({ ...line, cell: true });
      continue;
    }
    const prev = out[out.length - 1];
    if (prev && continuesInto(prev, line)) {
      out[out.length - 1] = {
        line: prev.line,
        text: prev.text + line.text,
        norm: prev.norm + line.norm,
        cell: false,
      };
    } else {
      out.push({ ...line });
    }
  }
  return out;
}

/** Whether `next` is the rest of a sentence that `prev` broke off. */
function continuesInto(prev: Line, next: Line): boolean {
  if (prev.cell || next.cell) return false;
  const a = prev.norm;
  const b = next.norm;
  // A pipe row whose closing pipe went to the next line (a PDF wraps long rows).
  if (isPipeRow(a) && !a.trimEnd().endsWith("|")) return !PIPE_ROW_START.test(b) && !isPipeRow(b);
  if (TERMINAL.test(a) || isPipeRow(a) || isPipeRow(b)) return false;
  if (OUTLINE_START.test(b) || BLOCK_START.test(b)) return false;
  if (isHeaderLine(a) || isHeaderLine(b) || DOC_TYPE_END.test(a)) return false;
  const isOpen = hasUnclosedPair(a) || OPEN_END.test(a) || CONTINUATION_START.test(b);
  // A heading without a sentence of its own (二、深入实施创新驱动) ends at its line.
  if (OUTLINE_START.test(a) && !a.includes("。") && a.length < MAX_HEADING_LENGTH) return isOpen;
  return a.length >= MIN_BROKEN_LENGTH || isOpen;
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
