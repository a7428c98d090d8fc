import type { Finding, Severity } from "../../model/finding.js";
import type { Lang } from "../../model/lang.js";
import type { Task } from "../../model/task.js";
import { named, say } from "../context.js";
import { notBindingNote, ownLevelUnits } from "../obligation.js";
import { createFinding, type DiffContext, type DiffRule } from "../rule.js";
import {
  compareTargets,
  statesTarget,
  type Target,
  type TargetChange,
  type TargetQuantity,
  targetSimilarity,
  targetsOf,
} from "../targets.js";

/**
 * Subjects at least this alike (Dice of content bigrams, numbers and years left out) are the same
 * target: 全省建成国家二级服务节点10个左右 and 全市建成…20个 pair; two targets of one task about
 * different things do not.
 */
export const SAME_TARGET = 0.3;
/** The bar for two targets of one link whose figures share a unit and that pair with nothing else. */
export const SAME_UNIT_TARGET = 0.15;

interface Located {
  target: Target;
  task: Task;
}

/** One change of one pair of linked tasks, before the pair's changes are gathered in a finding. */
interface Item {
  parent: Task;
  child: Task;
  /** A target of both, of the parent only (dropped) or of the child only (added). */
  from: Target | null;
  to: Target | null;
  changes: TargetChange[];
}

/**
 * The numeric and dated targets of linked tasks compared (`targets.ts`): each parent target is
 * paired with the most alike target of a child task linked to it (greedily, best first, each
 * target once); a pair whose year or numbers differ is raised / lowered / later / earlier; a
 * parent target no linked child task states is dropped, and a child target no linked parent task
 * states is added (both only over non-partial links: a task carried in part need not carry every
 * target; and not when the other task says it in a sentence of its own, `statesTarget`). Severity: a target dropped, lowered or put off is medium; a target added, raised or
 * brought forward is info; other changes (a unit or a year dropped or added) low; a parent task
 * assigned only to the parent's own departments binds no lower plan (info). The two sentences are
 * the evidence.
 */
export const targetDrift: DiffRule = {
  id: "target-drift",
  title: { zh: "目标值变化", en: "Target drift" },
  defaultSeverity: "medium",
  check: (context) => findingsOf(items(context), context),
};

function items(context: DiffContext): Item[] {
  const links = context.alignments.flatMap((link) => {
    const parent = context.parentTask(link.parent);
    const child = context.childTask(link.child);
    return parent && child ? [{ parent, child, whole: link.relation !== "partial" }] : [];
  });
  const candidates: { p: Located; c: Located; score: number; order: number }[] = [];
  links.forEach(({ parent, child }, order) => {
    for (const pt of targetsOf(parent))
      for (const ct of targetsOf(child)) {
        const score = targetSimilarity(pt, ct);
        if (score >= SAME_TARGET)
          candidates.push({
            p: { target: pt, task: parent },
            c: { target: ct, task: child },
            score,
            order,
          });
      }
  });
  // Below SAME_TARGET, a parent and a child target with the same unit on the same link are the
  // same target reworded when neither has another candidate (每年确定10个左右重点课题 →
  // 每年至少完成一个重点课题调研).
  links.forEach(({ parent, child }, order) => {
    const ps = targetsOf(parent).filter((t) => !candidates.some((x) => x.p.target === t));
    const cs = targetsOf(child).filter((t) => !candidates.some((x) => x.c.target === t));
    for (const pt of ps)
      for (const ct of cs) {
        const score = targetSimilarity(pt, ct);
        const units = (t: Target) => new Set(t.quantities.map((q) => q.unit));
        const shared = [...units(pt)].some((u) => units(ct).has(u));
        if (shared && score >= SAME_UNIT_TARGET)
          candidates.push({
            p: { target: pt, task: parent },
            c: { target: ct, task: child },
            score,
            order,
          });
      }
  });
  candidates.sort((a, b) => b.score - a.score || a.order - b.order);
  const used = new Set<Target>();
  const out: Item[] = [];
  for (const { p, c } of candidates) {
    if (used.has(p.target) || used.has(c.target)) continue;
    used.add(p.target).add(c.target);
    const changes = compareTargets(p.target, c.target);
    if (changes.length > 0)
      out.push({ parent: p.task, child: c.task, from: p.target, to: c.target, changes });
  }
  // Dropped and added targets, each reported once: on the first whole link of its task.
  const seen = new Set<Target>();
  for (const { parent, child, whole } of links) {
    if (!whole) continue;
    for (const t of targetsOf(parent)) {
      if (used.has(t) || seen.has(t) || statesTarget(child, t)) continue;
      seen.add(t);
      out.push({ parent, child, from: t, to: null, changes: [] });
    }
    for (const t of targetsOf(child)) {
      if (used.has(t) || seen.has(t) || statesTarget(parent, t)) continue;
      seen.add(t);
      out.push({ parent, child, from: null, to: t, changes: [] });
    }
  }
  return out;
}

