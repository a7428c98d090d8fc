import type { Lang } from "../../model/lang.js";
import type { Task } from "../../model/task.js";
import { counterpartKey, namesLowerGovernments } from "../../text/units.js";
import { named, say, spanOf } from "../context.js";
import { createFinding, type DiffRule } from "../rule.js";

/** Lead units of a task that are departments, not the lower governments every task names. */
function departmentLeads(task: Task): string[] {
  return task.units.lead.filter((u) => !namesLowerGovernments({ lead: [u], support: [] }));
}

/**
 * Two unit keys (`counterpartKey`: after level mapping and the counterpart table) name the same
 * body: equal, or the shorter one's characters stand in order in the longer (人社保 ~ 人力社保,
 * 本级政府党组 ~ 本级政府各部门党组), as abbreviations do.
 */
export function sameUnit(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < 2 || short.length * 2 < long.length) return false;
  let k = 0;
  for (const ch of long) if (ch === short[k]) k++;
  return k === short.length;
}

/** What became of one lead unit of the parent task in the child task. */
type Fate = "kept" | "demoted" | "gone";

/**
 * The lead units of the parent task, each with what became of it in the child: still leading
 * (itself or its counterpart at the child's level: 省政府办公厅 → 区府办, 省发展改革委 → 区发改局),
 * demoted to a supporting unit (牵头 → 配合), or gone. A unit is never compared with a name of
 * its own counterpart as if it were another body.
 */
export function leadFates(
  parent: Task,
  child: Task,
  aliases?: ReadonlyMap<string, string>,
): { unit: string; fate: Fate }[] {
  const key = (u: string) => counterpartKey(u, aliases);
  const childLeads = child.units.lead.map(key);
  const childSupport = child.units.support.map(key);
  const inList = (k: string, list: string[]) => list.some((v) => sameUnit(k, v));
  return departmentLeads(parent).map((unit) => {
    const k = key(unit);
    const fate: Fate = inList(k, childLeads)
      ? "kept"
      : inList(k, childSupport)
        ? "demoted"
        : "gone";
    return { unit, fate };
  });
}

/** 「角色变化：省发展改革委由牵头改为配合」 */
function roleChange(demoted: string[], lang: Lang): string {
  return say(
    lang,
    `角色变化：${demoted.join("、")}由牵头改为配合`,
    `role change: ${demoted.join(", ")} no longer leads but supports`,
  );
}

/**
 * The lead unit disappeared or changed after level mapping and the counterpart table
 * (data/lexicon/unit-counterparts.json and the user's unit aliases): 省法制办 → 市法制办 and
 * 省政府办公厅 → 区府办 are no drift; 省发展改革委 → nobody is. A parent lead kept as a supporting
 * unit is a role change, reported as its own detail (also when another lead is kept). Compared on
 * aligned, non-partial pairs.
 */
export const responsibilityDrift: DiffRule = {
  id: "responsibility-drift",
  title: { zh: "责任单位变化", en: "Responsibility drift" },
  defaultSeverity: "medium",
  check: ({ alignments, parentTask, childTask, unitAliases, lang }) =>
    alignments.flatMap((link) => {
      const p = parentTask(link.parent);
      const c = childTask(link.child);
      if (!p || !c || link.relation === "partial") return [];
      const fates = leadFates(p, c, unitAliases);
      if (fates.length === 0) return [];
      const demoted = fates.filter((f) => f.fate === "demoted").map((f) => f.unit);
      const kept = fates.some((f) => f.fate === "kept");
      if (kept && demoted.length === 0) return [];
      const none = c.units.lead.length + c.units.support.length === 0;
      const was = fates.map((f) => f.unit).join("、");
      const now = c.units.lead.join("、");
      const message = none
        ? say(
            lang,
            `${named(c, "zh")} 未明确责任单位（上级方案由${was}牵头）`,
            `${named(c, "en")} names no responsible unit (the parent: ${was})`,
          )
        : kept
          ? say(
              lang,
              `${named(c, "zh")} 的${roleChange(demoted, "zh")}（现由${now}牵头）`,
              `${named(c, "en")}: ${roleChange(demoted, "en")} (now led by ${now})`,
            )
          : `${say(
              lang,
              `${named(c, "zh")} 的牵头单位由${was}变为${now || "（未写明）"}`,
              `The lead of ${named(c, "en")} changes from ${was} to ${now || "(none)"}`,
            )}${demoted.length > 0 ? say(lang, `（${roleChange(demoted, "zh")}）`, ` (${roleChange(demoted, "en")})`) : ""}`;
      return [
        createFinding({
          kind: "responsibility-drift",
          severity: none ? "medium" : "low",
          parent: p.id,
          child: c.id,
          message,
          evidence: [spanOf("parent", p), spanOf("child", c)],
        }),
      ];
    }),
};
