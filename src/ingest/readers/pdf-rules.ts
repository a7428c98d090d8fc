/**
 * The ruling lines of a PDF page — a table's borders — from its operator list (pdfjs-dist's
 * `page.getOperatorList()`), for {@link gridRows}: the straight segments of every path the page
 * paints (stroked, or filled: borders are often thin filled rectangles), in page coordinates
 * (the graphics state's transformation applied). Curves are skipped; clipping paths draw nothing.
 * Pure: it reads the operator codes it is given (pdfjs's `OPS`), so it runs in any realm.
 */
import { MAX_RULES, type Rule } from "./page-layout.js";

/** The operator codes this reads (pdfjs-dist's `OPS`). */
export interface PathOps {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
}

type Matrix = [number, number, number, number, number, number];

// pdfjs's path codes inside constructPath's data (DrawOPS).
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const QUADRATIC_CURVE_TO = 3;
const CLOSE_PATH = 4;

/** Numbers each path code takes after it. */
const ARITY: Record<number, number> = {
  [MOVE_TO]: 2,
  [LINE_TO]: 2,
  [CURVE_TO]: 6,
  [QUADRATIC_CURVE_TO]: 4,
  [CLOSE_PATH]: 0,
};

export function pathRules(
  fnArray: readonly number[],
  argsArray: readonly unknown[],
  ops: PathOps,
): Rule[] {
  const painting = new Set([
    ops.stroke,
    ops.closeStroke,
    ops.fill,
    ops.eoFill,
    ops.fillStroke,
    ops.eoFillStroke,
    ops.closeFillStroke,
    ops.closeEOFillStroke,
  ]);
  const rules: Rule[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  for (let i = 0; i < fnArray.length && rules.length < MAX_RULES; i++) {
    const fn = fnArray[i];
    const args = argsArray[i];
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform && Array.isArray(args) && args.length === 6) {
      ctm = multiply(args.map(Number) as Matrix, ctm);
    } else if (fn === ops.constructPath && Array.isArray(args)) {
      const [op, data] = args as [unknown, unknown];
      const path = Array.isArray(data) ? data[0] : undefined;
      if (painting.has(Number(op)) && isNumbers(path)) segments(path, ctm, rules);
    }
  }
  return rules;
}

/** The straight segments of one path's data (code, numbers…, code, …), in page coordinates. */
function segments(path: ArrayLike<number>, ctm: Matrix, rules: Rule[]): void {
  let current: [number, number] | null = null;
  let start: [number, number] | null = null;
  for (let k = 0; k < path.length && rules.length < MAX_RULES; ) {
    const code = path[k] as number;
    const n = ARITY[code];
    if (n === undefined || k + n >= path.length + (n === 0 ? 1 : 0)) return;
    const end: [number, number] | null =
      code === CLOSE_PATH ? start : apply(ctm, path[k + n - 1] as number, path[k + n] as number);
    if ((code === LINE_TO || code === CLOSE_PATH) && current && end) {
      rules.push({ x1: current[0], y1: current[1], x2: end[0], y2: end[1] });
    }
    if (code === MOVE_TO) start = end;
    current = end;
    k += 1 + n;
  }
}

function isNumbers(v: unknown): v is ArrayLike<number> {
  return (
    v !== null &&
    typeof v === "object" &&
    typeof (v as ArrayLike<number>).length === "number" &&
    ((v as ArrayLike<number>).length === 0 || typeof (v as ArrayLike<number>)[0] === "number")
  );
}

/** The point (x, y) under the transformation m (PDF order: [a b c d e f]). */
function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** m then n: the matrix a `cm` operator with m sets, given the current n. */
function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}
