import type { PlanDocument } from "../model/document.js";
import type { DocumentSource, Line, LineRepair } from "../model/source.js";
import type { ParsePlan } from "../model/stages.js";
import type { Task } from "../model/task.js";
import type { ParseWarning } from "../model/warning.js";
import { structureLexicon } from "../text/lexicons.js";
import { PRINTED_DATE } from "../text/patterns.js";
import { stripTrailingResponsibility } from "../text/responsibility.js";
import { namesLowerGovernments, parseResponsibility } from "../text/units.js";
import { articleCount, articleTasks } from "./articles.js";
import { readOutline, type TaskNode, taskLines, titleOf } from "./body-tasks.js";
import { documentYear, readFound } from "./found.js";
import { readHeader } from "./header.js";
import { levelOf } from "./level.js";
import { inferLevel } from "./level-evidence.js";
import { linkAppendix } from "./link-appendix.js";
import { buildOutline } from "./outline.js";
import { findDeadline, parseDeadline } from "./parse-deadline.js";
import { findReferences } from "./references.js";
import { readResponsibility, toUnits } from "./responsibility.js";
import { readTables, type TableRow } from "./tables.js";

/** Characters of the head and preamble kept as the document's opening. */
const OPENING_LENGTH = 400;

/** Parses one document's lines into the document model; problems become warnings. */
export const parsePlan: ParsePlan = (source: DocumentSource): PlanDocument => {
  const { lines } = source;
  const warnings: ParseWarning[] = [];
  const header = readHeader(lines);
  const headerLevel = levelOf(header.issuer ?? header.title);
  // No cover to read the level from: ask the addressee, the signature and the self-references.
  const evidence = headerLevel === "unknown" ? inferLevel(lines, header.contentEnd) : null;
  warnings.push(...(evidence?.warnings ?? []));
  // Title, issuer, date and level, each with how it was found (the cover, the signature…).
  const found = readFound(lines, header, evidence, headerLevel);
  const { issuer, date } = found;
  const year = documentYear(date, found.title);
  const content = lines.slice(0, header.contentEnd);
  const tables = readTables(content);
  const bodyEnd = attachmentStart(content, header.bodyStart);
  // A table inside the body (一、重点任务分工 and its table, then 二、工作要求) is read as rows; the
  // outline goes on after it.
  const bodyLines = content
    .slice(header.bodyStart, bodyEnd)
    .filter(
      (_, k) =>
        !tables.spans.some(([a, b]) => header.bodyStart + k >= a && header.bodyStart + k < b),
    );
  const isRegulation = articleCount(content) >= MIN_ARTICLES;
  const { preamble, roots } = buildOutline(bodyLines, { chapters: !isRegulation });
  // What the document says before its first heading: its head and preamble.
  const opening = [...lines.slice(0, header.bodyStart), ...preamble];
  // Implementing rules (细则, 办法) are compared article by article; other regulations are not plans.
  const articles =
    isRegulation && isImplementingRules(found.title, content) ? articleTasks(content, year) : null;
  const reading = isRegulation
    ? { tasks: [], safeguards: [], sections: [], outline: articles?.outline ?? [] }
    : readOutline(roots);
  if (isRegulation && !articles) {
    warnings.push({
      code: "regulation",
      message: "the document is organised in articles (第…条), not in numbered tasks",
      line: lines[0]?.line ?? 1,
    });
  }

  const outlined = articles ? articles.tasks : reading.tasks.map((node) => bodyTask(node, year));
  const tabled = tables.rows.map((row) => appendixTask(row, year));
  // A plan whose tasks are all in its table (a 任务分工方案: a notice, then the table): the rows
  // are its tasks.
  const tableOnly = outlined.length === 0 && tabled.length > 0 && !isRegulation;
  const body = tableOnly ? tabled.map(rowAsTask) : outlined;
  const rows = tableOnly ? [] : tabled;
  if (tableOnly) {
    warnings.push({
      code: "tasks-in-table",
      message: "no numbered tasks outside the task table: its rows are read as the tasks",
      line: tabled[0]?.line ?? null,
    });
  }
  const safeguards = reading.safeguards.map((node) => bodyTask(node, year));
  const tasks = uniqueIds([...body, ...rows, ...safeguards], warnings);
  linkAppendix(body, rows);
  warnAboutTasks(tasks, warnings, lines[0]?.line ?? 1);
  warnAboutRepairs(lines, warnings);

  return {
    file: source.file,
    index: source.index,
    title: found.title,
    planTitle: header.planTitle,
    docNumber: header.docNumber,
    issuer,
    level: found.level,
    date,
    printedDate: header.printedDate,
    references: findReferences(opening, header.docNumber, found.title),
    opening: opening
      .map((l) => l.text)
      .join("\n")
      .slice(0, OPENING_LENGTH),
    sections: reading.sections,
    outline: reading.outline,
    found: found.found,
    tasks,
    warnings,
    lines: { start: lines[0]?.line ?? 1, end: lastLine(lines) },
  };
};

