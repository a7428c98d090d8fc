// exceljs is CommonJS (`module.exports = ExcelJS`), loaded with require on the first workbook:
// ~0.25 s that runs writing no .xlsx need not pay.

import { createRequire } from "node:module";
import type { Alignment, CellValue, Fill, Row, Workbook, Worksheet } from "exceljs";
import type { CompareResult } from "../model/compare.js";
import { SEVERITY_ORDER } from "../model/finding.js";
import type { Lang } from "../model/lang.js";
import type { Task } from "../model/task.js";
import { showBidiControls } from "../text/bidi.js";
import type { Formatter } from "./formatter.js";
import {
  FINDING_COLUMNS,
  type FindingColumn,
  findingRows,
  ROW_TEXT,
} from "./shared/finding-rows.js";
import {
  carriersText,
  KIND_LABELS,
  LEVEL_LABELS,
  label,
  RELATION_LABELS,
  SEVERITY_LABELS,
  TEXT,
  textSimilarity,
  verdictLine,
} from "./shared/labels.js";
import { LEGEND_TITLE, legend } from "./shared/legend.js";
import { hasSafeguards, reportScopes } from "./shared/scopes.js";
import { groupByChildUnit, UNIT_TEXT } from "./shared/units.js";
import { documentDate, pinZipDates } from "./shared/zip-dates.js";

/** Sheet names and captions the shared label table lacks. */
export const XLSX_TEXT = {
  findings: { zh: "问题清单", en: "Findings" },
  byUnit: { zh: "按责任单位", en: "By child unit" },
  summary: TEXT.summary,
  alignment: { zh: TEXT.alignment.zh, en: "Alignment" },
  item: { zh: "项目", en: "Item" },
  planTitle: { zh: "方案名称", en: "Plan title" },
  parentTasks: { zh: "上级任务数", en: "Parent tasks" },
  obligatory: { zh: "应落实任务数", en: "Required tasks" },
  count: { zh: "数量", en: "Count" },
  total: { zh: "合计", en: "Total" },
} as const satisfies Record<string, Record<Lang, string>>;

/** Column widths in characters; a Chinese character takes about two. */
const FINDING_WIDTHS: Record<FindingColumn, number> = {
  index: 6,
  kind: 14,
  severity: 10,
  parentId: 13,
  parentTask: 30,
  parentText: 60,
  parentDeadline: 18,
  parentUnits: 24,
  childId: 13,
  childTask: 30,
  childText: 60,
  childDeadline: 18,
  childUnits: 24,
  message: 50,
  feedback: 40,
};

/** Columns whose text runs long enough to need wrapping. */
const WRAPPED: ReadonlySet<FindingColumn> = new Set([
  "parentTask",
  "parentText",
  "parentDeadline",
  "parentUnits",
  "childTask",
  "childText",
  "childDeadline",
  "childUnits",
  "message",
  "feedback",
]);

const HEADER_FILL: Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
/** The column the district writes in stands out. */
const FEEDBACK_FILL: Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
const WRAP: Partial<Alignment> = { wrapText: true, vertical: "top" };
const TOP: Partial<Alignment> = { vertical: "top" };

/**
 * Findings as an Excel workbook for audit staff to send to the district that must reply:
 *
 * - 问题清单 / Findings: one row per finding (columns of `findingRows`), header bold, frozen and
 *   filterable, long cells wrapped, the 整改说明/反馈 column highlighted for the reply;
 * - 按责任单位 / By child unit: who must answer what — one row per child unit with its findings
 *   by severity, then one row per (unit, finding) with the finding's 序号 in 问题清单 and an
 *   empty 整改说明/反馈 cell (grouping rules: `groupByChildUnit`);
 * - 概览 / Summary: both documents (file, title, 文号, issuer, level, date), coverage, required
 *   coverage, fidelity, findings by kind and by severity;
 * - 逐项对照 / Alignment: one row per task alignment with its relation and score.
 *
 * Same input, same bytes: the workbook's creator and dates are fixed (the child plan's 成文日期)
 * and so are the zip entries' timestamps, which jszip would otherwise take from the clock.
 */
