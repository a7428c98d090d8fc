import type { OutlineMarker } from "../model/document.js";
import type { Line } from "../model/source.js";
import { arabicMarker, parenArabicMarker } from "../text/patterns.js";

/** A numbered node of the document outline with the lines it holds. */
export interface OutlineNode {
  marker: OutlineMarker;
  label: string;
  /** The heading line (marker removed), display and folded. */
  head: Line;
  /** Unnumbered lines that follow the heading, before the first child. */
  content: Line[];
  children: OutlineNode[];
}

const CN = "一二三四五六七八九十百零";
const MARKERS: { marker: OutlineMarker; rank: number; re: RegExp }[] = [
  { marker: "chinese", rank: 1, re: new RegExp(`^([${CN}]+)[、.]\\s*`) },
  { marker: "paren-chinese", rank: 2, re: new RegExp(`^\\(([${CN}]+)\\)\\s*`) },
  { marker: "arabic", rank: 3, re: new RegExp(`^${arabicMarker(true)}\\s*`) },
  { marker: "paren-arabic", rank: 4, re: new RegExp(`^${parenArabicMarker(true)}\\s*`) },
];

/** Recognises an outline marker at the start of a folded line. */
export function matchMarker(
  norm: string,
): { marker: OutlineMarker; rank: number; label: string; length: number } | null {
  for (const { marker, rank, re } of MARKERS) {
    const m = re.exec(norm);
    // The label is the first group that matched (the arabic patterns have one per number size).
    if (m) return { marker, rank, label: (m[1] ?? m[2]) as string, length: m[0].length };
  }
  return null;
}

/**
 * Builds the outline tree of a body: 一、 > （一） > 1. > （1）. Lines before the first heading
 * are returned as `preamble`.
 */
export function buildOutline(lines: Line[]): { preamble: Line[]; roots: OutlineNode[] } {
  const preamble: Line[] = [];
  const roots: OutlineNode[] = [];
  const stack: { node: OutlineNode; rank: number }[] = [];
  for (const line of lines) {
    const m = matchMarker(line.norm);
    if (!m) {
      const top = stack[stack.length - 1];
      if (top) top.node.content.push(line);
      else preamble.push(line);
      continue;
    }
    const head: Line = {
      line: line.line,
      text: line.text.slice(m.length),
      norm: line.norm.slice(m.length),
      cell: line.cell,
    };
    const node: OutlineNode = { marker: m.marker, label: m.label, head, content: [], children: [] };
    while (stack.length > 0 && (stack[stack.length - 1] as { rank: number }).rank >= m.rank) {
      stack.pop();
    }
    const parent = stack[stack.length - 1];
    if (parent) parent.node.children.push(node);
    else roots.push(node);
    stack.push({ node, rank: m.rank });
  }
  return { preamble, roots };
}

/** The marker as printed in folded form: 一、 (一) 1. (1). */
export function markerText(marker: OutlineMarker, label: string): string {
  if (marker === "chinese") return `${label}、`;
  if (marker === "arabic") return `${label}.`;
  return `(${label})`;
}

/** All lines of a node and its descendants, markers restored, in document order. */
export function nodeLines(node: OutlineNode, withHead = true): Line[] {
  const out: Line[] = withHead ? [node.head] : [];
  for (const line of node.content) out.push(line);
  for (const child of node.children) {
    const restore = (s: string) => markerText(child.marker, child.label) + s;
    const [first, ...rest] = nodeLines(child);
    if (first) out.push({ ...first, text: restore(first.text), norm: restore(first.norm) });
    for (const line of rest) out.push(line);
  }
  return out;
}
