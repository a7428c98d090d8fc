import { fold } from "../../text/fold.js";
import { OUTLINE_START } from "../../text/patterns.js";

// Lines and paragraphs rebuilt from positioned text: shared by the readers of page formats (PDF,
// OFD). Positions are in points, y growing upwards (PDF's convention; the OFD reader converts).

/** Items whose baselines differ by at most this share of the font size sit on one line. */
const SAME_LINE_SHARE = 0.4;
/** A horizontal gap wider than this share of the font size between two items is a space. */
const SPACE_GAP_SHARE = 0.25;
/** A vertical gap this many times the usual line pitch separates paragraphs: a blank line. */
const PARAGRAPH_GAP = 1.8;
/** A line ending within this many font sizes of the right text edge wraps into the next line. */
const FULL_LINE_SLACK = 2.5;
/** …and spans at least this share of the page width (a page of short lines has no wrapping). */
const MIN_FULL_WIDTH = 0.5;
/** A line starting this many font sizes right of the left text edge starts a paragraph. */
const INDENT_SHARE = 1;
/** Running headers and footers are looked for among this many lines at each end of a page. */
const FURNITURE_DEPTH = 2;
/** A line repeated at one position on at least this share of the pages is a running header. */
const RUNNING_SHARE = 0.6;
/** …and on at least this many pages. */
const MIN_RUNNING_PAGES = 3;
/** Positions closer than this (in points) count as the same position. */
const POSITION_TOLERANCE = 3;

/** Page-number lines: "— 3 —", "- 3 -", "第3页", "第3页 共9页", "3/9". */
const PAGE_NUMBER = [
  /^[-—–－~〜]+\s*\d{1,4}\s*[-—–－~〜]+$/,
  /^第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$/,
  /^\d{1,4}\s*\/\s*\d{1,4}$/,
  /^(?:Page|P\.?)\s*\d{1,4}(?:\s*of\s*\d{1,4})?$/i,
];
const BARE_NUMBER = /^\d{1,4}$/;

/** CJK characters, CJK and full-width punctuation, and the curly quotes Chinese text uses. */
const CJK =
  "\\u2018-\\u201f\\u2e80-\\u303f\\u3040-\\u9fff\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uffef";
/** Spaces with CJK on one side and CJK or a digit on the other: "2018 年 6 月" → "2018年6月". */
const CJK_SPACE = new RegExp(
  `(?<=[${CJK}])[ \\u00a0\\u3000]+(?=[${CJK}0-9])|(?<=[0-9])[ \\u00a0\\u3000]+(?=[${CJK}])`,
  "g",
);

/** One text item of a page (a run of glyphs on one baseline), reduced to what line building needs. */
export interface TextItem {
  str: string;
  /** Left edge and baseline, in PDF points (y grows upwards). */
  x: number;
  y: number;
  width: number;
  /** Font size in points. */
  size: number;
}

/** A line rebuilt from a page's text items. */
export interface TextLine {
  text: string;
  /** Baseline (y grows upwards) and left edge of the line, in PDF points. */
  y: number;
  x: number;
  right: number;
  size: number;
}

/** One page's lines, top to bottom, and the page width for telling centred lines. */
export interface TextPage {
  width: number;
  lines: TextLine[];
}

/**
 * Groups a page's text items into lines: items whose baselines lie within a fraction of the font
 * size form one line, read left to right. Lines come out top to bottom.
 */
export function buildLines(items: readonly TextItem[]): TextLine[] {
  const sorted = [...items].sort((p, q) => q.y - p.y || p.x - q.x);
  const groups: TextItem[][] = [];
  let current: TextItem[] = [];
  let baseline = Number.NaN;
  for (const item of sorted) {
    const tolerance = Math.max(1, item.size * SAME_LINE_SHARE);
    if (current.length > 0 && Math.abs(item.y - baseline) <= tolerance) {
      current.push(item);
      continue;
    }
    if (current.length > 0) groups.push(current);
    current = [item];
    baseline = item.y;
  }
  if (current.length > 0) groups.push(current);

  const lines: TextLine[] = [];
  for (const group of groups) {
    group.sort((p, q) => p.x - q.x);
    let text = "";
    let end = Number.NEGATIVE_INFINITY;
    for (const item of group) {
      const gap = item.x - end;
      if (text !== "" && gap > item.size * SPACE_GAP_SHARE && !/\s$/.test(text)) text += " ";
      text += item.str;
      end = Math.max(end, item.x + item.width);
    }
    text = joinCjk(text.trim());
    if (text === "") continue;
    const first = group[0];
    lines.push({
      text,
      y: first?.y ?? 0,
      x: first?.x ?? 0,
      right: end,
      size: Math.max(...group.map((i) => i.size)),
    });
  }
  return lines;
}

