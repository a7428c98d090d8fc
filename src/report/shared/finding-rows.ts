import type { CompareResult } from "../../model/compare.js";
import type { Finding } from "../../model/finding.js";
import type { Lang } from "../../model/lang.js";
import type { Task } from "../../model/task.js";
import { KIND_LABELS, label, SEVERITY_LABELS, TEXT } from "./labels.js";
import { UNIT_TEXT, unitsText } from "./units.js";

/** Column names the shared label table lacks (spreadsheet-only). */
export const ROW_TEXT = {
  index: { zh: "序号", en: "No." },
  parentId: { zh: "上级任务编号", en: "Parent task ID" },
  childId: { zh: "下级任务编号", en: "Child task ID" },
} as const satisfies Record<string, Record<Lang, string>>;

/** The columns of a finding row, in order; xlsx styles them by key rather than by position. */
export const FINDING_COLUMNS = [
  "index",
  "kind",
  "severity",
  "parentId",
  "parentTask",
  "parentText",
  "parentDeadline",
  "parentUnits",
  "childId",
  "childTask",
  "childText",
  "childDeadline",
  "childUnits",
  "message",
  "feedback",
] as const;

/** One column of {@link FINDING_COLUMNS}. */
export type FindingColumn = (typeof FINDING_COLUMNS)[number];

const HEADERS: Record<FindingColumn, Record<Lang, string>> = {
  index: ROW_TEXT.index,
  kind: TEXT.kind,
  severity: TEXT.severity,
  parentId: ROW_TEXT.parentId,
  parentTask: TEXT.parentTask,
  parentText: TEXT.parentText,
  parentDeadline: TEXT.parentDeadline,
  parentUnits: UNIT_TEXT.parentUnits,
  childId: ROW_TEXT.childId,
  childTask: TEXT.childTask,
  childText: TEXT.childText,
  childDeadline: TEXT.childDeadline,
  childUnits: UNIT_TEXT.childUnits,
  message: TEXT.message,
  feedback: TEXT.feedback,
};

/** Header cells and one row of plain strings per finding. */
export interface FindingTable {
  headers: string[];
  rows: string[][];
}

/**
 * The findings as a table for spreadsheets (CSV, XLSX): one row per finding, in the findings'
 * order, headers in the report language. Cells are raw text: quoting and formula neutralising are
 * the business of each format. The 整改说明/反馈 cell is always empty: the district fills it in.
 * The unit columns hold the responsible units of the parent task and of the child task (lead
 * units, then 配合 units; see `unitsText`), empty when there is no such task or it names none.
 */
export function findingRows(result: CompareResult, lang: Lang): FindingTable {
  const parentTasks = byId(result.parent.tasks);
  const childTasks = byId(result.child.tasks);
  const headers = FINDING_COLUMNS.map((column) => HEADERS[column][lang]);
  const rows = result.findings.map((finding, i) => {
    const parent = lookup(parentTasks, finding.parent);
    const child = lookup(childTasks, finding.child);
    const cells: Record<FindingColumn, string> = {
      index: String(i + 1),
      kind: label(KIND_LABELS, finding.kind, lang),
      severity: SEVERITY_LABELS[finding.severity][lang],
      parentId: finding.parent ?? "",
      parentTask: parent?.title ?? "",
      parentText: parent?.text ?? "",
      parentDeadline: deadline(parent, finding, "parent"),
      parentUnits: unitsText(parent?.units, lang),
      childId: finding.child ?? "",
      childTask: child?.title ?? "",
      childText: child?.text ?? "",
      childDeadline: deadline(child, finding, "child"),
      childUnits: unitsText(child?.units, lang),
      message: finding.message,
      feedback: "",
    };
    return FINDING_COLUMNS.map((column) => cells[column]);
  });
  return { headers, rows };
}

function byId(tasks: readonly Task[]): Map<string, Task> {
  return new Map(tasks.map((task) => [task.id, task]));
}

function lookup(tasks: Map<string, Task>, id: string | null): Task | undefined {
  return id === null ? undefined : tasks.get(id);
}

/** The task's deadline as printed; a drift finding still names its deadlines if the task is gone. */
function deadline(task: Task | undefined, finding: Finding, side: "parent" | "child"): string {
  return task?.deadline.raw ?? finding.drift?.[side] ?? "";
}
