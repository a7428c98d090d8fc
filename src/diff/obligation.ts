import type { PlanDocument } from "../model/document.js";
import type { Lang } from "../model/lang.js";
import type { Task } from "../model/task.js";
import { isOwnLevelUnit } from "../text/units.js";
import { say } from "./context.js";

/**
 * The units of a parent task when they are all the parent's own bodies (province departments
 * for a province plan: 省政府办公厅, 省数据管理中心, 省统计局): such a task does not bind a lower
 * plan, so what the child does with it is for information. Empty when the task names no unit,
 * names a lower government (`obligatory`), or names any unit of another level, and when the
 * child is not known to be of a lower level than the parent.
 */
export function ownLevelUnits(task: Task, parent: PlanDocument, child: PlanDocument): string[] {
  // A plan of the same level (a province department's plan under the province's) is bound by
  // the province's departments; so is a child whose level is unknown.
  if (task.obligatory || child.level === parent.level || child.level === "unknown") return [];
  const units = [...task.units.lead, ...task.units.support];
  if (units.length === 0) return [];
  return units.every((u) => isOwnLevelUnit(u, parent.level)) ? units : [];
}

/** 「（责任单位仅为上级本级部门：省政府办公厅、省统计局，对实施方案无约束）」 */
export function notBindingNote(units: readonly string[], lang: Lang): string {
  return say(
    lang,
    `（责任单位仅为上级本级部门：${units.join("、")}，对实施方案无约束）`,
    ` (assigned only to the parent's own departments: ${units.join(", ")}; not binding on the child)`,
  );
}
