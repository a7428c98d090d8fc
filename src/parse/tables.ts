import type { Line } from "../model/source.js";
import { structureLexicon } from "../text/lexicons.js";
import { numeralValue } from "../text/numerals.js";
import { isPipeRow } from "../text/patterns.js";

/** One row of a 重点任务清单-style table, cells by role. */
export interface TableRow {
  label: string;
  title: string;
  units: string;
  deadline: string;
  line: number;
  /**
   * The row's full text when the table has a content column (主要内容) besides its task column:
   * the task cell, a line break, the content cell. Absent otherwise (the text is the title).
   */
  text?: string;
  /** The group row above the row (一、知识产权保护方面（共5项）), as printed; absent when none. */
  group?: string | null;
  /** The scope cell (推广范围: 全国, 8个改革试验区域), when the table has one. */
  scope?: string;
}

type Column = "label" | "title" | "content" | "units" | "deadline" | "scope";

/** A row being read: its content cell is kept apart until the row is complete. */
interface RowDraft extends TableRow {
  content: string;
}

/** The group rows seen so far in the current table (their number, to expect the next one). */
interface GroupState {
  number: number;
  heading: string | null;
}

/**
 * Finds task tables in the lines and reads their rows. Two layouts: pipe rows (with or without a
 * leading pipe, split over several blocks with repeated headers) and one cell per line.
 */
export function readTables(lines: Line[]): {
  rows: TableRow[];
  firstLine: number | null;
  /** Each table's lines, [first, end): its header to its last row. */
  spans: [number, number][];
} {
  const rows: RowDraft[] = [];
  const spans: [number, number][] = [];
  let i = 0;
  while (i < lines.length) {
    const groups: GroupState = { number: 0, heading: null };
    const pipe = pipeHeader(lines, i, groups);
    const cells = pipe ? null : cellHeader(lines, i);
    if (pipe) {
      const end = readPipeRows(lines, i + 1, pipe, rows, groups);
      spans.push([i, end]);
      i = end;
    } else if (cells) {
      const end = readCellRows(lines, i + cells.length, cells, rows);
      spans.push([i, end]);
      i = end;
    } else {
      i++;
    }
  }
  return { rows: rows.map(finish), firstLine: spans[0]?.[0] ?? null, spans };
}

/** The row as exported: the content cell joined to the task cell in `text`. */
function finish({ content, ...row }: RowDraft): TableRow {
  return content === "" ? row : { ...row, text: `${row.title}\n${content}` };
}

function columnOf(header: string): Column | null {
  const { tableColumns } = structureLexicon();
  const h = header.replace(/\s/g, "");
  if (h === "") return null;
  if (tableColumns.label.some((w) => h === w)) return "label";
  if (tableColumns.deadline.some((w) => h.includes(w))) return "deadline";
  if (tableColumns.scope.some((w) => h.includes(w))) return "scope";
  if (tableColumns.content.some((w) => h.includes(w))) return "content";
  if (tableColumns.title.some((w) => h.includes(w)) && !/单位|部门/.test(h)) return "title";
  if (tableColumns.units.some((w) => h.includes(w))) return "units";
  return null;
}

/** Maps header cells to columns. A content column (主要内容) is the task column of a table that has no other. */
function rolesOf(headers: string[]): (Column | null)[] {
  const cols = headers.map(columnOf);
  if (!cols.includes("title")) {
    const content = cols.indexOf("content");
    if (content >= 0) cols[content] = "title";
  }
  return cols;
}

/** Maps header cells to columns when they hold at least 序号 and a task column. */
function columnsOf(headers: string[]): (Column | null)[] | null {
  const cols = rolesOf(headers);
  return cols.includes("label") && cols.includes("title") ? cols : null;
}

function splitPipes(s: string): string[] {
  const cells = s.split("|").map((c) => c.trim());
  if (cells[0] === "") cells.shift();
  if (cells[cells.length - 1] === "") cells.pop();
  return cells;
}

/** A pipe table's header: its columns and its cells (to recognise the header when repeated). */
interface PipeHeader {
  cols: (Column | null)[];
  cells: string[];
}

function pipeHeader(lines: Line[], at: number, groups: GroupState): PipeHeader | null {
  const line = cutGroups(lines[at] as Line, groups);
  if (!isPipeRow(line.norm)) return null;
  const cells = splitPipes(line.norm);
  const cols = columnsOf(cells) ?? unlabelledColumns(cells, lines, at + 1, groups.number);
  return cols ? { cols, cells } : null;
}

/**
 * A header with a task column but no 序号 whose rows are numbered in their first cell, from 1:
 * either in a column of their own that the header does not name (任务 | 单位 over 1 | … | …) or in
 * the header's unnamed first column.
 */
function unlabelledColumns(
  headers: string[],
  lines: Line[],
  from: number,
  groupNumber: number,
): (Column | null)[] | null {
  const cols = rolesOf(headers);
  if (cols.includes("label") || !cols.includes("title")) return null;
  let at = from;
  while (at < lines.length && isSeparatorRow(lines[at] as Line)) at++;
  at = groupLinesEnd(lines, at, groupNumber);
  const first = lines[at];
  if (!first || !isPipeRow(first.norm)) return null;
  const cells = splitPipes(cutGroups(first, { number: groupNumber, heading: null }).norm);
  if (cells[0] !== "1") return null;
  if (cells.length === cols.length + 1) return ["label", ...cols];
  if (cells.length === cols.length && cols[0] === null) return ["label", ...cols.slice(1)];
  return null;
}

