import type { OutlineMarker, OutlineStyle } from "../model/document.js";
import type { Line } from "../model/source.js";
import { structureLexicon } from "../text/lexicons.js";
import { isNumeral } from "../text/numerals.js";
import {
  arabicMarker,
  decimalMarker,
  isBarePartHeading,
  labelledItemMarker,
  labelledPartMarker,
  parenArabicMarker,
} from "../text/patterns.js";
import { headingLength } from "./headed.js";

/** A node of the document outline with the lines it holds. */
export interface OutlineNode {
  style: OutlineStyle;
  /** The number as printed ("四", "12"); "" for a headed paragraph. */
  label: string;
  /** The heading line (marker removed), display and folded. */
  head: Line;
  /** The heading as printed, marker included ("（二）加强组织建设"), up to the first 。. */
  printed: string;
  /** Unnumbered lines that follow the heading, before the first child. */
  content: Line[];
  children: OutlineNode[];
  /** The label was missing in the source and restored because the next sibling is its second. */
  inferred: boolean;
}

const CN = "一二三四五六七八九十百零";
const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";
/** Numbering styles by nesting rank: 一、 > （一） > 1. > 1.1 > （1） > ①. */
type Marker = {
  marker: OutlineMarker | "circled" | "half-paren" | "chapter" | "part";
  rank: number;
  re: RegExp;
};
const MARKERS: Marker[] = [
  // A plan (规划) in chapters: 第三章 主要任务 above its 一、 or （一） items; chapters in 节.
  { marker: "chapter", rank: 0, re: new RegExp(`^第([${CN}\\d]+)章\\s*`) },
  // 第一部分 总体要求 / 第二部分 重点任务: parts above 一、 or （一）, read as chapters are (the label
  // keeps 第…部分, so that it prints as it is).
  { marker: "chapter", rank: 0, re: new RegExp(`^(第[${CN}\\d]+部分)\\s*`) },
  { marker: "part", rank: 0.5, re: new RegExp(`^第([${CN}\\d]+)节\\s*`) },
  { marker: "chinese", rank: 1, re: new RegExp(`^([${CN}]+)[、.]\\s*`) },
  { marker: "paren-chinese", rank: 2, re: new RegExp(`^\\(([${CN}]+)\\)\\s*`) },
  { marker: "arabic", rank: 3, re: new RegExp(`^${arabicMarker(true)}\\s*`) },
  // 1.1 under 一、 or 1.; 1.1.1 under 1.1 (matchMarker deepens the rank by the number of dots).
  { marker: "decimal", rank: 3.5, re: new RegExp(`^${decimalMarker(true)}\\s*`) },
  { marker: "paren-arabic", rank: 4, re: new RegExp(`^${parenArabicMarker(true)}\\s*`) },
  { marker: "half-paren", rank: 4.5, re: /^(\d{1,2})\)(?!\d)\s*/ },
  { marker: "circled", rank: 5, re: new RegExp(`^([${CIRCLED}])\\s*`) },
];

let withLabelled: Marker[] | undefined;

/**
 * The styles with the labelled ones of the structure lexicon: 行动一：… opens a part as 第一部分
 * does (its label keeps the word, so that it prints as it is); 任务1：… numbers an item as 1. does.
 */
function markers(): Marker[] {
  if (!withLabelled) {
    withLabelled = [
      { marker: "chapter", rank: 0, re: new RegExp(`^${labelledPartMarker(true)}\\s*`) },
      ...MARKERS,
      { marker: "arabic", rank: 3, re: new RegExp(`^${labelledItemMarker(true)}\\s*`) },
    ];
  }
  return withLabelled;
}

/** The rank of a numbered style (1 for 一、 … 5 for ①). */
export function rankOf(style: OutlineStyle): number {
  return markers().find((m) => m.marker === style)?.rank ?? 0;
}

