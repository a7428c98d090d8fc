import { CHANGE_LABELS, type Change, type Finding, type Severity } from "../../model/finding.js";
import type { Lang } from "../../model/lang.js";
import type { Task } from "../../model/task.js";
import { named, say, spanOf } from "../context.js";
import {
  type ChangeDetail,
  classifyOptionsFor,
  describeChanges,
  taskWordDiff,
} from "../reword/index.js";
import { createFinding, type DiffContext, type DiffRule } from "../rule.js";

/**
 * A parent task the child carries in its own words (relation `reworded`, body tasks and appendix
 * rows alike; an `equivalent` link too when its wording weakens or drops something): the
 * word-level diff of the two wordings and what the rewording does, each change of commitment with
 * the clause it is about. A weaker commitment or a changed number is worth a look (medium),
 * dropped clauses less so (low: a dropped 试点/出台/建立 clause is always at least this); the rest
 * is for information.
 */
export const reworded: DiffRule = {
  id: "reworded",
  title: { zh: "改写任务", en: "Reworded task" },
  defaultSeverity: "info",
  check: (context) =>
    context.alignments
      .filter((link) => link.relation === "reworded" || link.relation === "equivalent")
      .flatMap((link) => {
        const parent = context.parentTask(link.parent);
        const child = context.childTask(link.child);
        if (!parent || !child) return [];
        const found = findingFor(parent, child, context);
        // A link read as the same wording is reported only when the wording changes something.
        const substantive = found.changes.some((c) => c === "weakened" || c === "narrowed");
        return link.relation === "reworded" || substantive ? [found] : [];
      }),
};

function findingFor(parent: Task, child: Task, context: DiffContext): Finding {
  const diff = taskWordDiff(parent, child);
  const details = describeChanges(parent, child, diff, classifyOptionsFor(context.child));
  const changes = details.map((d) => d.change);
  return createFinding({
    kind: "reworded",
    severity: severityOf(changes),
    parent: parent.id,
    child: child.id,
    message: messageOf(parent, child, details, context.lang),
    evidence: [spanOf("parent", parent), spanOf("child", child)],
    changes,
    diff,
  });
}

function severityOf(changes: Change[]): Severity {
  if (changes.includes("weakened") || changes.includes("quantity")) return "medium";
  return changes.includes("narrowed") ? "low" : "info";
}

function messageOf(parent: Task, child: Task, details: ChangeDetail[], lang: Lang): string {
  const what =
    details.length > 0
      ? details.map((d) => label(d, lang)).join(say(lang, "、", "; "))
      : say(lang, "仅措辞调整", "wording only");
  return say(
    lang,
    `任务 ${named(parent, "zh")}在实施方案中被改写（${named(child, "zh")}）：${what}`,
    `Task ${named(parent, "en")} is reworded in the child as ${named(child, "en")}: ${what}`,
  );
}

const NAMES = CHANGE_LABELS;

/**
 * 承诺弱化（全面推行 → 推行：「推行“双随机、一公开”监管」）, 范围收窄（删去「…」等3处）, weaker
 * commitment (全面推行 → 推行 in “…”): a change of commitment names the clause it is about.
 */
function label({ change, evidence, clauses }: ChangeDetail, lang: Lang): string {
  const detail = clauses
    ? evidence
        .slice(0, 2)
        .map((e, i) => say(lang, `${e}：「${clauses[i] ?? ""}」`, `${e} in “${clauses[i] ?? ""}”`))
        .join(say(lang, "；", "; "))
    : detailOf(change, evidence, lang);
  return say(lang, `${NAMES[change].zh}（${detail}）`, `${NAMES[change].en} (${detail})`);
}

function detailOf(change: Change, evidence: string[], lang: Lang): string {
  const first = evidence[0] ?? "";
  const more =
    evidence.length < 2
      ? ""
      : say(lang, `等${evidence.length}处`, ` and ${evidence.length - 1} more`);
  switch (change) {
    case "narrowed":
      return say(lang, `删去「${first}」${more}`, `drops “${first}”${more}`);
    case "widened":
      return say(lang, `新增「${first}」${more}`, `adds “${first}”${more}`);
    case "local":
      return evidence.slice(0, 3).join(say(lang, "、", ", "));
    default:
      return evidence.slice(0, 2).join(say(lang, "；", "; "));
  }
}