function isSeparator(cells: string[]): boolean {
  return cells.every((c) => /^:?-{2,}:?$/.test(c));
}

function isSeparatorRow(line: Line): boolean {
  return isPipeRow(line.norm) && isSeparator(splitPipes(line.norm));
}

const squeeze = (cells: string[]): string => cells.join("|").replace(/\s/g, "");

function readPipeRows(
  lines: Line[],
  start: number,
  header: PipeHeader,
  rows: RowDraft[],
  groups: GroupState,
): number {
  const { cols } = header;
  let i = start;
  for (; i < lines.length; i++) {
    const raw = lines[i] as Line;
    if (!isPipeRow(raw.norm)) {
      // Group rows (二、科技成果转化激励方面) between pipe rows, when more pipe rows follow.
      const after = groupLinesEnd(lines, i, groups.number);
      if (after === i || !isPipeRow((lines[after] as Line | undefined)?.norm ?? "")) break;
      for (; i < after; i++) setGroup(groups, (lines[i] as Line).text.trim());
      i--;
      continue;
    }
    const heading = groups.heading;
    // A group row that text extraction glued to the end of the row above starts after it.
    const line = cutGroups(raw, groups);
    const normCells = splitPipes(line.norm);
    // Separator rows and the header repeated after a page break.
    if (isSeparator(normCells) || columnsOf(normCells)) continue;
    if (squeeze(normCells) === squeeze(header.cells)) continue;
    const textCells = splitPipes(line.text);
    for (const [from, to] of rowSpans(normCells, cols.length)) {
      addRow(rows, cols, textCells.slice(from, to), normCells.slice(from, to), line.line, heading);
    }
  }
  return i;
}

const CN = "一二三四五六七八九十";
const GROUP_HEADING = new RegExp(`^([${CN}]+)、`);
/** A group row is a short heading, not a sentence. */
const MAX_GROUP_LENGTH = 40;

function isGroupHeading(norm: string, expected: number): boolean {
  const m = GROUP_HEADING.exec(norm);
  return (
    m !== null &&
    numeralValue(m[1] as string) === expected &&
    norm.length <= MAX_GROUP_LENGTH &&
    !/[。;|]/.test(norm)
  );
}

/** Where the group rows numbered on from `number` that start at `start` end. */
function groupLinesEnd(lines: Line[], start: number, number: number): number {
  let i = start;
  while (i < lines.length && isGroupHeading((lines[i] as Line).norm, number + 1 + i - start)) i++;
  return i;
}

function setGroup(groups: GroupState, heading: string): void {
  groups.number++;
  groups.heading = heading;
}

/**
 * Group rows glued to the end of a pipe line (a line without a closing pipe is joined to the next
 * one): 全国二、科技成果转化激励方面(共4项), 四、…方面(共6项)五、…方面(共3项). Only headings
 * numbered on from the last group count. Returns the line without them and records them.
 */
function cutGroups(line: Line, groups: GroupState): Line {
  if (!isPipeRow(line.norm)) return line;
  const lastPipe = line.norm.lastIndexOf("|");
  const first = groups.number + 1;
  for (let at = lastPipe + 1; at < line.norm.length; at++) {
    if (CN.includes(line.norm[at - 1] as string)) continue;
    const headings = splitHeadings(line.norm.slice(at), first);
    if (!headings) continue;
    let from = at;
    for (const length of headings) {
      setGroup(groups, line.text.slice(from, from + length).trim());
      from += length;
    }
    return { ...line, text: line.text.slice(0, at), norm: line.norm.slice(0, at) };
  }
  return line;
}

/** The lengths of consecutive group headings numbered from `first` that make up all of `tail`. */
function splitHeadings(tail: string, first: number): number[] | null {
  const starts: number[] = [];
  const re = new RegExp(`[${CN}]+、`, "g");
  let expected = first;
  for (let m = re.exec(tail); m !== null; m = re.exec(tail)) {
    if (m.index > 0 && CN.includes(tail[m.index - 1] as string)) continue;
    if (numeralValue(m[0].slice(0, -1)) !== expected) continue;
    if (starts.length === 0 && m.index !== 0) return null;
    starts.push(m.index);
    expected++;
  }
  if (starts.length === 0) return null;
  const lengths = starts.map((s, k) => (starts[k + 1] ?? tail.length) - s);
  const ok = starts.every((s, k) =>
    isGroupHeading(tail.slice(s, s + (lengths[k] as number)), first + k),
  );
  return ok ? lengths : null;
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
  rows: RowDraft[],
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
  rows: RowDraft[],
  cols: (Column | null)[],
  texts: string[],
  norms: string[],
  line: number,
  group: string | null = null,
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
      previous.content += get("content");
      previous.units += get("units");
      previous.deadline += get("deadline");
      if (previous.scope !== undefined) previous.scope += get("scope");
    }
    return;
  }
  const row: RowDraft = {
    label,
    title: get("title"),
    content: get("content"),
    units: get("units"),
    deadline: get("deadline"),
    line,
  };
  if (cols.includes("scope")) row.scope = get("scope");
  if (group !== null) row.group = group;
  rows.push(row);
}