/** Removes the spaces extraction leaves between CJK characters and between CJK and digits. */
export function joinCjk(line: string): string {
  return line.replace(CJK_SPACE, "");
}

/**
 * Drops page furniture — running headers and footers (the same text at the same height on most
 * pages, page numbers masked) and page numbers — and joins the pages' lines into one text. A line
 * that runs to the right text edge continues in the next one (also across pages) unless a
 * paragraph gap, an indent or an outline number ("22．") follows; paragraph gaps become blank lines.
 */
export function pagesToText(pages: readonly TextPage[]): string {
  const running = runningLines(pages);
  const out: string[] = [];
  /** The last line written fills the text width, so the paragraph goes on in the next line. */
  let open = false;
  for (const page of pages) {
    const pitch = medianPitch(page.lines);
    const kept = page.lines.filter(
      (line, i) => !running.has(furnitureKey(line)) && !isPageNumber(page, i),
    );
    const left = Math.min(...kept.map((l) => l.x));
    const right = Math.max(...kept.map((l) => l.right));
    let previous: TextLine | undefined;
    for (const line of kept) {
      const gap =
        previous !== undefined && pitch > 0 && previous.y - line.y > pitch * PARAGRAPH_GAP;
      const indented = line.x > left + line.size * INDENT_SHARE;
      const starts = OUTLINE_START.test(fold(line.text));
      if (open && !gap && !indented && !starts && out.length > 0) {
        out[out.length - 1] = joinWrapped(out.at(-1) ?? "", line.text);
      } else {
        if (gap) out.push("");
        out.push(line.text);
      }
      open =
        line.right >= right - line.size * FULL_LINE_SLACK &&
        line.right - left >= page.width * MIN_FULL_WIDTH;
      previous = line;
    }
  }
  return out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Joins a wrapped line to the next: no space when either side is CJK. */
function joinWrapped(head: string, tail: string): string {
  const last = head.at(-1) ?? "";
  const first = tail[0] ?? "";
  const cjk = new RegExp(`[${CJK}]`);
  return cjk.test(last) || cjk.test(first) ? head + tail : `${head} ${tail}`;
}

/** Keys of lines that repeat at the same height near the top or bottom of most pages. */
function runningLines(pages: readonly TextPage[]): Set<string> {
  const counts = new Map<string, number>();
  for (const page of pages) {
    const ends = new Set<string>();
    const n = page.lines.length;
    page.lines.forEach((line, i) => {
      if (i < FURNITURE_DEPTH || i >= n - FURNITURE_DEPTH) ends.add(furnitureKey(line));
    });
    for (const key of ends) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const needed = Math.max(MIN_RUNNING_PAGES, Math.ceil(pages.length * RUNNING_SHARE));
  const running = new Set<string>();
  for (const [key, count] of counts) if (count >= needed) running.add(key);
  return running;
}

/** Text with digits masked (page numbers vary), and the height rounded to a tolerance band. */
function furnitureKey(line: TextLine): string {
  return `${Math.round(line.y / POSITION_TOLERANCE)}|${line.text.replace(/\d+/g, "#")}`;
}

/**
 * A page number: a page-number pattern as the first or last line of the page, or a bare number as
 * the last line when it is centred or set well apart from the text above (not a table's 序号).
 */
function isPageNumber(page: TextPage, index: number): boolean {
  const line = page.lines[index];
  if (line === undefined) return false;
  const last = index === page.lines.length - 1;
  if (!last && index !== 0) return false;
  const text = line.text.replace(/\s+/g, " ").trim();
  if (PAGE_NUMBER.some((re) => re.test(text))) return true;
  if (!last || !BARE_NUMBER.test(text)) return false;
  const centre = (line.x + line.right) / 2;
  if (page.width > 0 && Math.abs(centre - page.width / 2) < page.width * 0.1) return true;
  const above = page.lines[index - 1];
  const pitch = medianPitch(page.lines);
  return above !== undefined && pitch > 0 && above.y - line.y > pitch * 2.5;
}

/** The usual distance between consecutive baselines on a page. */
function medianPitch(lines: readonly TextLine[]): number {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const gap = (lines[i - 1]?.y ?? 0) - (lines[i]?.y ?? 0);
    if (gap > 0) gaps.push(gap);
  }
  gaps.sort((p, q) => p - q);
  return gaps[Math.floor(gaps.length / 2)] ?? 0;
}
