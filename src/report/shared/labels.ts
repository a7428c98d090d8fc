import type { Alignment, Relation } from "../../model/alignment.js";
import { type PairVerdict, VERDICT_NAMES } from "../../model/compare.js";
import type { DeadlineKind } from "../../model/deadline.js";
import type { Drift, FindingKind, Severity } from "../../model/finding.js";
import type { Lang } from "../../model/lang.js";

type Labels = Record<string, Record<Lang, string>>;

/** Names of finding kinds (rule ids) in both languages. */
export const KIND_LABELS: Record<FindingKind, Record<Lang, string>> = {
  missing: { zh: "缺失任务", en: "Missing" },
  added: { zh: "新增任务", en: "Added" },
  reworded: { zh: "表述改写", en: "Reworded" },
  "deadline-drift": { zh: "时间要求变化", en: "Deadline drift" },
  "responsibility-drift": { zh: "责任单位变化", en: "Responsibility drift" },
  "target-drift": { zh: "目标值变化", en: "Target drift" },
  moved: { zh: "调整章节", en: "Moved" },
  merged: { zh: "合并任务", en: "Merged" },
  split: { zh: "拆分任务", en: "Split" },
  citation: { zh: "上级文件引用", en: "Citation" },
};

export const SEVERITY_LABELS: Record<Severity, Record<Lang, string>> = {
  high: { zh: "高", en: "high" },
  medium: { zh: "中", en: "medium" },
  low: { zh: "低", en: "low" },
  info: { zh: "提示", en: "info" },
};

export const RELATION_LABELS: Record<Relation, Record<Lang, string>> = {
  equivalent: { zh: "一致", en: "equivalent" },
  reworded: { zh: "改写", en: "reworded" },
  partial: { zh: "部分", en: "partial" },
};

export const DRIFT_LABELS: Record<Drift["label"], Record<Lang, string>> = {
  same: { zh: "不变", en: "same" },
  later: { zh: "推迟", en: "later" },
  earlier: { zh: "提前", en: "earlier" },
  removed: { zh: "取消时限", en: "removed" },
  vaguer: { zh: "弱化", en: "vaguer" },
  stricter: { zh: "收紧", en: "stricter" },
  different: { zh: "不同", en: "different" },
};

/** Kinds of deadline (data/lexicon/README.md), as a parse report names them. */
export const DEADLINE_KIND_LABELS: Record<DeadlineKind, Record<Lang, string>> = {
  date: { zh: "限期", en: "date" },
  period: { zh: "期间", en: "period" },
  recurring: { zh: "定期", en: "recurring" },
  ongoing: { zh: "持续", en: "ongoing" },
  mandate: { zh: "按上级要求", en: "mandate" },
  none: { zh: "无", en: "none" },
};

export { LEVEL_LABELS } from "../../model/document.js";

/**
 * How alike the two tasks' texts are, as the matcher measured it (`evidence.signals`): the cosine
 * of the whole texts for tasks, the titles' bigram Dice for table rows. Null when not measured.
 */
export function textSimilarity(link: Alignment): number | null {
  const s = link.evidence.signals;
  return s.text ?? s.dice ?? s.title ?? null;
}

/** 「文件关系：上下级颠倒」 and why: the line every report opens with. */
export function verdictLine(pair: PairVerdict, lang: Lang): { warn: boolean; text: string } {
  const name = VERDICT_NAMES[pair.verdict][lang];
  const head = lang === "zh" ? `文件关系：${name}` : `Pair: ${name}`;
  const why = pair.reasons.join(lang === "zh" ? "；" : "; ");
  return {
    warn: pair.verdict !== "ok",
    text: why === "" ? head : lang === "zh" ? `${head}（${why}）` : `${head} (${why})`,
  };
}

