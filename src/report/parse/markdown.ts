import type { PlanDocument } from "../../model/document.js";
import type { Task } from "../../model/task.js";
import { showBidiControls } from "../../text/bidi.js";
import type { ParseFormatter } from "./formatter.js";

/** A readable outline of each document: header fields, sections with their tasks, the table. */
export const parseMarkdown: ParseFormatter = (result) =>
  // Bidirectional controls in document text or file names shown as visible marks (⟨U+202E⟩).
  showBidiControls(`${result.documents.map(documentMarkdown).join("\n\n---\n\n")}\n`);

function documentMarkdown(doc: PlanDocument): string {
  const out: string[] = [`# ${md(doc.title ?? `${doc.file}#${doc.index}`)}`, ""];
  const fields: [string, string | null][] = [
    ["文件", `${doc.file}#${doc.index}（第 ${doc.lines.start}–${doc.lines.end} 行）`],
    ["文号", doc.docNumber],
    ["发文机关", doc.issuer],
    ["层级", doc.level],
    ["成文日期", doc.date],
    ["印发日期", doc.printedDate],
    ["方案标题", doc.planTitle],
  ];
  for (const [name, value] of fields) if (value) out.push(`- **${name}**：${md(value)}`);
  for (const ref of doc.references) {
    out.push(
      `- **引用**：${md(ref.title ? `《${ref.title}》` : "")}${ref.docNumber ? `（${md(ref.docNumber)}）` : ""}`,
    );
  }
  const body = doc.tasks.filter((t) => t.source === "body");
  const rows = doc.tasks.filter((t) => t.source === "appendix");
  out.push("", `正文任务 ${body.length} 项，清单 ${rows.length} 行。`);
  let currentSection: number | null | undefined;
  for (const task of body) {
    if (task.section !== currentSection) {
      currentSection = task.section;
      const title = task.sectionTitle ?? "（未分节）";
      out.push("", `## ${task.section ?? ""} ${md(title)}`.replace("##  ", "## "), "");
    }
    out.push(taskLine(task));
  }
  if (rows.length > 0) {
    out.push(
      "",
      "## 重点任务清单",
      "",
      "| 序号 | 重点任务 | 责任单位 | 时间要求 | 期限类型 | 截止 | 对应正文 |",
    );
    out.push("|---|---|---|---|---|---|---|");
    for (const row of rows) {
      const units = [...row.units.lead.map((u) => `**${u}**`), ...row.units.support].join("、");
      out.push(
        `| ${row.label} | ${cell(row.title)} | ${cell(units)} | ${cell(row.deadline.raw)} | ${row.deadline.kind} | ${row.deadline.due ?? ""} | ${row.bodyRefs.join(" ")} |`,
      );
    }
  }
  if (doc.warnings.length > 0) {
    out.push("", "## 解析警告", "");
    for (const w of doc.warnings)
      out.push(`- 第 ${w.line ?? "?"} 行：${md(w.message)}（${w.code}）`);
  }
  return out.join("\n");
}

function taskLine(task: Task): string {
  const units = [...task.units.lead, ...task.units.support.map((u) => `${u}（配合）`)].join("、");
  const deadline =
    task.deadline.kind === "none" ? "" : `；期限：${task.deadline.raw}（${task.deadline.kind}）`;
  const refs = task.appendixRefs.length > 0 ? `；清单 ${task.appendixRefs.join(" ")}` : "";
  return `- **${task.id}** ${md(task.title)}${units ? `（${md(units)}）` : ""}${md(deadline)}${refs}`;
}

/** Escapes Markdown syntax characters that document text may contain. */
function md(s: string): string {
  return s.replace(/([\\`*_[\]<>|#])/g, "\\$1");
}

function cell(s: string): string {
  return md(s).replace(/\n/g, " ");
}
