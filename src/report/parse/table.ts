import Table from "cli-table3";
import type { PlanDocument } from "../../model/document.js";
import { showBidiControls } from "../../text/bidi.js";
import { truncateToWidth, wrapToWidth } from "../../util/display-width.js";
import type { ParseFormatter } from "./formatter.js";

const TITLE_WIDTH = 40;
const UNITS_WIDTH = 28;

/** A terminal overview: one summary line per document, then its tasks in a table. */
export const parseTable: ParseFormatter = (result, options) =>
  // Bidirectional controls are shown as visible marks (⟨U+202E⟩) cell by cell, before widths are
  // measured; the last pass only guarantees that none is left.
  showBidiControls(
    `${result.documents.map((doc) => documentTable(doc, options.color)).join("\n\n")}\n`,
  );

function documentTable(doc: PlanDocument, color: boolean): string {
  const bold = (s: string) => (color ? `\u001b[1m${s}\u001b[22m` : s);
  const head = [
    bold(doc.title ?? `${doc.file}#${doc.index}`),
    [doc.docNumber, doc.issuer, doc.level, doc.date].filter(Boolean).join(" · "),
    `正文任务 ${doc.tasks.filter((t) => t.source === "body").length} 项 · 清单 ${doc.tasks.filter((t) => t.source === "appendix").length} 行 · 警告 ${doc.warnings.length} 条`,
  ];
  const table = new Table({
    head: ["编号", "任务", "牵头/责任单位", "期限"],
    style: { head: color ? ["cyan"] : [], border: color ? ["grey"] : [] },
  });
  for (const task of doc.tasks) {
    table.push([
      task.id,
      wrapToWidth(truncateToWidth(showBidiControls(task.title), TITLE_WIDTH * 2), TITLE_WIDTH),
      wrapToWidth(
        truncateToWidth(showBidiControls(task.units.lead.join("、")), UNITS_WIDTH * 2),
        UNITS_WIDTH,
      ),
      task.deadline.kind === "none"
        ? ""
        : `${task.deadline.kind}${task.deadline.due ? ` ${task.deadline.due}` : ""}`,
    ]);
  }
  return `${head.join("\n")}\n${table.toString()}`;
}