/** Recognises an outline marker at the start of a folded line. */
export function matchMarker(norm: string): {
  marker: OutlineMarker | "circled" | "half-paren" | "chapter" | "part";
  rank: number;
  label: string;
  length: number;
} | null {
  for (const { marker, rank, re } of markers()) {
    const m = re.exec(norm);
    // The label is the first group that matched (the arabic patterns have one per number size).
    if (!m) continue;
    const label = (m[1] ?? m[2]) as string;
    // 1.1.1 sits below 1.1: one more dot, a little deeper.
    const depth = marker === "decimal" ? (label.match(/\./g)?.length ?? 1) - 1 : 0;
    return { marker, rank: rank + depth * 0.1, label, length: m[0].length };
  }
  return null;
}

/** The first label of each style, and the second (the sibling that proves a lost first). */
const FIRST: Record<string, [string, string]> = {
  chinese: ["一", "二"],
  "paren-chinese": ["一", "二"],
  arabic: ["1", "2"],
  "paren-arabic": ["1", "2"],
  "half-paren": ["1", "2"],
  circled: ["①", "②"],
};

interface Marked {
  line: Line;
  marker: ReturnType<typeof matchMarker>;
  inferred: boolean;
}

/**
 * Builds the outline tree of a body: 第一章 > 一、 > （一） > 1. > （1） > ①. Lines before the first
 * heading are returned as `preamble`. Rules in articles are read without their chapters here
 * (`chapters: false`: their articles are read by articles.ts, and what precedes the first
 * numbered item is where they cite the laws they rest on). A first item whose number the source lost (a headed
 * paragraph followed, at the same level, by （二） with no （一） before it) gets it back.
 */
export function buildOutline(
  lines: Line[],
  options: { chapters: boolean } = { chapters: true },
): { preamble: Line[]; roots: OutlineNode[] } {
  const markerOf = (norm: string) => {
    const m = matchMarker(norm);
    return m && (options.chapters || (m.marker !== "chapter" && m.marker !== "part")) ? m : null;
  };
  const marked = restoreLostFirsts(
    lines.map((line) => ({ line, marker: markerOf(line.norm), inferred: false })),
  );
  const preamble: Line[] = [];
  const roots: OutlineNode[] = [];
  const stack: { node: OutlineNode; rank: number }[] = [];
  const topRank = marked.reduce((min, x) => Math.min(min, x.marker?.rank ?? min), 1);
  const nextMarker = (at: number) => marked.slice(at + 1).find((x) => x.marker !== null)?.marker;
  marked.forEach(({ line, marker: m, inferred }, at) => {
    if (!m) {
      if (at + 1 < marked.length && isBarePartHeading(line.norm)) {
        const next = nextMarker(at);
        // An unnumbered 保障措施 or 工作目标 line: a part of its own at the top level, holding the
        // items that follow (（一）… after tasks numbered 1.–14.; 一是… paragraphs) until the next
        // top-level number (一、 after a goals line over （1）（2））.
        const rank = Math.min(topRank, (next?.rank ?? topRank) - 0.25);
        stack.length = 0;
        const part = unnumbered("chinese", line);
        roots.push(part);
        stack.push({ node: part, rank });
        return;
      }
      if (isBoxHeading(line.norm)) {
        // A 专栏 box sits just above the numbering of its items (the next numbered line, when it
        // starts a numbering: 1.): it closes the items of that level before it, and holds its own.
        // A box of unnumbered lines ends where the numbering goes on (（四） after （三）'s box).
        const next = nextMarker(at);
        const opens = !next || FIRST[next.marker]?.[0] === next.label;
        const rank = (next?.rank ?? 1) + (opens ? -0.5 : 0.5);
        while (stack.length > 0 && (stack[stack.length - 1] as { rank: number }).rank >= rank) {
          stack.pop();
        }
        const box = unnumbered("box", line);
        const parent = stack[stack.length - 1];
        if (parent) parent.node.children.push(box);
        else roots.push(box);
        stack.push({ node: box, rank });
        return;
      }
      const top = stack[stack.length - 1];
      if (top) top.node.content.push(line);
      else preamble.push(line);
      return;
    }
    const head: Line = {
      line: line.line,
      text: line.text.slice(m.length),
      norm: line.norm.slice(m.length),
      cell: line.cell,
    };
    const node: OutlineNode = {
      style: m.marker,
      label: m.label,
      head,
      printed: printedHeading(line.text.slice(0, m.length), head),
      content: [],
      children: [],
      inferred,
    };
    while (stack.length > 0 && (stack[stack.length - 1] as { rank: number }).rank >= m.rank) {
      stack.pop();
    }
    const parent = stack[stack.length - 1];
    if (parent) parent.node.children.push(node);
    else roots.push(node);
    stack.push({ node, rank: m.rank });
  });
  return { preamble, roots };
}

