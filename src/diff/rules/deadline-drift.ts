import type { PlanDocument } from "../../model/document.js";
import type { Drift, Finding, Severity } from "../../model/finding.js";
import type { Lang } from "../../model/lang.js";
import type { Task } from "../../model/task.js";
import { named, say, spanOf } from "../context.js";
import { type DriftLabel, driftOf } from "../deadline-drift-label.js";
import { notBindingNote, ownLevelUnits } from "../obligation.js";
import { createFinding, type DiffContext, type DiffRule } from "../rule.js";

/** The drift of the deadline from a parent task to the child task that carries it. */
export function driftOfAlignment(parentTask: Task, childTask: Task): Drift {
  const { label, days } = driftOf(parentTask.deadline, childTask.deadline);
  return { label, parent: parentTask.deadline.raw, child: childTask.deadline.raw, days };
}

const SEVERITY: Record<Exclude<DriftLabel, "same">, Severity> = {
  removed: "high",
  later: "medium",
  vaguer: "medium",
  different: "low",
  earlier: "info",
  stricter: "info",
};

/** The phrase as printed, or a word for "none" so that a message never quotes an empty string. */
const quoted = (raw: string, lang: Lang): string =>
  raw === "" ? say(lang, "（未写明）", "(none)") : say(lang, `「${raw}」`, `“${raw}”`);

/** What happened to the deadline, as the end of a sentence whose subject is the child task. */
function change(drift: Drift, lang: Lang): string {
  const p = quoted(drift.parent, lang);
  const c = quoted(drift.child, lang);
  const days = Math.abs(drift.days ?? 0);
  switch (drift.label) {
    case "later":
      return say(
        lang,
        `将时间要求由${p}推迟为${c}（推迟${days}天）`,
        `moves the deadline from ${p} to ${c} (${days} days later)`,
      );
    case "earlier":
      return say(
        lang,
        `将时间要求由${p}提前为${c}（提前${days}天）`,
        `brings the deadline forward from ${p} to ${c} (${days} days earlier)`,
      );
    case "removed":
      return drift.child === ""
        ? say(
            lang,
            `未规定完成时限，上级方案要求${p}`,
            `sets no deadline where the parent requires ${p}`,
          )
        : say(
            lang,
            `不再有明确完成时限：时间要求由${p}改为${c}`,
            `drops the due date: ${p} becomes ${c}`,
          );
    case "vaguer":
      return drift.child === ""
        ? say(
            lang,
            `未写明时间要求，上级方案要求${p}`,
            `sets no time requirement where the parent requires ${p}`,
          )
        : say(lang, `将时间要求由${p}放宽为${c}`, `loosens the time requirement from ${p} to ${c}`);
    case "stricter":
      return drift.parent === ""
        ? say(
            lang,
            `增加了时间要求${c}（上级方案未规定）`,
            `adds the time requirement ${c} (the parent sets none)`,
          )
        : say(
            lang,
            `将时间要求由${p}收紧为${c}`,
            `tightens the time requirement from ${p} to ${c}`,
          );
    default:
      return say(
        lang,
        `将时间要求由${p}改为${c}`,
        `changes the time requirement from ${p} to ${c}`,
      );
  }
}

function findingOf(
  p: Task,
  c: Task,
  parent: PlanDocument,
  child: PlanDocument,
  lang: Lang,
): Finding | null {
  // A deadline inside body prose is incidental: compare body tasks only when both name one.
  if (p.source === "body" && (p.deadline.kind === "none" || c.deadline.kind === "none"))
    return null;
  const drift = driftOfAlignment(p, c);
  if (drift.label === "same") return null;
  const subject = say(
    lang,
    `实施方案 ${named(c, "zh")}（对应上级方案 ${p.id}）`,
    `Child task ${named(c, "en")} (parent ${p.id})`,
  );
  // A task the parent assigns only to its own departments does not bind the child.
  const own = ownLevelUnits(p, parent, child);
  return createFinding({
    kind: "deadline-drift",
    severity: own.length > 0 ? "info" : SEVERITY[drift.label],
    parent: p.id,
    child: c.id,
    message: `${subject}${say(lang, "", " ")}${change(drift, lang)}${own.length > 0 ? notBindingNote(own, lang) : ""}`,
    evidence: [spanOf("parent", p), spanOf("child", c)],
    drift,
  });
}

interface Pair {
  parent: Task;
  child: Task;
}

function pairsOf(context: DiffContext): Pair[] {
  const pairs = context.alignments.flatMap((link) => {
    const parent = context.parentTask(link.parent);
    const child = context.childTask(link.child);
    return parent && child ? [{ parent, child }] : [];
  });
  // Appendix rows state the time requirement in a column of their own: they lead the report.
  return [
    ...pairs.filter((pair) => pair.parent.source === "appendix"),
    ...pairs.filter((pair) => pair.parent.source !== "appendix"),
  ];
}

/**
 * A child task whose time requirement departs from its parent task's (see `driftOf` for the
 * labels). Severity follows how much the child lets the parent's commitment slip: a dropped due
 * date is high; a later date or a looser requirement medium; a change of kind low; an earlier or
 * stricter requirement informational. A parent task assigned only to the parent's own departments
 * (`ownLevelUnits`) binds no lower plan: its drift is informational, with that reason. Appendix
 * rows come first, then body tasks.
 */
export const deadlineDrift: DiffRule = {
  id: "deadline-drift",
  title: { zh: "时间要求变化", en: "Deadline drift" },
  defaultSeverity: "medium",
  check: (context) =>
    pairsOf(context).flatMap(
      ({ parent, child }) =>
        findingOf(parent, child, context.parent, context.child, context.lang) ?? [],
    ),
};