/** Headings and column names shared by the report formats. */
export const TEXT = {
  report: { zh: "实施方案落实情况比对报告", en: "Implementation fidelity report" },
  parentPlan: { zh: "上级方案", en: "Parent plan" },
  childPlan: { zh: "实施方案", en: "Child plan" },
  file: { zh: "文件", en: "File" },
  title: { zh: "标题", en: "Title" },
  docNumber: { zh: "文号", en: "Doc. number" },
  issuer: { zh: "发文机关", en: "Issuer" },
  level: { zh: "层级", en: "Level" },
  date: { zh: "成文日期", en: "Date" },
  summary: { zh: "概览", en: "Summary" },
  coverage: { zh: "覆盖率", en: "Coverage" },
  requiredCoverage: { zh: "应落实任务覆盖率", en: "Required coverage" },
  fidelity: { zh: "忠实度", en: "Fidelity" },
  body: { zh: "正文任务", en: "Body tasks" },
  appendix: { zh: "重点任务清单", en: "Task table" },
  safeguards: { zh: "保障措施", en: "Safeguards" },
  sections: { zh: "分部分落实情况", en: "By section" },
  section: { zh: "部分", en: "Section" },
  tasks: { zh: "任务数", en: "Tasks" },
  carried: { zh: "已落实", en: "Carried" },
  findings: { zh: "发现的问题", en: "Findings" },
  kind: { zh: "类型", en: "Kind" },
  severity: { zh: "严重程度", en: "Severity" },
  parentTask: { zh: "上级任务", en: "Parent task" },
  childTask: { zh: "下级任务", en: "Child task" },
  parentText: { zh: "上级表述", en: "Parent wording" },
  childText: { zh: "下级表述", en: "Child wording" },
  message: { zh: "说明", en: "Message" },
  deadlines: { zh: "时间要求变化", en: "Deadline drift" },
  parentDeadline: { zh: "上级时间要求", en: "Parent deadline" },
  childDeadline: { zh: "下级时间要求", en: "Child deadline" },
  drift: { zh: "变化", en: "Drift" },
  days: { zh: "天数", en: "Days" },
  alignment: { zh: "逐项对照", en: "Task by task" },
  relation: { zh: "对应关系", en: "Relation" },
  /** An alignment's `score`: how sure the matcher is of the link, not how alike the texts are. */
  score: { zh: "匹配置信度", en: "Match confidence" },
  /** The texts' own similarity (tf-idf cosine of the whole tasks; of the titles for table rows). */
  similarity: { zh: "文本相似度", en: "Text similarity" },
  units: { zh: "责任单位", en: "Units" },
  deadline: { zh: "时间要求", en: "Deadline" },
  feedback: { zh: "整改说明/反馈", en: "Response / remediation" },
  none: { zh: "无", en: "none" },
  missingTasks: { zh: "缺失", en: "missing" },
  taskCoverage: { zh: "覆盖度", en: "Coverage" },
  carriedBy: { zh: "由…承接", en: "Carried by" },
  taskCoverageTitle: { zh: "上级任务覆盖度", en: "Coverage by parent task" },
  taskCoverageNote: {
    zh: "覆盖度：上级任务的语句在实施方案中（不论位于哪项任务）有对应语句的比例（按信息量加权），与是否建立对应关系无关；括号内为各承接任务所占比例。重点任务清单不计。",
    en: "Coverage: the share of a parent task's sentences (weighted by how much they say) that some child task repeats, wherever it sits and whether or not a link was found; each carrier's share in brackets. Task-table rows are left out.",
  },
  addedTasks: { zh: "新增", en: "added" },
} as const satisfies Labels;

/** A label in the report's language (unknown keys come back as they are). */
export function label(labels: Labels, key: string, lang: Lang): string {
  return labels[key]?.[lang] ?? key;
}

/** 「S4（75%）、B7.1（12%）」 / "S4 (75%), B7.1 (12%)": the child tasks carrying a parent task. */
export function carriersText(carriedBy: readonly { child: string; share: number }[], lang: Lang) {
  const share = (x: number) => `${Math.round(x * 100)}%`;
  return lang === "zh"
    ? carriedBy.map((c) => `${c.child}（${share(c.share)}）`).join("、")
    : carriedBy.map((c) => `${c.child} (${share(c.share)})`).join(", ");
}

/** 0.976 → "97.6%". */
export function percent(x: number): string {
  return `${(Math.round(x * 1000) / 10).toFixed(1)}%`;
}