/** A node headed by a line without a number: a bare part heading, a 专栏 box. */
function unnumbered(style: OutlineStyle, line: Line): OutlineNode {
  return {
    style,
    label: "",
    head: line,
    printed: printedHeading("", line),
    content: [],
    children: [],
    inferred: false,
  };
}

/** A box heading: a short line opening with 专栏 (专栏1 智能制造重点工程). */
function isBoxHeading(norm: string): boolean {
  const text = norm.trim();
  return (
    text.length <= MAX_BOX_HEADING && structureLexicon().boxPrefixes.some((w) => text.startsWith(w))
  );
}

const MAX_BOX_HEADING = 40;

/** The printed marker and the heading up to its first 。. */
export function printedHeading(marker: string, head: Line): string {
  const at = head.text.indexOf("。");
  return `${marker.trim()}${(at >= 0 ? head.text.slice(0, at) : head.text).trim()}`;
}

/**
 * Gives a lost first number back: when （二） (or 2., 二、, （2）, ②) comes with no first sibling
 * since its parent heading, the last headed paragraph between them (an unnumbered line opening
 * with a short heading sentence, 「健全工作机制。…」) is the first item.
 */
function restoreLostFirsts(marked: Marked[]): Marked[] {
  for (let i = 0; i < marked.length; i++) {
    const m = marked[i]?.marker;
    if (!m || FIRST[m.marker]?.[1] !== m.label) continue;
    // Back to the parent heading; a sibling on the way means nothing was lost.
    let parent = i - 1;
    let firstLower = i;
    for (; parent >= 0; parent--) {
      const other = (marked[parent] as Marked).marker;
      if (other && other.rank <= m.rank) break;
      if (other) firstLower = parent;
    }
    if (parent >= 0 && (marked[parent] as Marked).marker?.rank === m.rank) continue;
    // The lost item opens before any lower-numbered items of its own.
    let candidate = -1;
    for (let j = parent + 1; j < firstLower; j++) {
      if (headingLength((marked[j] as Marked).line.norm) !== null) candidate = j;
    }
    if (candidate < 0) continue;
    const lost = marked[candidate] as Marked;
    const first = (FIRST[m.marker] as [string, string])[0];
    lost.marker = { marker: m.marker, rank: m.rank, label: first, length: 0 };
    lost.inferred = true;
  }
  return marked;
}

/** The marker as printed in folded form: 一、 (一) 1. (1) ① 第一章; nothing for a headed paragraph. */
export function markerText(style: OutlineStyle, label: string): string {
  // A part printed without a number (保障措施 alone on its line).
  if (label === "") return "";
  if (style === "chapter") return isNumeral(label) ? `第${label}章` : label;
  if (style === "part") return `第${label}节`;
  if (style === "chinese") return `${label}、`;
  if (style === "arabic") return `${label}.`;
  if (style === "decimal") return `${label} `;
  if (style === "half-paren") return `${label})`;
  if (style === "paren-chinese" || style === "paren-arabic") return `(${label})`;
  return label;
}

/**
 * All lines of a node and its descendants, markers restored, in document order (`boxes: false`:
 * without the 专栏 boxes among them).
 */
export function nodeLines(node: OutlineNode, withHead = true, boxes = true): Line[] {
  const out: Line[] = withHead ? [node.head] : [];
  for (const line of node.content) out.push(line);
  for (const child of node.children) {
    if (!boxes && child.style === "box") continue;
    const marker = child.inferred ? "" : markerText(child.style, child.label);
    const restore = (s: string) => marker + s;
    const [first, ...rest] = nodeLines(child, true, boxes);
    if (first) out.push({ ...first, text: restore(first.text), norm: restore(first.norm) });
    for (const line of rest) out.push(line);
  }
  return out;
}
