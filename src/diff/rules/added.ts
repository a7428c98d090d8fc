import { named, say, spanOf } from "../context.js";
import { createFinding, type DiffRule } from "../rule.js";

/**
 * A child task that carries no parent task: a local initiative, listed for study. A task with no
 * link whose title or sentences the parent already holds (`restates.ts`) is not added: `split`
 * lists it with the other carriers of that parent task, or `missing` names it when the parent
 * task has no link.
 */
export const added: DiffRule = {
  id: "added",
  title: { zh: "新增任务", en: "Added task" },
  defaultSeverity: "info",
  check: ({ child, linksOfChild, restated, lang }) =>
    child.tasks
      .filter((task) => linksOfChild(task.id).length === 0 && !restated(task.id))
      .map((task) =>
        createFinding({
          kind: "added",
          severity: "info",
          parent: null,
          child: task.id,
          message: say(
            lang,
            `实施方案新增任务 ${named(task, "zh")}（上级方案中无对应任务）`,
            `The child adds task ${named(task, "en")}, which has no counterpart in the parent`,
          ),
          evidence: [spanOf("child", task)],
        }),
      ),
};
