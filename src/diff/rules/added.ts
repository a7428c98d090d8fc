import { named, say, spanOf } from "../context.js";
import { createFinding, type DiffRule } from "../rule.js";

/** A child task that carries no parent task: a local initiative, listed for study. */
export const added: DiffRule = {
  id: "added",
  title: { zh: "新增任务", en: "Added task" },
  defaultSeverity: "info",
  check: ({ child, linksOfChild, lang }) =>
    child.tasks
      .filter((task) => linksOfChild(task.id).length === 0)
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