function bodyTask(taskNode: TaskNode, year: number | null): Task {
  const { node } = taskNode;
  const lines = taskLines(taskNode);
  const { units, labelLines } = readResponsibility(lines);
  const textLines = lines.filter((_, i) => !labelLines.has(i));
  const title = node.head.norm.includes("。")
    ? titleOf(node)
    : stripTrailingResponsibility(node.head.text.trim(), node.head.norm.trim());
  const text = textLines.map((l) => l.text).join("\n");
  return {
    id: taskNode.id,
    source: taskNode.source,
    section: taskNode.section,
    sectionTitle: taskNode.sectionTitle,
    label: node.label,
    title,
    text,
    units,
    obligatory: namesLowerGovernments(units),
    deadline: findDeadline(textLines.map((l) => l.norm).join("\n"), { year }),
    appendixRefs: [],
    bodyRefs: [],
    line: node.head.line,
    path: taskNode.path,
  };
}

function appendixTask(row: TableRow, year: number | null): Task {
  const title = row.title.replace(/[。.]$/, "").trim();
  const units = toUnits(parseResponsibility(row.units), row.units === "" ? null : row.units);
  return {
    id: `A${row.label}`,
    source: "appendix",
    section: null,
    sectionTitle: null,
    label: row.label,
    title,
    text: row.text ?? row.title,
    units,
    obligatory: namesLowerGovernments(units),
    deadline: parseDeadline(row.deadline, { year }),
    appendixRefs: [],
    bodyRefs: [],
    line: row.line,
    path: row.group ? [row.group] : [],
  };
}

/** A table row read as a body task (the plan has no other tasks): B1, B2… by its number. */
function rowAsTask(row: Task): Task {
  return { ...row, id: `B${row.label}`, source: "body" };
}

/** Where the attachments begin (附件：…), or `fallback`'s end when there are none. */
function attachmentStart(lines: Line[], from: number): number {
  const { attachmentHeadings } = structureLexicon();
  for (let i = from; i < lines.length; i++) {
    const norm = (lines[i] as Line).norm;
    if (attachmentHeadings.some((w) => norm.startsWith(w))) return i;
  }
  return lines.length;
}

/** Rules (工作规则, 条例, 细则) are written in articles; three or more make a regulation. */
const MIN_ARTICLES = 3;

/**
 * Rules that implement a policy (实施细则, 管理办法) by their title's ending or, without a title,
 * by how they name themselves (本细则, 本办法).
 */
function isImplementingRules(title: string | null, content: Line[]): boolean {
  const { titleEndings, selfNames } = structureLexicon().implementingRules;
  if (title) return titleEndings.some((w) => title.endsWith(w));
  return content.some((l) => selfNames.some((w) => l.norm.includes(w)));
}

function lastLine(lines: Line[]): number {
  const printed = lines.findIndex((l) => PRINTED_DATE.test(l.norm));
  const last = printed >= 0 ? lines[printed] : lines[lines.length - 1];
  return last?.line ?? 1;
}

/** Makes ids unique (a second table restarting at 1 gets A1~2) and says so. */
function uniqueIds(tasks: Task[], warnings: ParseWarning[]): Task[] {
  const seen = new Map<string, number>();
  return tasks.map((task) => {
    const n = (seen.get(task.id) ?? 0) + 1;
    seen.set(task.id, n);
    if (n === 1) return task;
    warnings.push({
      code: "duplicate-id",
      message: `task id ${task.id} occurs more than once; renamed ${task.id}~${n}`,
      line: task.line,
    });
    return { ...task, id: `${task.id}~${n}` };
  });
}

/** What ingest repaired (src/ingest: reflow.ts, markdown.ts), said once each with its first line. */
const REPAIR_WARNINGS: Record<LineRepair, { code: string; message: string }> = {
  split: {
    code: "line-breaks-restored",
    message: "the text had lost its line breaks: lines were split again where units begin",
  },
  unwrapped: {
    code: "hard-wrap-joined",
    message: "the text was hard-wrapped: full lines were joined back into paragraphs",
  },
  unmarked: { code: "markdown-removed", message: "Markdown marks were removed" },
};

function warnAboutRepairs(lines: readonly Line[], warnings: ParseWarning[]): void {
  for (const repair of Object.keys(REPAIR_WARNINGS) as LineRepair[]) {
    const first = lines.find((l) => l.repairs?.includes(repair));
    if (first) warnings.push({ ...REPAIR_WARNINGS[repair], line: first.line });
  }
}

function warnAboutTasks(tasks: Task[], warnings: ParseWarning[], firstLine: number): void {
  if (tasks.length === 0) {
    if (warnings.some((w) => w.code === "regulation")) return;
    warnings.push({ code: "no-tasks", message: "no recognisable tasks", line: firstLine });
    return;
  }
  for (const task of tasks) {
    if (task.source === "appendix" && task.deadline.kind === "none" && task.deadline.raw !== "") {
      warnings.push({
        code: "deadline-unreadable",
        message: `row ${task.label}: no deadline could be read`,
        line: task.line,
      });
    }
  }
  const body = tasks.filter((t) => t.source === "body");
  const withUnits = body.filter((t) => t.units.lead.length + t.units.support.length > 0);
  if (withUnits.length * 2 >= body.length) {
    for (const task of body) {
      if (task.units.lead.length + task.units.support.length > 0) continue;
      warnings.push({
        code: "units-missing",
        message: `task ${task.id}: no responsible unit found`,
        line: task.line,
      });
    }
  }
}
