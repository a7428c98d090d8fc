import type { ParentCoverage } from "../../model/alignment.js";
import type { Finding } from "../../model/finding.js";
import type { Task } from "../../model/task.js";
import { named, say, spanOf } from "../context.js";
import { notBindingNote, ownLevelUnits } from "../obligation.js";
import { createFinding, type DiffRule } from "../rule.js";
import { restatersNote } from "./split.js";

/**
 * A parent task with no link whose coverage (src/align/coverage.ts) reaches this is reported as
 * partly carried — the child holds its measures in tasks written under other titles, or in its
 * safeguards — with a lower severity (low instead of high when obligatory). Half the task: on the
 * real pairs every task the gold calls missing has coverage 0 and the task the child moved into
 * its safeguards has 0.75; on 48 synthetic children, 18 of the 149 body tasks the generator
 * dropped reach 0.2 (short stock sentences such as 加强考核结果运用 recur across tasks), 8 reach
 * 0.3 and 3 reach 0.5 — lowering the severity of a truly dropped task costs more than reporting a
 * half-carried one as missing.
 */
export const PARTLY_CARRIED = 0.5;

const percent = (x: number) => `${Math.round(x * 100)}%`;

/** 「B7.1（32%）、S4（12%）」 */
function carriers(c: ParentCoverage, lang: "zh" | "en"): string {
  return lang === "zh"
    ? c.carriedBy.map((k) => `${k.child}（${percent(k.share)}）`).join("、")
    : c.carriedBy.map((k) => `${k.child} (${percent(k.share)})`).join(", ");
}

/**
 * A parent task that no child task carries. When the parent addresses it to lower-level
 * governments (obligatory), the child was expected to carry it: high severity; a task for
 * provincial departments only is informational. A task carried only partially is not missing
 * (see `merged`). A task with no link whose sentences the child carries elsewhere (coverage at least
 * `PARTLY_CARRIED`) is reported as partly carried, naming the child tasks that hold them; one
 * that an unlinked child task restates (`restates.ts`) is named with it, at the same lower
 * severity.
 */
export const missing: DiffRule = {
  id: "missing",
  title: { zh: "缺失任务", en: "Missing task" },
  defaultSeverity: "high",
  check: ({ parent, child, linksOfParent, coverageOf, restatersOf, restated, lang }) => {
    const unlinked = (id: string) => linksOfParent(id).length === 0;
    const byId = new Map(parent.tasks.map((t) => [t.id, t]));
    // One gap, one finding: a row whose body task is missing too is listed inside that task's
    // finding (unless the row binds the lower level and its body task does not).
    const groupedRow = (row: Task) =>
      row.source === "appendix" &&
      row.bodyRefs.length > 0 &&
      row.bodyRefs.every((id) => {
        const body = byId.get(id);
        return body !== undefined && unlinked(id) && (!row.obligatory || body.obligatory);
      });
    const rowsOf = (task: Task) =>
      task.appendixRefs.flatMap((id) => {
        const row = byId.get(id);
        return row && unlinked(id) && groupedRow(row) ? [row] : [];
      });
    const withRows = (finding: Finding, task: Task): Finding => {
      const rows = rowsOf(task);
      if (rows.length === 0) return finding;
      const listed = rows.map((r) => named(r, lang)).join(lang === "zh" ? "、" : ", ");
      return {
        ...finding,
        message: `${finding.message}${say(lang, `；其清单任务 ${listed} 同样未体现`, `; its table row ${listed} is not carried either`)}`,
        evidence: [...finding.evidence, ...rows.map((r) => spanOf("parent", r))],
      };
    };
    return parent.tasks
      .filter((task) => unlinked(task.id) && !groupedRow(task))
      .map((task) => withRows(findingOf(task), task));

    /** A task carried some other way (unlisted row, restated, partly carried): low at most. */
    function carriedElsewhere(
      task: Task,
      message: string,
      evidence: Finding["evidence"] = [spanOf("parent", task)],
      childId: string | null = null,
    ): Finding {
      return createFinding({
        kind: "missing",
        severity: task.obligatory ? "low" : "info",
        parent: task.id,
        child: childId,
        message,
        evidence,
      });
    }

    function findingOf(task: Task): Finding {
      // A row left out of the child's list whose body task the child carries is only unlisted.
      const carriedBody = task.bodyRefs.filter((id) => linksOfParent(id).length > 0);
      if (carriedBody.length > 0) {
        return carriedElsewhere(
          task,
          say(
            lang,
            `清单任务 ${named(task, "zh")} 未列入实施方案的任务清单（其正文任务 ${carriedBody.join("、")} 已落实）`,
            `Row ${named(task, "en")} is not listed in the child's table (its body task ${carriedBody.join(", ")} is carried)`,
          ),
        );
      }
      const restaters = restatersOf(task.id);
      if (restaters.length > 0) {
        return carriedElsewhere(
          task,
          `${say(
            lang,
            `任务 ${named(task, "zh")} 无对应任务，但实施方案 ${restaters.map((t) => t.id).join("、")} 重述了该任务`,
            `Task ${named(task, "en")} has no matching task, but the child's ${restaters.map((t) => t.id).join(", ")} restates it`,
          )}${restatersNote(restaters, restated, lang)}`,
          [spanOf("parent", task), ...restaters.map((t) => spanOf("child", t))],
          restaters[0]?.id ?? null,
        );
      }
      const coverage = coverageOf(task.id);
      if (coverage && coverage.coverage >= PARTLY_CARRIED && coverage.carriedBy.length > 0) {
        return carriedElsewhere(
          task,
          say(
            lang,
            `任务 ${named(task, "zh")} 无对应任务，但约 ${percent(coverage.coverage)} 的内容由 ${carriers(coverage, "zh")} 承接（部分承接）`,
            `Task ${named(task, "en")} has no matching task, but about ${percent(coverage.coverage)} of it is carried by ${carriers(coverage, "en")} (partly carried)`,
          ),
        );
      }
      return createFinding({
        kind: "missing",
        severity: task.obligatory ? "high" : "info",
        parent: task.id,
        child: null,
        message: task.obligatory
          ? say(
              lang,
              `下级应落实的任务 ${named(task, "zh")} 未在实施方案中体现`,
              `Task ${named(task, "en")}, addressed to lower-level governments, is not carried by the child plan`,
            )
          : ownLevelUnits(task, parent, child).length > 0
            ? `${say(lang, `任务 ${named(task, "zh")} 未在实施方案中体现`, `Task ${named(task, "en")} is not carried`)}${notBindingNote(ownLevelUnits(task, parent, child), lang)}`
            : say(
                lang,
                `任务 ${named(task, "zh")} 未在实施方案中体现（责任单位为上级部门，仅供参考）`,
                `Task ${named(task, "en")} is not carried (the parent assigns it to its own departments only)`,
              ),
        evidence: [spanOf("parent", task)],
      });
    }
  },
};
