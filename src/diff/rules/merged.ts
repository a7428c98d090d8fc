import type { Alignment } from "../../model/alignment.js";
import type { Lang } from "../../model/lang.js";
import type { Task } from "../../model/task.js";
import { named, say, spanOf } from "../context.js";
import { createFinding, type DiffRule } from "../rule.js";

/**
 * A parent task carried only as part of a child task whose main subject is another parent task
 * (行政问责 + 容错免责 → one task), or that merges several parent tasks under a title of its own
 * (three product lines of the parent → one child task titled anew): not missing, but worth a look.
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
        if (!host) return [];
        const message = mergeMessage(task, host, linksOfChild(link.child), parentTask, lang);
        if (!message) return [];
        return [
          createFinding({
            kind: "merged",
            severity: "low",
            parent: task.id,
            child: host.id,
            message,
            evidence: [spanOf("parent", task), spanOf("child", host)],
          }),
        ];
      });
    }),
};

/**
 * What the merge is: folded into a child task whose main subject is another parent task, or one
 * of several parent tasks the child task merges under a new title; null when the child task
 * carries nothing else.
 */
function mergeMessage(
  task: Task,
  host: Task,
  hostLinks: readonly Alignment[],
  parentTask: (id: string) => Task | undefined,
  lang: Lang,
): string | null {
  const main = hostLinks.find((l) => l.relation !== "partial");
  const mainTask = main ? parentTask(main.parent) : undefined;
  if (mainTask) {
    return say(
      lang,
      `任务 ${named(task, "zh")} 被并入 ${named(host, "zh")}（主要对应 ${mainTask.id}）`,
      `Task ${named(task, "en")} is folded into ${named(host, "en")} (which mainly carries ${mainTask.id})`,
    );
  }
  const others = [...new Set(hostLinks.map((l) => l.parent))].filter((id) => id !== task.id);
  if (others.length === 0) return null;
  return say(
    lang,
    `任务 ${named(task, "zh")} 与 ${others.join("、")} 一并并入 ${named(host, "zh")}（以新标题合并多项任务）`,
    `Task ${named(task, "en")} is merged with ${others.join(", ")} into ${named(host, "en")} (several tasks under a new title)`,
  );
}
