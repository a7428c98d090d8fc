import type { CompareResult } from "../../model/compare.js";
import { type Finding, SEVERITY_ORDER, type Severity } from "../../model/finding.js";
import type { Lang } from "../../model/lang.js";
import type { Task, Units } from "../../model/task.js";
import { fold } from "../../text/fold.js";

/** Words of the unit columns and of the grouping by unit. */
export const UNIT_TEXT = {
  parentUnits: { zh: "上级责任单位", en: "Parent units" },
  childUnits: { zh: "下级责任单位", en: "Child units" },
  support: { zh: "配合", en: "support" },
  unassigned: { zh: "未明确责任单位", en: "No unit named" },
  issuer: { zh: "（发文机关）", en: " (issuer)" },
} as const satisfies Record<string, Record<Lang, string>>;

/**
 * A task's responsible units as one cell: the lead units, then the supporting ones —
 * 「市发展改革委、市财政局；配合：各县〔市、区〕政府」 / "A, B; support: C". The unit names are
 * document text and never translated; empty when the task names none.
 */
export function unitsText(units: Units | undefined, lang: Lang): string {
  if (!units) return "";
  const sep = lang === "zh" ? "、" : ", ";
  const lead = units.lead.join(sep);
  if (units.support.length === 0) return lead;
  const support = `${UNIT_TEXT.support[lang]}${lang === "zh" ? "：" : ": "}${units.support.join(sep)}`;
  if (lead === "") return support;
  return `${lead}${lang === "zh" ? "；" : "; "}${support}`;
}

/** The findings one child unit must answer for. */
export interface UnitGroup {
  /** The unit's name as the child plan prints it, or a bucket label (no unit named, issuer). */
  unit: string;
  /** True for the bucket of findings whose child task names no unit. */
  unassigned: boolean;
  /** Findings by severity (every severity present, 0 when none). */
  bySeverity: Record<Severity, number>;
  /** Indexes into `result.findings`, most severe first, then in the findings' order. */
  findings: number[];
}

/**
 * The findings grouped by the child unit that must answer them (who must answer what):
 *
 * - a finding with a child task goes to each of that task's lead units (to its supporting units
 *   when it names no lead unit) — a task two units lead is listed under both; unit names that
 *   differ only in bracket or width forms (〔〕 and （）) are one unit;
 * - a child task that names no unit at all: the 未明确责任单位 / "No unit named" bucket;
 * - a finding without a child task (a parent task the child plan misses, a citation problem)
 *   goes to the body that issued the child plan (its 发文机关, e.g. 嘉兴市人民政府（发文机关）):
 *   the plan's omissions are its issuer's to explain. The parent's own units are not used: they
 *   are the parent government's departments (省发展改革委), not anyone in the child's
 *   government. When the issuer is unknown, such findings go to the no-unit bucket too.
 *
 * Groups come in order of their high, then medium, low and info counts (most first), then by
 * name (code points, so that the order does not depend on the machine's collation); the
 * no-unit bucket comes last.
 */
export function groupByChildUnit(result: CompareResult, lang: Lang): UnitGroup[] {
  const childTasks = new Map<string, Task>(result.child.tasks.map((task) => [task.id, task]));
  const issuer = result.child.issuer?.trim();
  const unassigned = UNIT_TEXT.unassigned[lang];
  const groups = new Map<string, UnitGroup>();
  const add = (unit: string, isUnassigned: boolean, index: number, finding: Finding) => {
    // One group per unit however its brackets are printed: 各县（市、区）政府 in the task table and
    // 各县〔市、区〕政府 in the body are one unit, shown as first met.
    const key = isUnassigned ? "" : fold(unit);
    let group = groups.get(key);
    if (!group) {
      group = {
        unit,
        unassigned: isUnassigned,
        bySeverity: { high: 0, medium: 0, low: 0, info: 0 },
        findings: [],
      };
      groups.set(key, group);
    }
    if (group.findings.includes(index)) return;
    group.findings.push(index);
    group.bySeverity[finding.severity] += 1;
  };
  for (const [index, finding] of result.findings.entries()) {
    const task = finding.child === null ? undefined : childTasks.get(finding.child);
    if (!task) {
      if (issuer) add(`${issuer}${UNIT_TEXT.issuer[lang]}`, false, index, finding);
      else add(unassigned, true, index, finding);
      continue;
    }
    const units = task.units.lead.length > 0 ? task.units.lead : task.units.support;
    if (units.length === 0) add(unassigned, true, index, finding);
    for (const unit of units) add(unit, false, index, finding);
  }
  const rank = (severity: Severity) => SEVERITY_ORDER.indexOf(severity);
  for (const group of groups.values()) {
    group.findings.sort((a, b) => {
      const fa = result.findings[a] as Finding;
      const fb = result.findings[b] as Finding;
      return rank(fa.severity) - rank(fb.severity) || a - b;
    });
  }
  return [...groups.values()].sort((a, b) => {
    if (a.unassigned !== b.unassigned) return a.unassigned ? 1 : -1;
    for (const severity of SEVERITY_ORDER) {
      const d = b.bySeverity[severity] - a.bySeverity[severity];
      if (d !== 0) return d;
    }
    return a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0;
  });
}