export const xlsx: Formatter = async (result, { lang }) => {
  const date = documentDate(result.child);
  const ExcelJS: typeof import("exceljs") = createRequire(import.meta.url)("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "plandiff";
  workbook.lastModifiedBy = "plandiff";
  workbook.created = date;
  workbook.modified = date;
  addFindings(workbook, result, lang);
  addByUnit(workbook, result, lang);
  addSummary(workbook, result, lang);
  addAlignment(workbook, result, lang);
  addCoverage(workbook, result, lang);
  addLegend(workbook, result, lang);
  // exceljs types its Node Buffer as an ArrayBuffer; either way this makes our own copy.
  return pinZipDates(new Uint8Array(await workbook.xlsx.writeBuffer()), date);
};

/** 名词说明 / Legend: what the workbook's words mean (shared/legend.ts). */
function addLegend(workbook: Workbook, result: CompareResult, lang: Lang): void {
  const sheet = workbook.addWorksheet(LEGEND_TITLE[lang]);
  sheet.columns = [
    { width: 24, style: { alignment: TOP, font: { bold: true } } },
    { width: 100, style: { alignment: WRAP } },
  ];
  for (const e of legend(lang, hasSafeguards(result.summary))) sheet.addRow([e.term, e.text]);
}

function addFindings(workbook: Workbook, result: CompareResult, lang: Lang): void {
  const sheet = workbook.addWorksheet(XLSX_TEXT.findings[lang]);
  const { headers, rows } = findingRows(result, lang);
  sheet.columns = FINDING_COLUMNS.map((column) => ({
    width: FINDING_WIDTHS[column],
    style: { alignment: WRAPPED.has(column) ? WRAP : TOP },
  }));
  sheet.addRow(headers);
  for (const cells of rows) {
    // 序号 as a number so that sorting by it restores the original order; the reply cell stays
    // empty (no value at all, not an empty string) but keeps its fill.
    sheet.addRow(
      cells.map((cell, i): CellValue => {
        const column = FINDING_COLUMNS[i];
        if (column === "index") return Number(cell);
        return column === "feedback" ? null : shown(cell);
      }),
    );
  }
  const feedback = FINDING_COLUMNS.indexOf("feedback") + 1;
  for (let r = 2; r <= rows.length + 1; r++) {
    sheet.getCell(r, feedback).fill = FEEDBACK_FILL;
  }
  styleHeader(sheet, headers.length);
  sheet.getCell(1, feedback).fill = FEEDBACK_FILL;
}

/**
 * Who must answer what: a table of the child units (finding counts by severity), a blank row, then
 * the findings of each unit in turn, most severe first, the unit repeated on every row so that
 * the filter on the second table's header picks one unit's list.
 */
function addByUnit(workbook: Workbook, result: CompareResult, lang: Lang): void {
  const sheet = workbook.addWorksheet(XLSX_TEXT.byUnit[lang]);
  const groups = groupByChildUnit(result, lang);
  sheet.columns = [
    { width: 30, style: { alignment: WRAP } },
    { width: 8, style: { alignment: TOP } },
    { width: 10, style: { alignment: TOP } },
    { width: 14, style: { alignment: TOP } },
    { width: 13, style: { alignment: TOP } },
    { width: 30, style: { alignment: WRAP } },
    { width: 13, style: { alignment: TOP } },
    { width: 30, style: { alignment: WRAP } },
    { width: 50, style: { alignment: WRAP } },
    { width: 40, style: { alignment: WRAP } },
  ];
  const counts = [
    UNIT_TEXT.childUnits[lang],
    XLSX_TEXT.total[lang],
    ...SEVERITY_ORDER.map((severity) => SEVERITY_LABELS[severity][lang]),
  ];
  styleRow(sheet.addRow(counts), counts.length);
  for (const group of groups) {
    sheet.addRow([
      shown(group.unit),
      group.findings.length,
      ...SEVERITY_ORDER.map((severity) => group.bySeverity[severity]),
    ]);
  }
  sheet.addRow([]);
  const headers = [
    UNIT_TEXT.childUnits[lang],
    ROW_TEXT.index[lang],
    TEXT.severity[lang],
    TEXT.kind[lang],
    ROW_TEXT.parentId[lang],
    TEXT.parentTask[lang],
    ROW_TEXT.childId[lang],
    TEXT.childTask[lang],
    TEXT.message[lang],
    TEXT.feedback[lang],
  ];
  const header = sheet.addRow(headers);
  styleRow(header, headers.length);
  header.getCell(headers.length).fill = FEEDBACK_FILL;
  const parentTitles = titles(result.parent.tasks);
  const childTitles = titles(result.child.tasks);
  for (const group of groups) {
    for (const index of group.findings) {
      const f = result.findings[index];
      if (!f) continue;
      const row = sheet.addRow([
        shown(group.unit),
        index + 1,
        SEVERITY_LABELS[f.severity][lang],
        label(KIND_LABELS, f.kind, lang),
        f.parent ?? "",
        shown(f.parent === null ? "" : (parentTitles.get(f.parent) ?? "")),
        f.child ?? "",
        shown(f.child === null ? "" : (childTitles.get(f.child) ?? "")),
        shown(f.message),
        null,
      ]);
      row.getCell(headers.length).fill = FEEDBACK_FILL;
    }
  }
  sheet.autoFilter = {
    from: { row: header.number, column: 1 },
    to: { row: header.number, column: headers.length },
  };
}

function addSummary(workbook: Workbook, result: CompareResult, lang: Lang): void {
  const sheet = workbook.addWorksheet(XLSX_TEXT.summary[lang]);
  const { parent, child, summary } = result;
  sheet.columns = [
    { width: 22, style: { alignment: TOP } },
    { width: 50, style: { alignment: WRAP } },
    { width: 50, style: { alignment: WRAP } },
    ...(hasSafeguards(summary) ? [{ width: 20, style: { alignment: WRAP } }] : []),
  ];
  const t = (key: keyof typeof TEXT): string => TEXT[key][lang];
  const x = (key: keyof typeof XLSX_TEXT): string => XLSX_TEXT[key][lang];
  const percent = "0.0%";
  // Body, the task table, the safeguards when either plan has some: one column each.
  const scopes = reportScopes(summary);
  const blocks: SummaryRow[][] = [
    // Whether the two documents are a parent and its child, first (summary.pair).
    [{ cells: [verdictLine(summary.pair, lang).text] }],
    [
      { cells: [x("item"), t("parentPlan"), t("childPlan")] },
      { cells: [t("file"), parent.file, child.file] },
      { cells: [t("title"), parent.title, child.title] },
      { cells: [x("planTitle"), parent.planTitle, child.planTitle] },
      { cells: [t("docNumber"), parent.docNumber, child.docNumber] },
      { cells: [t("issuer"), parent.issuer, child.issuer] },
      { cells: [t("level"), LEVEL_LABELS[parent.level][lang], LEVEL_LABELS[child.level][lang]] },
      { cells: [t("date"), parent.date, child.date] },
    ],
    [
      { cells: [x("item"), ...scopes.map((key) => t(key))] },
      { cells: [t("coverage"), ...scopes.map((key) => summary[key].coverage)], numFmt: percent },
      {
        cells: [t("requiredCoverage"), ...scopes.map((key) => summary[key].requiredCoverage)],
        numFmt: percent,
      },
      { cells: [x("parentTasks"), ...scopes.map((key) => summary[key].parentTasks)] },
      { cells: [t("carried"), ...scopes.map((key) => summary[key].carried)] },
      { cells: [x("obligatory"), ...scopes.map((key) => summary[key].obligatory)] },
      { cells: [t("fidelity"), summary.fidelity], numFmt: percent },
    ],
    [
      { cells: [t("kind"), x("count")] },
      ...kindsOf(summary.findings.byKind).map((kind) => ({
        cells: [label(KIND_LABELS, kind, lang), summary.findings.byKind[kind] ?? 0],
      })),
      { cells: [x("total"), summary.findings.total] },
    ],
    [
      { cells: [t("severity"), x("count")] },
      ...SEVERITY_ORDER.map((severity) => ({
        cells: [SEVERITY_LABELS[severity][lang], summary.findings.bySeverity[severity] ?? 0],
      })),
    ],
  ];
  for (const [b, block] of blocks.entries()) {
    if (b > 0) sheet.addRow([]);
    for (const [i, { cells, numFmt }] of block.entries()) {
      const row = sheet.addRow(cells.map(shown));
      if (numFmt !== undefined) row.numFmt = numFmt;
      if (i === 0) {
        row.font = { bold: true };
        row.eachCell((cell) => {
          cell.fill = HEADER_FILL;
        });
      }
    }
  }
}

/** One row of the summary sheet; the first row of each block is its header. */
interface SummaryRow {
  cells: CellValue[];
  numFmt?: string;
}

/** Known kinds in the label table's order, then any other kind alphabetically. */
function kindsOf(byKind: Record<string, number>): string[] {
  const known = Object.keys(KIND_LABELS);
  const other = Object.keys(byKind)
    .filter((kind) => !known.includes(kind))
    .sort();
  return [...known.filter((kind) => kind in byKind), ...other];
}

function addAlignment(workbook: Workbook, result: CompareResult, lang: Lang): void {
  const sheet = workbook.addWorksheet(XLSX_TEXT.alignment[lang]);
  sheet.columns = [
    { width: 13, style: { alignment: TOP } },
    { width: 40, style: { alignment: WRAP } },
    { width: 13, style: { alignment: TOP } },
    { width: 40, style: { alignment: WRAP } },
    { width: 12, style: { alignment: TOP } },
    { width: 10, style: { alignment: TOP, numFmt: "0.000" } },
    { width: 10, style: { alignment: TOP, numFmt: "0.00" } },
  ];
  const headers = [
    ROW_TEXT.parentId[lang],
    TEXT.parentTask[lang],
    ROW_TEXT.childId[lang],
    TEXT.childTask[lang],
    TEXT.relation[lang],
    TEXT.score[lang],
    TEXT.similarity[lang],
  ];
  sheet.addRow(headers);
  const parentTitles = titles(result.parent.tasks);
  const childTitles = titles(result.child.tasks);
  for (const a of result.alignments) {
    sheet.addRow([
      a.parent,
      shown(parentTitles.get(a.parent) ?? ""),
      a.child,
      shown(childTitles.get(a.child) ?? ""),
      RELATION_LABELS[a.relation][lang],
      a.score,
      textSimilarity(a),
    ]);
  }
  styleHeader(sheet, headers.length);
}

/** One row per parent body / safeguard task: its coverage (a fraction, shown as %) and carriers. */
function addCoverage(workbook: Workbook, result: CompareResult, lang: Lang): void {
  if (result.coverage.length === 0) return;
  const sheet = workbook.addWorksheet(TEXT.taskCoverage[lang]);
  sheet.columns = [
    { width: 13, style: { alignment: TOP } },
    { width: 40, style: { alignment: WRAP } },
    { width: 10, style: { alignment: TOP, numFmt: "0.0%" } },
    { width: 40, style: { alignment: WRAP } },
  ];
  const headers = [
    ROW_TEXT.parentId[lang],
    TEXT.parentTask[lang],
    TEXT.taskCoverage[lang],
    TEXT.carriedBy[lang],
  ];
  sheet.addRow(headers);
  const parentTitles = titles(result.parent.tasks);
  for (const c of result.coverage) {
    sheet.addRow([
      c.parent,
      shown(parentTitles.get(c.parent) ?? ""),
      c.coverage,
      carriersText(c.carriedBy, lang),
    ]);
  }
  styleHeader(sheet, headers.length);
}

/** A cell's value with bidirectional controls shown as visible marks (`⟨U+202E⟩`). */
function shown(value: CellValue): CellValue {
  return typeof value === "string" ? showBidiControls(value) : value;
}

function titles(tasks: readonly Task[]): Map<string, string> {
  return new Map(tasks.map((task) => [task.id, task.title]));
}

/** Bold, shaded, frozen header row with an autofilter over all columns. */
function styleHeader(sheet: Worksheet, columns: number): void {
  styleRow(sheet.getRow(1), columns);
  sheet.views = [{ state: "frozen", xSplit: 0, ySplit: 1 }];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns } };
}

/** A header row: bold, wrapped, its first `columns` cells shaded. */
function styleRow(row: Row, columns: number): void {
  row.font = { bold: true };
  row.alignment = { wrapText: true, vertical: "middle" };
  for (let c = 1; c <= columns; c++) row.getCell(c).fill = HEADER_FILL;
}
