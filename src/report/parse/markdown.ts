import type { OutlineEntry, PlanDocument } from "../../model/document.js";
import { LEVEL_LABELS } from "../../model/document.js";
import type { Lang } from "../../model/lang.js";
import type { Task } from "../../model/task.js";
import { showBidiControls } from "../../text/bidi.js";
import { DEADLINE_KIND_LABELS } from "../shared/labels.js";
import type { ParseFormatter } from "./formatter.js";
import { CONFIDENCE_LABELS, foundFields, printedLabel, pt, WHY_LABELS } from "./text.js";

/**
 * A readable outline of each document: header fields and how they were found, the heading tree
 * with the role of each node, tasks by section (then the safeguards), the table, the warnings.
 */
export const parseMarkdown: ParseFormatter = (result, options) =>
  // Bidirectional controls in document text or file names shown as visible marks (⟨U+202E⟩).
  showBidiControls(
    `${result.documents.map((doc) => documentMarkdown(doc, options.lang ?? "zh")).join("\n\n---\n\n")}\n`,
  );

function documentMarkdown(doc: PlanDocument, lang: Lang): string {
  const zh = lang === "zh";
  const out: string[] = [`# ${md(doc.title ?? `${doc.file}#${doc.index}`)}`, ""];
  const span = zh
    ? `（第 ${doc.lines.start}–${doc.lines.end} 行）`
    : ` (lines ${doc.lines.start}–${doc.lines.end})`;
  const fields: [string, string | null][] = [
    [pt("file", lang), `${doc.file}#${doc.index}${span}`],
    [pt("docNumber", lang), doc.docNumber],
    [pt("issuer", lang), doc.issuer],
    [pt("level", lang), LEVEL_LABELS[doc.level][lang]],
    [pt("date", lang), doc.date],
    [pt("printedDate", lang), doc.printedDate],
    [pt("planTitle", lang), doc.planTitle],
  ];
  const colon = zh ? "：" : ": ";
  for (const [name, value] of fields) if (value) out.push(`- **${name}**${colon}${md(value)}`);
  for (const ref of doc.references) {
    const number = ref.docNumber
      ? zh
        ? `（${md(ref.docNumber)}）`
        : ` (${md(ref.docNumber)})`
      : "";
    out.push(
      `- **${pt("reference", lang)}**${colon}${md(ref.title ? `《${ref.title}》` : "")}${number}`,
    );
  }
  out.push("", ...foundTable(doc, lang), "", ...outlineTree(doc.outline, lang));
  const body = doc.tasks.filter((t) => t.source === "body");
  const safeguards = doc.tasks.filter((t) => t.source === "safeguards");
  const rows = doc.tasks.filter((t) => t.source === "appendix");
  out.push(
    "",
    zh
      ? `正文任务 ${body.length} 项，保障措施 ${safeguards.length} 项，清单 ${rows.length} 行。`
      : `Body tasks ${body.length}, safeguards ${safeguards.length}, table rows ${rows.length}.`,
  );
  let currentSection: number | null | undefined;
  for (const task of body) {
    if (task.section !== currentSection) {
      currentSection = task.section;
      const title = task.sectionTitle ?? pt("noSection", lang);
      out.push("", `## ${task.section ?? ""} ${md(title)}`.replace("##  ", "## "), "");
    }
    out.push(taskLine(task, lang));
  }
  if (safeguards.length > 0) {
    out.push("", `## ${pt("safeguards", lang)}`, "");
    for (const task of safeguards) out.push(taskLine(task, lang));
  }
  if (rows.length > 0) {
    out.push(
      "",
      `## ${pt("appendix", lang)}`,
      "",
      zh
        ? "| 序号 | 重点任务 | 责任单位 | 时间要求 | 期限类型 | 截止 | 对应正文 |"
        : "| No. | Task | Units | Deadline | Kind | Due | Body tasks |",
    );
    out.push("|---|---|---|---|---|---|---|");
    for (const row of rows) {
      const units = [...row.units.lead.map((u) => `**${u}**`), ...row.units.support].join("、");
      out.push(
        `| ${row.label} | ${cell(row.title)} | ${cell(units)} | ${cell(row.deadline.raw)} | ${DEADLINE_KIND_LABELS[row.deadline.kind][lang]} | ${row.deadline.due ?? ""} | ${row.bodyRefs.join(" ")} |`,
      );
    }
  }
  if (doc.warnings.length > 0) {
    out.push("", `## ${pt("warnings", lang)}`, "");
    for (const w of doc.warnings) {
      out.push(
        zh
          ? `- 第 ${w.line ?? "?"} 行：${md(w.message)}（${w.code}）`
          : `- line ${w.line ?? "?"}: ${md(w.message)} (${w.code})`,
      );
    }
  }
  return out.join("\n");
}

/** How title, issuer, level and date were found: value, from, line, confidence. */
function foundTable(doc: PlanDocument, lang: Lang): string[] {
  return [
    `## ${pt("found", lang)}`,
    "",
    `| ${pt("field", lang)} | ${pt("value", lang)} | ${pt("from", lang)} | ${pt("line", lang)} | ${pt("confidence", lang)} |`,
    "|---|---|---|---|---|",
    ...foundFields(doc, lang).map(
      (f) =>
        `| ${f.name} | ${cell(f.value ?? "—")} | ${f.from} | ${f.source.line ?? "—"} | ${CONFIDENCE_LABELS[f.source.confidence][lang]} |`,
    ),
  ];
}

/**
 * The heading tree as one nested list: tasks and safeguards bold with their id, groups plain,
 * context nodes in italics with the reason, restored labels flagged. Depth jumps are clamped to
 * one level so that the list stays a list (a deeper indent would become a code block).
 */
function outlineTree(outline: readonly OutlineEntry[], lang: Lang): string[] {
  const out = [`## ${pt("outline", lang)}`, ""];
  if (outline.length === 0) return [...out, pt("noOutline", lang)];
  let previous = -1;
  for (const entry of outline) {
    const level = Math.max(0, Math.min(entry.depth - 1, previous + 1));
    previous = level;
    out.push(`${"  ".repeat(level)}- ${outlineLine(entry, lang)}`);
  }
  return out;
}

function outlineLine(entry: OutlineEntry, lang: Lang): string {
  const heading = `${md(printedLabel(entry))}${entry.inferred ? pt("restored", lang) : ""}${md(entry.title)}`;
  const line = lang === "zh" ? `第 ${entry.line} 行` : `line ${entry.line}`;
  const why = md(WHY_LABELS[entry.why][lang]);
  if (entry.role === "context") return [`*${heading}*`, line, `*${why}*`].join(" · ");
  const id = entry.taskId && entry.role !== "group" ? `**${entry.taskId}** ` : "";
  return [`${id}${heading}`, line, why].join(" · ");
}

function taskLine(task: Task, lang: Lang): string {
  const zh = lang === "zh";
  const units = [
    ...task.units.lead,
    ...task.units.support.map((u) => `${u}${pt("support", lang)}`),
  ].join("、");
  const deadline =
    task.deadline.kind === "none"
      ? ""
      : zh
        ? `；期限：${task.deadline.raw}（${DEADLINE_KIND_LABELS[task.deadline.kind].zh}）`
        : `; deadline: ${task.deadline.raw} (${task.deadline.kind})`;
  const refs =
    task.appendixRefs.length > 0
      ? `${zh ? "；清单 " : "; table "}${task.appendixRefs.join(" ")}`
      : "";
  const unitText = units ? (zh ? `（${md(units)}）` : ` (${md(units)})`) : "";
  const line = `- **${task.id}** ${md(task.title)}${unitText}${md(deadline)}${refs}`;
  // The headings above the task as a breadcrumb on a second line (a hard break: `\`), when
  // they go deeper than the part and the section the task list is grouped by.
  if (task.path.length < 3) return line;
  return `${line}\\\n  ${pt("path", lang)}${zh ? "：" : ": "}${task.path.map(md).join(" › ")}`;
}

/** Escapes Markdown syntax characters that document text may contain. */
function md(s: string): string {
  return s.replace(/([\\`*_[\]<>|#])/g, "\\$1");
}

function cell(s: string): string {
  return md(s).replace(/\n/g, " ");
}
