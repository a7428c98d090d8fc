import type { Lang } from "../../model/lang.js";
import type { Task } from "../../model/task.js";
import { named, say, spanOf } from "../context.js";
import type { Restatement } from "../restates.js";
import { createFinding, type DiffRule } from "../rule.js";

/**
 * One parent task carried by two or more child tasks: linked ones, and child tasks with no link
 * that restate it (its title, or most of its sentences; see `restates.ts`), which the message
 * names as such.
 */
export const split: DiffRule = {
  id: "split",
  title: { zh: "拆分任务", en: "Split task" },
  defaultSeverity: "info",
  check: ({ parent, linksOfParent, childTask, restatersOf, restated, lang }) =>
    parent.tasks.flatMap((task) => {
      const links = linksOfParent(task.id);
      const restaters = restatersOf(task.id);
      if (links.length === 0 || links.length + restaters.length < 2) return [];
      if (restaters.length === 0 && !links.some((l) => l.relation !== "partial")) return [];
      const parts = [...links.flatMap((l) => childTask(l.child) ?? []), ...restaters];
      const ids = parts.map((p) => p.id);
      return [
        createFinding({
          kind: "split",
          severity: "info",
          parent: task.id,
          child: parts[0]?.id ?? null,
          message: `${say(
            lang,
            `任务 ${named(task, "zh")} 分散在 ${ids.join("、")} 中落实`,
            `Task ${named(task, "en")} is carried by ${ids.join(", ")}`,
          )}${restatersNote(restaters, restated, lang)}`,
          evidence: [spanOf("parent", task), ...parts.map((p) => spanOf("child", p))],
        }),
      ];
    }),
};

/** 「（A26 与其标题相同，未建立对应关系）」: how each unlinked child task restates the parent task. */
export function restatersNote(
  restaters: readonly Task[],
  restated: (id: string) => Restatement | undefined,
  lang: Lang,
): string {
  if (restaters.length === 0) return "";
  const what = (t: Task): string => {
    const r = restated(t.id);
    if (r?.how === "same-title")
      return say(lang, `${t.id} 与其标题相同`, `${t.id} bears its title`);
    if (r?.how === "title-inside")
      return say(lang, `${t.id} 的标题见于其原文`, `${t.id}'s title reads in its text`);
    return say(
      lang,
      `${t.id} 重复其语句（${Math.round((r?.share ?? 0) * 100)}%）`,
      `${t.id} repeats its sentences (${Math.round((r?.share ?? 0) * 100)}%)`,
    );
  };
  return say(
    lang,
    `（${restaters.map(what).join("；")}，未建立对应关系）`,
    ` (${restaters.map(what).join("; ")}; not linked)`,
  );
}
