import { named, say, spanOf } from "../context.js";
import { createFinding, type DiffRule } from "../rule.js";

/**
 * A parent task that no child task carries. When the parent addresses it to lower-level
 * governments (obligatory), the child was expected to carry it: high severity; a task for
 * provincial departments only is informational. A task carried only partially is not missing
 * (see `merged`).
 */
export const missing: DiffRule = {
  id: "missing",
  title: { zh: "缺失任务", en: "Missing task" },
  defaultSeverity: "high",
  check: ({ parent, linksOfParent, lang }) =>
    parent.tasks
      .filter((task) => linksOfParent(task.id).length === 0)
      .map((task) => {
        // A row left out of the child's list whose body task the child carries is only unlisted.
        const carriedBody = task.bodyRefs.filter((id) => linksOfParent(id).length > 0);
        if (carriedBody.length > 0) {
          return createFinding({
            kind: "missing",
            severity: task.obligatory ? "low" : "info",
            parent: task.id,
            child: null,
            message: say(
              lang,
              `清单任务 ${named(task, "zh")} 未列入实施方案的任务清单（其正文任务 ${carriedBody.join("、")} 已落实）`,
              `Row ${named(task, "en")} is not listed in the child's table (its body task ${carriedBody.join(", ")} is carried)`,
            ),
            evidence: [spanOf("parent", task)],
          });
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
            : say(
                lang,
                `任务 ${named(task, "zh")} 未在实施方案中体现（责任单位为上级部门，仅供参考）`,
                `Task ${named(task, "en")} is not carried (the parent assigns it to its own departments only)`,
              ),
          evidence: [spanOf("parent", task)],
        });
      }),
};
