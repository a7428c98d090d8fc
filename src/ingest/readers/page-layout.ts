import { fold } from "../../text/fold.js";
import { OUTLINE_START, startsHeading } from "../../text/patterns.js";

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
  /** A table row made by {@link gridRows}: a line of its own, never joined, never furniture. */
  block?: true;
}

/** A line rebuilt from a page's text items. */
export interface TextLine {
  text: string;
  /** Baseline (y grows upwards) and left edge of the line, in PDF points. */
  y: number;
  x: number;
  right: number;
  size: number;
  /** A table row (see {@link TextItem.block}). */
  block?: true;
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
      size: group.reduce((m, i) => Math.max(m, i.size), Number.NEGATIVE_INFINITY),
      ...(group.some((i) => i.block) ? { block: true as const } : {}),
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
 * paragraph gap, an indent, an outline number ("22．") or an unnumbered heading (专栏…, 保障措施)
 * follows; paragraph gaps become blank lines.
 */
export function pagesToText(pages: readonly TextPage[]): string {
  const running = runningLines(pages);
  const out: string[] = [];
  /** The last line written fills the text width, so the paragraph goes on in the next line. */
  let open = false;
  for (const page of pages) {
    const pitch = medianPitch(page.lines);
    const kept = page.lines.filter(
      (line, i) => line.block || (!running.has(furnitureKey(line)) && !isPageNumber(page, i)),
    );
    // Not Math.min(...lines): a crafted page of a million lines would overflow the call stack.
    const left = kept.reduce((m, l) => Math.min(m, l.x), Number.POSITIVE_INFINITY);
    const right = kept.reduce((m, l) => Math.max(m, l.right), Number.NEGATIVE_INFINITY);
    let previous: TextLine | undefined;
    for (const line of kept) {
      const gap =
        previous !== undefined &&
        !(previous.block && line.block) &&
        pitch > 0 &&
        previous.y - line.y > pitch * PARAGRAPH_GAP;
      const indented = line.x > left + line.size * INDENT_SHARE;
      const folded = fold(line.text);
      const starts = OUTLINE_START.test(folded) || startsHeading(folded);
      if (open && !gap && !indented && !starts && !line.block && out.length > 0) {
        out[out.length - 1] = joinWrapped(out.at(-1) ?? "", line.text);
      } else {
        if (gap) out.push("");
        out.push(line.text);
      }
      open =
        !line.block &&
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

/**
 * Joins a wrapped line to the next: no space when either side is CJK, or after a hyphen (a line
 * broken after the hyphen of 2018-2022).
 */
export function joinWrapped(head: string, tail: string): string {
  const last = head.at(-1) ?? "";
  const first = tail[0] ?? "";
  const cjk = new RegExp(`[${CJK}]`);
  return cjk.test(last) || cjk.test(first) || last === "-" ? head + tail : `${head} ${tail}`;
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

/** A straight ruling line of a page (a table border), in points, y growing upwards. */
export interface Rule {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Ruling lines kept per page: a table needs a few hundred; a drawing may hold many more. */
export const MAX_RULES = 20_000;

/** Rules this close (in points) to horizontal or vertical count as such; shorter ones are dropped. */
const RULE_SLANT = 1;
const MIN_RULE = 5;
/** Items × borders tested per page at most (a real page: a few hundred × a few hundred). */
const MAX_GRID_WORK = 50_000_000;
/** Border positions closer than this (points) are one border (double lines, thin rectangles). */
const BORDER_MERGE = 2;

/**
 * Rebuilds ruled tables: a text item that lies inside a box of ruling lines is a cell's text;
 * boxes with the same top border form a row when there are two or more of them, and the row
 * becomes one item `| a | b |` (cells split by the vertical borders that cross the row, so empty
 * cells keep their place; a cell's lines joined as wrapped lines are) marked as a block. Items
 * outside any row are returned as they were. Boxes of one cell (a framed paragraph) stay text.
 */
export function gridRows(items: readonly TextItem[], rules: readonly Rule[]): TextItem[] {
  const verticals = rules
    .filter((r) => Math.abs(r.x1 - r.x2) <= RULE_SLANT && Math.abs(r.y1 - r.y2) >= MIN_RULE)
    .map((r) => ({ at: (r.x1 + r.x2) / 2, from: Math.min(r.y1, r.y2), to: Math.max(r.y1, r.y2) }));
  const horizontals = rules
    .filter((r) => Math.abs(r.y1 - r.y2) <= RULE_SLANT && Math.abs(r.x1 - r.x2) >= MIN_RULE)
    .map((r) => ({ at: (r.y1 + r.y2) / 2, from: Math.min(r.x1, r.x2), to: Math.max(r.x1, r.x2) }));
  if (verticals.length < 2 || horizontals.length < 2) return [...items];
  // Every item is tested against every border: a crafted page of both by the million reads as text.
  if (items.length * (verticals.length + horizontals.length) > MAX_GRID_WORK) return [...items];
  const tol = BORDER_MERGE;

  /** The box around a point: the nearest borders on each side that pass it. */
  const boxAt = (x: number, y: number) => {
    let left = Number.NEGATIVE_INFINITY;
    let right = Number.POSITIVE_INFINITY;
    for (const v of verticals) {
      if (y < v.from - tol || y > v.to + tol) continue;
      if (v.at <= x && v.at > left) left = v.at;
      if (v.at >= x && v.at < right) right = v.at;
    }
    let top = Number.POSITIVE_INFINITY;
    let bottom = Number.NEGATIVE_INFINITY;
    for (const h of horizontals) {
      if (x < h.from - tol || x > h.to + tol) continue;
      if (h.at >= y && h.at < top) top = h.at;
      if (h.at <= y && h.at > bottom) bottom = h.at;
    }
    const closed = [left, right, top, bottom].every(Number.isFinite);
    return closed ? { left, right, top, bottom } : null;
  };

  type Box = NonNullable<ReturnType<typeof boxAt>>;
  const rows = new Map<
    number,
    { top: number; bottom: number; left: number; right: number; items: TextItem[] }
  >();
  const boxes = new Map<TextItem, Box>();
  for (const item of items) {
    // A point inside the item's first glyph.
    const box = boxAt(item.x + Math.min(item.size, item.width) / 2, item.y + item.size * 0.3);
    if (box === null) continue;
    boxes.set(item, box);
    const key = Math.round(box.top / tol);
    const row = rows.get(key) ?? { ...box, items: [] };
    row.left = Math.min(row.left, box.left);
    row.right = Math.max(row.right, box.right);
    row.bottom = Math.max(row.bottom, box.bottom);
    row.items.push(item);
    rows.set(key, row);
  }

  const out: TextItem[] = [];
  const inRows = new Set<TextItem>();
  for (const row of rows.values()) {
    const mid = (row.top + row.bottom) / 2;
    // The row spans its top border (drawn whole or cell by cell), so that empty cells at either
    // end keep their place.
    for (let grown = true; grown; ) {
      grown = false;
      for (const h of horizontals) {
        if (Math.abs(h.at - row.top) > tol || h.to < row.left - tol || h.from > row.right + tol) {
          continue;
        }
        if (h.from < row.left || h.to > row.right) grown = true;
        row.left = Math.min(row.left, h.from);
        row.right = Math.max(row.right, h.to);
      }
    }
    const borders = verticals
      .filter((v) => mid >= v.from - tol && mid <= v.to + tol)
      .map((v) => v.at)
      .filter((x) => x >= row.left - tol && x <= row.right + tol)
      .sort((p, q) => p - q)
      .filter((x, k, all) => k === 0 || x - (all[k - 1] ?? x) > tol);
    if (borders.length < 3) continue; // one box: a framed paragraph, not a row
    const cells: string[] = [];
    for (let k = 0; k + 1 < borders.length; k++) {
      const from = borders[k] ?? 0;
      const to = borders[k + 1] ?? 0;
      const inside = row.items.filter((item) => {
        const x = item.x + Math.min(item.size, item.width) / 2;
        return x > from && x < to;
      });
      const text = buildLines(inside)
        .map((line) => line.text)
        .reduce((head, tail) => (head === "" ? tail : joinWrapped(head, tail)), "");
      cells.push(text.replace(/\|/g, "/").replace(/\s+/g, " ").trim());
    }
    if (cells.every((c) => c === "")) continue;
    for (const item of row.items) inRows.add(item);
    const first = buildLines(row.items)[0];
    out.push({
      str: `| ${cells.join(" | ")} |`,
      x: row.left,
      y: first?.y ?? mid,
      width: row.right - row.left,
      size: first?.size ?? 10,
      block: true,
    });
  }
  for (const item of items) if (!inRows.has(item)) out.push(item);
  return out;
}
