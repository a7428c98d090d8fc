import type { Line } from "../model/source.js";
import { structureLexicon } from "../text/lexicons.js";
import { isPipeRow } from "../text/patterns.js";

/** One row of a 重点任务清单-style table, cells by role. */
export interface TableRow {
  label: string;
  title: string;
  units: string;
  deadline: string;
  line: number;
}

type Column = "label" | "title" | "units" | "deadline";

/**
 * Finds task tables in the lines and reads their rows. Two layouts: pipe rows (with or without a
 * leading pipe, split over several blocks with repeated headers) and one cell per line.
 */
export function readTables(lines: Line[]): { rows: TableRow[]; firstLine: number | null } {
  const rows: TableRow[] = [];
  let firstLine: number | null = null;
  let i = 0;
  while (i < lines.length) {
    const pipe = pipeHeader(lines[i] as Line);
    const cells = pipe ? null : cellHeader(lines, i);
    if (pipe) {
      firstLine ??= i;
      i = readPipeRows(lines, i + 1, pipe, rows);
    } else if (cells) {
      firstLine ??= i;
      i = readCellRows(lines, i + cells.length, cells, rows);
    } else {
      i++;
    }
  }
  return { rows, firstLine };
}

function columnOf(header: string): Column | null {
  const { tableColumns } = structureLexicon();
  const h = header.replace(/\s/g, "");
  if (h === "") return null;
  if (tableColumns.label.some((w) => h === w)) return "label";
  if (tableColumns.deadline.some((w) => h.includes(w))) return "deadline";
  if (tableColumns.title.some((w) => h.includes(w)) && !/单位|部门/.test(h)) return "title";
  if (tableColumns.units.some((w) => h.includes(w))) return "units";
  return null;
}

/** Maps header cells to columns when they hold at least 序号 and a task column. */
function columnsOf(headers: string[]): (Column | null)[] | null {
  const cols = headers.map(columnOf);
  return cols.includes("label") && cols.includes("title") ? cols : null;
}

function splitPipes(s: string): string[] {
  const cells = s.split("|").map((c) => c.trim());
  if (cells[0] === "") cells.shift();
  if (cells[cells.length - 1] === "") cells.pop();
  return cells;
}

function pipeHeader(line: Line): (Column | null)[] | null {
  return isPipeRow(line.norm) ? columnsOf(splitPipes(line.norm)) : null;
}

function readPipeRows(
  lines: Line[],
  start: number,
  cols: (Column | null)[],
  rows: TableRow[],
): number {
  let i = start;
  for (; i < lines.length; i++) {
    const line = lines[i] as Line;
    if (!isPipeRow(line.norm)) break;
    const normCells = splitPipes(line.norm);
    if (normCells.every((c) => /^:?-{2,}:?$/.test(c)) || columnsOf(normCells)) continue;
    const textCells = splitPipes(line.text);
    for (const [from, to] of rowSpans(normCells, cols.length)) {
      addRow(rows, cols, textCells.slice(from, to), normCells.slice(from, to), line.line);
    }
  }
  return i;
}

/**
 * Where the rows of one pipe line start: usually one row, but text extraction (PDF) may put two
 * rows on one line — then a numbered cell follows a full row, possibly after an empty cell.
 */
function rowSpans(cells: string[], width: number): [number, number][] {
  const spans: [number, number][] = [];
  let from = 0;
  while (from < cells.length) {
    let next = from + width;
    if (cells[next] === "" && /^\d{1,3}$/.test(cells[next + 1] ?? "")) next++;
    const more =
      next < cells.length &&
      /^\d{1,3}$/.test(cells[next] ?? "") &&
      cells.length - next >= width - 1;
    spans.push([from, more ? from + width : cells.length]);
    if (!more) break;
    from = next;
  }
  return spans;
}

/** A header laid out one cell per line: 序号 / 重点任务 / 责任（牵头）单位 / 时间要求. */
function cellHeader(lines: Line[], start: number): (Column | null)[] | null {
  const first = lines[start] as Line;
  if (columnOf(first.norm) !== "label") return null;
  const headers: string[] = [];
  for (let i = start; i < lines.length && headers.length < 8; i++) {
    const col = columnOf((lines[i] as Line).norm);
    if (col === null || (col === "label" && headers.length > 0)) break;
    headers.push((lines[i] as Line).norm);
  }
  return headers.length >= 3 ? columnsOf(headers) : null;
}

function readCellRows(
  lines: Line[],
  start: number,
  cols: (Column | null)[],
  rows: TableRow[],
): number {
  const width = cols.length;
  let i = start;
  while (i < lines.length && /^\d{1,3}$/.test((lines[i] as Line).norm)) {
    const labelLine = lines[i] as Line;
    const expected = String(Number(labelLine.norm) + 1);
    const cells: Line[] = [labelLine];
    i++;
    while (i < lines.length) {
      const line = lines[i] as Line;
      if (line.norm === expected && cells.length >= width - 1) break;
      if (!line.cell && cells.length >= width) break;
      cells.push(line);
      i++;
    }
    const fitted = fitCells(cells, width);
    addRow(
      rows,
      cols,
      fitted.map((c) => c.text),
      fitted.map((c) => c.norm),
      labelLine.line,
    );
  }
  return i;
}

/** Page breaks may split a cell over two lines: join surplus lines into the task cell. */
function fitCells(cells: Line[], width: number): { text: string; norm: string }[] {
  const out = cells.map((c) => ({ text: c.text, norm: c.norm }));
  while (out.length > width && out.length >= 3) {
    const [a, b] = [
      out[1] as { text: string; norm: string },
      out[2] as { text: string; norm: string },
    ];
    out.splice(1, 2, { text: a.text + b.text, norm: a.norm + b.norm });
  }
  while (out.length < width) out.push({ text: "", norm: "" });
  return out;
}

function addRow(
  rows: TableRow[],
  cols: (Column | null)[],
  texts: string[],
  norms: string[],
  line: number,
): void {
  const get = (col: Column) => {
    const at = cols.indexOf(col);
    return at >= 0 ? (texts[at] ?? "").trim() : "";
  };
  const labelAt = cols.indexOf("label");
  const label = (norms[labelAt] ?? "").trim();
  const previous = rows[rows.length - 1];
  if (!/^\d{1,3}$/.test(label)) {
    // A row broken by a page: its cells continue the previous row's.
    if (previous) {
      previous.title += get("title");
      previous.units += get("units");
      previous.deadline += get("deadline");
    }
    return;
  }
  rows.push({ label, title: get("title"), units: get("units"), deadline: get("deadline"), line });
}
