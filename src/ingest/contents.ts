import type { Line } from "../model/source.js";
import { structureLexicon } from "../text/lexicons.js";
import { isPipeRow, OUTLINE_START } from "../text/patterns.js";

/**
 * What text extracted from a PDF carries besides the document: a table of contents at the start
 * (目录, then entries with dot leaders ……… or ..... and page numbers) and page numbers between the
 * paragraphs (- 3 -, 3/12, or a number alone on its line). Lines are folded and cleaned (no spaces
 * inside Chinese text) when these are asked.
 */

/** A run of at least four leader characters (…, ⋯, ., ·, _), single spaces allowed between. */
const LEADER = String.raw`(?:[…⋯.·・_](?:\s?[…⋯.·・_]){3,})`;
/** A page number at the end of a contents entry: 12, (12). */
const PAGE = String.raw`(?:\(\d{1,4}\)|\d{1,4})`;
/** An entry with dot leaders: 一、总体要求……………1, 嘉兴市…通知 ..... (1), or the leaders alone. */
const LEADER_ENTRY = new RegExp(`${LEADER}\\s*${PAGE}$`);
/** An entry without leaders: a short heading followed by its page number (一、总体要求 3). */
const PAGED_ENTRY = /^[^。;]{2,60}?[^\d\s.\-/年月日号个项%]\s?\(?\d{1,3}\)?$/;
/** A contents entry is short: a heading and its page number. */
const MAX_ENTRY = 80;
/** Lines of a wrapped title (or a group label: 【市政府文件】) allowed between two entries. */
const MAX_WRAPPED = 2;
/** A run of entries without leaders must be at least this long to be taken for a contents. */
const MIN_PAGED_ENTRIES = 3;

/** Page numbers on a line of their own, beside the ones normalize-text drops (- 3 -, 第3页). */
const PAGE_NUMBER = [/^\d{1,4}\s?\/\s?\d{1,4}$/, /^共\d+页第\d+页$/, /^page\s?\d+(\s?of\s?\d+)?$/i];
/** A number alone on its line: a page number when it stands between paragraphs. */
const LONE_NUMBER = /^\d{1,3}$/;
/** Paragraph text around a lone page number is at least this long (a table cell is shorter). */
const MIN_PARAGRAPH = 10;
/** A table laid out one cell per line starts at its 序号 header and ends at the closing block. */
const TABLE_LABEL_HEADER = /^(?:序号|编号)$/;
const TABLE_END = /^(?:抄送|注\s*:|附件)/;

/** A line that is only a page number in one of the shapes PDF extraction leaves (3/12, 共12页第3页). */
export function isPageNumberLine(norm: string): boolean {
  return PAGE_NUMBER.some((re) => re.test(norm));
}

/** Drops a table of contents, contents entries with dot leaders, and lone page numbers. */
export function dropContentsAndPageNumbers(lines: Line[]): Line[] {
  const drop = new Set<number>();
  markContents(lines, drop);
  lines.forEach((line, i) => {
    if (isLeaderEntry(line.norm) || isLonePageNumber(lines, i)) drop.add(i);
  });
  return lines.filter((_, i) => !drop.has(i));
}

function isLeaderEntry(norm: string): boolean {
  return norm.length <= MAX_ENTRY && !norm.includes("。") && LEADER_ENTRY.test(norm);
}

function isPagedEntry(norm: string): boolean {
  return norm.length <= MAX_ENTRY && PAGED_ENTRY.test(norm);
}

/**
 * A contents heading (目录) followed by its entries: entries with leaders, or at least three
 * headings ending in a page number, with at most two wrapped lines between two entries.
 */
function markContents(lines: Line[], drop: Set<number>): void {
  const { tocHeadings } = structureLexicon();
  lines.forEach((line, start) => {
    if (!tocHeadings.includes(line.norm.replace(/\s/g, ""))) return;
    let last = start;
    let leaders = 0;
    let paged = 0;
    for (let i = start + 1; i < lines.length && i - last <= MAX_WRAPPED + 1; i++) {
      const norm = (lines[i] as Line).norm;
      if (isLeaderEntry(norm)) leaders++;
      else if (isPagedEntry(norm)) paged++;
      else if (norm.length > MAX_ENTRY || norm.includes("。")) break;
      else continue;
      last = i;
    }
    if (leaders === 0 && paged < MIN_PAGED_ENTRIES) return;
    for (let i = start; i <= last; i++) drop.add(i);
  });
}

/** A number alone between two paragraphs (not a cell of a table laid out one cell per line). */
function isLonePageNumber(lines: Line[], i: number): boolean {
  const line = lines[i] as Line;
  if (line.cell || !LONE_NUMBER.test(line.norm) || inCellTable(lines, i)) return false;
  const prev = lines[i - 1];
  const next = lines[i + 1];
  if (!prev || !next || prev.cell || next.cell) return false;
  const prose = (l: Line) =>
    !LONE_NUMBER.test(l.norm) && !isPipeRow(l.norm) && l.norm.length >= MIN_PARAGRAPH;
  return (
    (prose(prev) || /[。;]$/.test(prev.norm)) && (prose(next) || OUTLINE_START.test(next.norm))
  );
}

function inCellTable(lines: Line[], i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    const norm = (lines[k] as Line).norm;
    if (TABLE_END.test(norm)) return false;
    if (TABLE_LABEL_HEADER.test(norm)) return true;
  }
  return false;
}
