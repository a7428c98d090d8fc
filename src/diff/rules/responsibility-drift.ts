import type { Task } from "../../model/task.js";
import { namesLowerGovernments, normalizeUnit } from "../../text/units.js";
import { named, say, spanOf } from "../context.js";
import { createFinding, type DiffRule } from "../rule.js";

/** Lead units of a task that are departments, not the lower governments every task names. */
function departmentLeads(task: Task): string[] {
  return task.units.lead.filter((u) => !namesLowerGovernments({ lead: [u], support: [] }));
}

/**
 * Two unit names (after level mapping) name the same body: equal, or the shorter one's characters
 * stand in order in the longer (人社保局 ~ 人力社保局, 编办 ~ 编委办), as abbreviations do.
 */
export function sameUnit(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < 2 || short.length * 2 < long.length) return false;
  let k = 0;
  for (const ch of long) if (ch === short[k]) k++;
  return k === short.length;
}

/**
 * The lead unit disappeared or changed after level mapping (省法制办 → 市法制办 is no drift;
 * 省发展改革委 → nobody is). Compared on aligned, non-partial pairs.
 */
export const responsibilityDrift: DiffRule = {
  id: "responsibility-drift",
  title: { zh: "责任单位变化", en: "Responsibility drift" },
  defaultSeverity: "medium",
  check: ({ alignments, parentTask, childTask, lang }) =>
    alignments.flatMap((link) => {
      const p = parentTask(link.parent);
      const c = childTask(link.child);
      if (!p || !c || link.relation === "partial") return [];
      const leads = departmentLeads(p);
      if (leads.length === 0) return [];
      const childLeads = c.units.lead.map(normalizeUnit);
      const childAll = [...c.units.lead, ...c.units.support].map(normalizeUnit);
      const inList = (u: string, list: string[]) => list.some((v) => sameUnit(normalizeUnit(u), v));
      if (leads.some((u) => inList(u, childLeads))) return [];
      const demoted = leads.filter((u) => inList(u, childAll));
      const none = childAll.length === 0;
      const severity = none ? "medium" : "low";
      const was = leads.join("、");
      const now = c.units.lead.join("、");
      const message = none
        ? say(
            lang,
            `${named(c, "zh")} 未明确责任单位（上级方案由${was}牵头）`,
            `${named(c, "en")} names no responsible unit (the parent: ${was})`,
          )
        : demoted.length > 0
          ? say(
              lang,
              `${named(c, "zh")} 中${demoted.join("、")}由牵头改为配合（现由${now}牵头）`,
              `In ${named(c, "en")} ${demoted.join(", ")} no longer leads (now: ${now})`,
            )
          : say(
              lang,
              `${named(c, "zh")} 的牵头单位由${was}变为${now}`,
              `The lead of ${named(c, "en")} changes from ${was} to ${now}`,
            );
      return [
        createFinding({
          kind: "responsibility-drift",
          severity,
          parent: p.id,
          child: c.id,
          message,
          evidence: [spanOf("parent", p), spanOf("child", c)],
        }),
      ];
    }),
};
