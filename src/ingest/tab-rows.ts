/**
 * Task tables copied out of a spreadsheet or a Word file as text arrive one row per line, their
 * cells separated by tabs (序号⇥重点任务⇥责任单位⇥完成时限). Such a block — at least MIN_ROWS consecutive
 * lines with the same number of cells, at least MIN_CELLS of them, headed by a row that names a
 * task column (data/lexicon/structure.json `tableColumns`: 序号, 重点任务…) — is rewritten as pipe rows
 * (| 序号 | 重点任务 | … |), the form the table reader takes (it also reads Markdown tables and the
 * rows the .doc and .docx readers write). Other tab-separated lines (a table of figures), and a
 * table laid out one cell per line (each line opening with a tab), are left as they are.
 */

import { structureLexicon } from "../text/lexicons.js";

const MIN_CELLS = 3;
const MIN_ROWS = 2;

/** The cells of a line cut by tabs (a trailing tab closes the last cell), or null. */
function cellsOf(line: string): string[] | null {
  if (!line.includes("\t") || /^\t/.test(line)) return null;
  const cells = line.replace(/\t+$/, "").split("\t");
  return cells.length >= MIN_CELLS ? cells.map((c) => c.trim()) : null;
}

/** Whether a row is a task table's header: a cell is a numbering or a task column's name. */
function isTaskHeader(row: readonly string[]): boolean {
  const { label, title } = structureLexicon().tableColumns;
  return row.some((c) => label.includes(c) || title.some((w) => c.includes(w)));
}

/** The lines with every block of tab-separated task-table rows written as pipe rows. */
export function tabRowsToPipes(lines: readonly string[]): string[] {
  if (!lines.some((l) => l.includes("\t"))) return [...lines];
  const cells = lines.map(cellsOf);
  const out = [...lines];
  let i = 0;
  while (i < lines.length) {
    const width = cells[i]?.length;
    let end = i;
    while (width !== undefined && cells[end]?.length === width) end++;
    if (width !== undefined && end - i >= MIN_ROWS && isTaskHeader(cells[i] as string[])) {
      for (let j = i; j < end; j++) {
        const row = (cells[j] as string[]).map((c) => c.replace(/\|/g, "/"));
        out[j] = `| ${row.join(" | ")} |`;
      }
    }
    i = Math.max(end, i + 1);
  }
  return out;
}
