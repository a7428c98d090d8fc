import { named, say, spanOf } from "../context.js";
import { createFinding, type DiffRule } from "../rule.js";

/**
 * A parent task carried only as part of a child task whose main subject is another parent task
 * (行政问责 + 容错免责 → one task), or that merges several parent tasks under a title of its own
 * (智能机器人 + 智能装备 + … → 加快重点产品研发及规模化发展): not missing, but worth a look.
 */
export const merged: DiffRule = {
  id: "merged",
  title: { zh: "合并任务", en: "Merged task" },
  defaultSeverity: "low",
  check: ({ parent, linksOfParent, linksOfChild, childTask, parentTask, lang }) =>
    parent.tasks.flatMap((task) => {
      const links = linksOfParent(task.id);
      if (links.length === 0 || links.some((l) => l.relation !== "partial")) return [];
      return links.flatMap((link) => {
        const host = childTask(link.child);
        const hostLinks = linksOfChild(link.child);
        const main = hostLinks.find((l) => l.relation !== "partial");
        const mainTask = main ? parentTask(main.parent) : undefined;
        if (!host) return [];
        if (!mainTask) {
          // No parent task is the host's main subject: it merges several under a new title.
          const others = [...new Set(hostLinks.map((l) => l.parent))].filter(
            (id) => id !== task.id,
          );
          if (others.length === 0) return [];
          return [
            createFinding({
              kind: "merged",
              severity: "low",
              parent: task.id,
              child: host.id,
              message: say(
                lang,
                `任务 ${named(task, "zh")} 与 ${others.join("、")} 一并并入 ${named(host, "zh")}（以新标题合并多项任务）`,
                `Task ${named(task, "en")} is merged with ${others.join(", ")} into ${named(host, "en")} (several tasks under a new title)`,
              ),
              evidence: [spanOf("parent", task), spanOf("child", host)],
            }),
          ];
        }
        return [
          createFinding({
            kind: "merged",
            severity: "low",
            parent: task.id,
            child: host.id,
            message: say(
              lang,
              `任务 ${named(task, "zh")} 被并入 ${named(host, "zh")}（主要对应 ${mainTask.id}）`,
              `Task ${named(task, "en")} is folded into ${named(host, "en")} (which mainly carries ${mainTask.id})`,
            ),
            evidence: [spanOf("parent", task), spanOf("child", host)],
          }),
        ];
      });
    }),
};
