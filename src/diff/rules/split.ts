import { named, say, spanOf } from "../context.js";
import { createFinding, type DiffRule } from "../rule.js";

/** One parent task carried by two or more child tasks. */
export const split: DiffRule = {
  id: "split",
  title: { zh: "拆分任务", en: "Split task" },
  defaultSeverity: "info",
  check: ({ parent, linksOfParent, childTask, lang }) =>
    parent.tasks.flatMap((task) => {
      const links = linksOfParent(task.id);
      if (links.length < 2 || !links.some((l) => l.relation !== "partial")) return [];
      const parts = links.flatMap((l) => childTask(l.child) ?? []);
      return [
        createFinding({
          kind: "split",
          severity: "info",
          parent: task.id,
          child: parts[0]?.id ?? null,
          message: say(
            lang,
            `任务 ${named(task, "zh")} 分散在 ${parts.map((p) => p.id).join("、")} 中落实`,
            `Task ${named(task, "en")} is carried by ${parts.map((p) => p.id).join(", ")}`,
          ),
          evidence: [spanOf("parent", task), ...parts.map((p) => spanOf("child", p))],
        }),
      ];
    }),
};
