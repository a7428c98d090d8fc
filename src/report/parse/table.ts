import Table from "cli-table3";
import type { PlanDocument } from "../../model/document.js";
import { LEVEL_LABELS } from "../../model/document.js";
import type { Lang } from "../../model/lang.js";
import type { Task } from "../../model/task.js";
import { showBidiControls } from "../../text/bidi.js";
import { truncateToWidth, wrapToWidth } from "../../util/display-width.js";
import { DEADLINE_KIND_LABELS } from "../shared/labels.js";
import type { ParseFormatter } from "./formatter.js";
import { CONFIDENCE_LABELS, foundFields, pt } from "./text.js";

const TITLE_WIDTH = 40;
const UNITS_WIDTH = 28;

/**
 * A terminal overview: one summary line per document (and how its header was found, when the
 * parser recorded it), then its tasks in a table: body tasks, safeguards, the task table's rows.
 */
export const parseTable: ParseFormatter = (result, options) =>
  // Bidirectional controls are shown as visible marks (⟨U+202E⟩) cell by cell, before widths are
  // measured; the last pass only guarantees that none is left.
  showBidiControls(
    `${result.documents.map((doc) => documentTable(doc, options.color, options.lang ?? "zh")).join("\n\n")}\n`,
  );

function documentTable(doc: PlanDocument, color: boolean, lang: Lang): string {
  const bold = (s: string) => (color ? `\u001b[1m${s}\u001b[22m` : s);
  const body = doc.tasks.filter((t) => t.source === "body");
  const safeguards = doc.tasks.filter((t) => t.source === "safeguards");
  const rows = doc.tasks.filter((t) => t.source === "appendix");
  const warnings = doc.warnings.length;
  const head = [
    bold(doc.title ?? `${doc.file}#${doc.index}`),
    [doc.docNumber, doc.issuer, LEVEL_LABELS[doc.level][lang], doc.date]
      .filter(Boolean)
      .join(" · "),
    lang === "zh"
      ? `正文任务 ${body.length} 项 · 保障措施 ${safeguards.length} 项 · 清单 ${rows.length} 行 · 警告 ${warnings} 条`
      : `body tasks ${body.length} · safeguards ${safeguards.length} · table rows ${rows.length} · warnings ${warnings}`,
    ...foundLine(doc, lang),
  ];
  const table = new Table({
    head: [pt("id", lang), pt("task", lang), pt("units", lang), pt("due", lang)],
    style: { head: color ? ["cyan"] : [], border: color ? ["grey"] : [] },
  });
  const group = (name: string) => table.push([{ colSpan: 4, content: bold(name) }]);
  for (const task of body) table.push(taskRow(task, lang));
  // Group rows only when there are safeguards: a table of body tasks and rows reads as before.
  if (safeguards.length > 0) {
    group(pt("safeguards", lang));
    for (const task of safeguards) table.push(taskRow(task, lang));
    if (rows.length > 0) group(pt("appendix", lang));
  }
  for (const task of rows) table.push(taskRow(task, lang));
  return `${head.join("\n")}\n${table.toString()}`;
}

function taskRow(task: Task, lang: Lang): string[] {
  return [
    task.id,
    wrapToWidth(truncateToWidth(showBidiControls(task.title), TITLE_WIDTH * 2), TITLE_WIDTH),
    wrapToWidth(
      truncateToWidth(showBidiControls(task.units.lead.join("、")), UNITS_WIDTH * 2),
      UNITS_WIDTH,
    ),
    task.deadline.kind === "none"
      ? ""
      : `${DEADLINE_KIND_LABELS[task.deadline.kind][lang]}${task.deadline.due ? ` ${task.deadline.due}` : ""}`,
  ];
}

/** 来源：标题 封面 第 3 行（高） · …; nothing when no source was recorded (an older result). */
function foundLine(doc: PlanDocument, lang: Lang): string[] {
  const fields = foundFields(doc, lang);
  if (fields.every((f) => f.source.from === "none")) return [];
  const zh = lang === "zh";
  const parts = fields.map((f) => {
    const line =
      f.source.line === null ? "" : zh ? ` 第 ${f.source.line} 行` : `, line ${f.source.line}`;
    const confidence = CONFIDENCE_LABELS[f.source.confidence][lang];
    return zh
      ? `${f.name} ${f.from}${line}（${confidence}）`
      : `${f.name.toLowerCase()} ${f.from}${line} (${confidence})`;
  });
  return [`${pt("from", lang)}${zh ? "：" : ": "}${parts.join(" · ")}`];
}
