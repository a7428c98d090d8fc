import type { Line } from "../model/source.js";

/** A heading sentence is short: 「强化标准引领。」 has 6 characters, a lead sentence far more. */
const MAX_HEADING = 30;
const MIN_HEADING = 2;

/**
 * The length of the heading sentence a paragraph opens with (「强化标准引领。」 → 6), or null when
 * the paragraph does not open with one: the first sentence is long, holds a comma, semicolon or
 * colon, or the line is a dash bullet (——坚持…).
 */
export function headingLength(norm: string): number | null {
  const text = norm.trimStart();
  if (/^[-—–]/.test(text)) return null;
  const end = text.indexOf("。");
  if (end < MIN_HEADING || end > MAX_HEADING) return null;
  const heading = text.slice(0, end);
  if (/[,;:，；：!?]/.test(heading)) return null;
  // A sentence that is only a date or a figure is not a heading (2020年底前完成。).
  if (/^\d/.test(heading)) return null;
  return end;
}

/** Punctuation a paragraph ends with; a line after anything else continues a broken sentence. */
const PARAGRAPH_END = /[。；;！!？?：:)）"”]$/;

/**
 * The headed paragraphs among a node's unnumbered lines: those opening with a heading sentence
 * right after a finished paragraph (a line broken at a page end does not open a paragraph).
 */
export function headedLines(head: Line, content: Line[]): number[] {
  const out: number[] = [];
  let previous = head.norm.trim();
  content.forEach((line, i) => {
    if (
      headingLength(line.norm) !== null &&
      (previous === "" || PARAGRAPH_END.test(previous) || i === 0)
    ) {
      out.push(i);
    }
    previous = line.norm.trim();
  });
  return out;
}