function findingsOf(list: Item[], context: DiffContext): Finding[] {
  const byPair = new Map<string, Item[]>();
  for (const item of list) {
    const key = `${item.parent.id}\u0000${item.child.id}`;
    const group = byPair.get(key);
    if (group) group.push(item);
    else byPair.set(key, [item]);
  }
  return [...byPair.values()].map((group) => {
    const { parent, child } = group[0] as Item;
    const { lang } = context;
    const own = ownLevelUnits(parent, context.parent, context.child);
    const subject = say(
      lang,
      `实施方案 ${named(child, "zh")}（对应上级方案 ${parent.id}）`,
      `Child task ${named(child, "en")} (parent ${parent.id})`,
    );
    const what = group.map((item) => describe(item, lang)).join(say(lang, "；", "; "));
    return createFinding({
      kind: "target-drift",
      severity: own.length > 0 ? "info" : severityOf(group),
      parent: parent.id,
      child: child.id,
      message: `${subject}${say(lang, "：", ": ")}${what}${own.length > 0 ? notBindingNote(own, lang) : ""}`,
      evidence: group.flatMap((item) => [
        ...(item.from
          ? [
              {
                document: "parent" as const,
                task: parent.id,
                text: item.from.text,
                line: parent.line,
              },
            ]
          : []),
        ...(item.to
          ? [{ document: "child" as const, task: child.id, text: item.to.text, line: child.line }]
          : []),
      ]),
    });
  });
}

const RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2, info: 3 };

function severityOf(group: Item[]): Severity {
  const each = group.flatMap((item): Severity[] => {
    if (item.to === null) return ["medium"];
    if (item.from === null) return ["info"];
    return item.changes.map((c) =>
      c.kind === "lowered" || c.kind === "later" || c.kind === "quantity-dropped"
        ? "medium"
        : c.kind === "raised" || c.kind === "earlier" || c.kind === "quantity-added"
          ? "info"
          : "low",
    );
  });
  return each.sort((a, b) => RANK[a] - RANK[b])[0] ?? "info";
}

const quote = (text: string, lang: Lang) => say(lang, `「${text}」`, `“${text}”`);

function describe(item: Item, lang: Lang): string {
  if (item.to === null && item.from)
    return say(
      lang,
      `未保留上级目标${quote(item.from.text, "zh")}`,
      `drops the parent's target ${quote(item.from.text, "en")}`,
    );
  if (item.from === null && item.to)
    return say(
      lang,
      `新增目标${quote(item.to.text, "zh")}（上级方案未设定）`,
      `adds the target ${quote(item.to.text, "en")} (the parent sets none)`,
    );
  const changes = item.changes.map((c) => change(c, lang)).join(say(lang, "，", ", "));
  return say(
    lang,
    `目标${quote(item.from?.text ?? "", "zh")}改为${quote(item.to?.text ?? "", "zh")}（${changes}）`,
    `the target ${quote(item.from?.text ?? "", "en")} becomes ${quote(item.to?.text ?? "", "en")} (${changes})`,
  );
}

const shown = (q: TargetQuantity) => q.display;

function change(c: TargetChange, lang: Lang): string {
  switch (c.kind) {
    case "raised":
      return say(
        lang,
        `提高：${shown(c.from)} → ${shown(c.to)}`,
        `raised: ${shown(c.from)} → ${shown(c.to)}`,
      );
    case "lowered":
      return say(
        lang,
        `降低：${shown(c.from)} → ${shown(c.to)}`,
        `lowered: ${shown(c.from)} → ${shown(c.to)}`,
      );
    case "quantity-dropped":
      return say(lang, `删去数量${shown(c.from)}`, `drops the figure ${shown(c.from)}`);
    case "quantity-added":
      return say(lang, `新增数量${shown(c.to)}`, `adds the figure ${shown(c.to)}`);
    case "later":
      return say(
        lang,
        `目标年份推迟：${c.from}年 → ${c.to}年`,
        `target year later: ${c.from} → ${c.to}`,
      );
    case "earlier":
      return say(
        lang,
        `目标年份提前：${c.from}年 → ${c.to}年`,
        `target year earlier: ${c.from} → ${c.to}`,
      );
    case "year-dropped":
      return say(lang, `删去目标年份${c.from}年`, `drops the target year ${c.from}`);
    default:
      return say(lang, `新增目标年份${c.to}年`, `adds the target year ${c.to}`);
  }
}
