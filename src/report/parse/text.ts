/** The words of the `plandiff parse` reports (md, table) and the helpers that print outline labels. */
import type { FieldSource, OutlineEntry, OutlineWhy, PlanDocument } from "../../model/document.js";
import { LEVEL_LABELS } from "../../model/document.js";
import type { Lang } from "../../model/lang.js";
import { isNumeral } from "../../text/numerals.js";

/** Words of the parse reports, Chinese (the default) and English. */
export const PARSE_TEXT = {
  file: { zh: "文件", en: "File" },
  docNumber: { zh: "文号", en: "Doc. number" },
  issuer: { zh: "发文机关", en: "Issuer" },
  level: { zh: "层级", en: "Level" },
  date: { zh: "成文日期", en: "Date" },
  printedDate: { zh: "印发日期", en: "Printed" },
  planTitle: { zh: "方案标题", en: "Plan title" },
  reference: { zh: "引用", en: "Cites" },
  title: { zh: "标题", en: "Title" },
  found: { zh: "表头字段的来源", en: "How the header was found" },
  field: { zh: "字段", en: "Field" },
  value: { zh: "值", en: "Value" },
  from: { zh: "来源", en: "From" },
  line: { zh: "行", en: "Line" },
  confidence: { zh: "可信度", en: "Confidence" },
  outline: { zh: "提纲", en: "Outline" },
  noOutline: {
    zh: "未记录提纲（旧版解析结果，或文件没有标题层级）。",
    en: "No outline recorded (an older parse result, or a document without headings).",
  },
  restored: { zh: "[补]", en: "(label restored) " },
  noSection: { zh: "（未分节）", en: "(no section)" },
  safeguards: { zh: "保障措施", en: "Safeguards" },
  appendix: { zh: "重点任务清单", en: "Task table" },
  warnings: { zh: "解析警告", en: "Parse warnings" },
  support: { zh: "（配合）", en: " (support)" },
  deadline: { zh: "期限", en: "deadline" },
  tableRows: { zh: "清单", en: "table" },
  path: { zh: "路径", en: "Path" },
  id: { zh: "编号", en: "ID" },
  task: { zh: "任务", en: "Task" },
  units: { zh: "牵头/责任单位", en: "Lead units" },
  due: { zh: "期限", en: "Deadline" },
} as const satisfies Record<string, Record<Lang, string>>;

export const pt = (key: keyof typeof PARSE_TEXT, lang: Lang): string => PARSE_TEXT[key][lang];

/** Where a header field was found, in words. */
export const FROM_LABELS: Record<FieldSource["from"], Record<Lang, string>> = {
  cover: { zh: "封面", en: "cover" },
  signature: { zh: "落款", en: "signature" },
  printed: { zh: "印发行", en: "printed line" },
  addressee: { zh: "主送", en: "addressee" },
  "self-reference": { zh: "自称", en: "self-reference" },
  "first-line": { zh: "首行", en: "first line" },
  citation: { zh: "引用", en: "citation" },
  none: { zh: "未找到", en: "not found" },
};

/** Why an outline node is (not) a task, in words. */
export const WHY_LABELS: Record<OutlineWhy, Record<Lang, string>> = {
  "context-part": { zh: "总体部分，不含任务", en: "context part, holds no tasks" },
  "unnamed-part": { zh: "另有部分标明为任务部分", en: "another part is named as the task part" },
  "inside-context": { zh: "属于非任务部分", en: "inside a context part" },
  "goal-or-box": { zh: "目标或专栏，不列为任务", en: "a goal or box, not a task" },
  "task-group": { zh: "含下级任务", en: "group of tasks" },
  "safeguards-part": { zh: "保障措施部分", en: "safeguards part" },
  "numbered-task": { zh: "末级编号条目", en: "lowest numbered item" },
  "restored-task": { zh: "末级编号条目（编号已补）", en: "lowest numbered item (number restored)" },
  "headed-task": {
    zh: "以标题句开头的段落",
    en: "headed paragraph of a group that numbers nothing below it",
  },
  "part-task": { zh: "独立成项的部分", en: "a part that is one task" },
  article: { zh: "条款", en: "article" },
  "context-chapter": {
    zh: "总则或附则，不列为任务",
    en: "general or final provisions, not a task",
  },
  "sub-item": { zh: "任务内的分项", en: "a sub-item of its task" },
};

/** A field with a value but no recorded source: an older parse result. */
export const NOT_RECORDED: Record<Lang, string> = { zh: "未记录", en: "not recorded" };

export const CONFIDENCE_LABELS: Record<FieldSource["confidence"], Record<Lang, string>> = {
  high: { zh: "高", en: "high" },
  medium: { zh: "中", en: "medium" },
  low: { zh: "低", en: "low" },
  none: { zh: "无", en: "none" },
};

/** The four header fields whose source is recorded, with their value as printed in the reports. */
export function foundFields(
  doc: PlanDocument,
  lang: Lang,
): { name: string; value: string | null; source: FieldSource; from: string }[] {
  const fields = [
    [pt("title", lang), doc.title, doc.found.title],
    [pt("issuer", lang), doc.issuer, doc.found.issuer],
    [
      pt("level", lang),
      doc.level === "unknown" ? null : LEVEL_LABELS[doc.level][lang],
      doc.found.level,
    ],
    [pt("date", lang), doc.date, doc.found.date],
  ] as const;
  return fields.map(([name, value, source]) => ({
    name,
    value,
    source,
    from:
      source.from === "none" && value !== null
        ? NOT_RECORDED[lang]
        : FROM_LABELS[source.from][lang],
  }));
}

/** ① … ⑳ for labels printed as digits; other labels as they are. */
function circled(label: string): string {
  const n = /^\d+$/.test(label) ? Number(label) : 0;
  return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : label;
}

/**
 * The label of an outline entry with its style's punctuation, as a plan prints it: 第一章 一、
 * （一） 1. （1） ① 第一条, and ¶ for a headed paragraph. Unescaped document text.
 */
export function printedLabel(entry: OutlineEntry): string {
  const { label } = entry;
  // A part printed without a number (保障措施 alone on its line).
  if (label === "" && entry.style !== "headed") return "";
  switch (entry.style) {
    case "chapter":
      // 第三章 from 三; 第一部分, 行动一 printed with their words.
      return isNumeral(label) ? `第${label}章 ` : `${label} `;
    case "part":
      return label.startsWith("第") ? `${label} ` : `第${label}节 `;
    case "article":
      return label.startsWith("第") ? `${label} ` : `第${label}条 `;
    case "chinese":
      return `${label}、`;
    case "paren-chinese":
    case "paren-arabic":
      return `（${label}）`;
    case "arabic":
      return `${label}.`;
    case "decimal":
      return `${label} `;
    case "half-paren":
      return `${label}）`;
    case "circled":
      return circled(label);
    case "headed":
      return "¶ ";
    case "box":
      return "";
  }
}
