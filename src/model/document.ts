import { z } from "zod";
import { TaskSchema } from "./task.js";
import { ParseWarningSchema } from "./warning.js";

export const LevelSchema = z.enum([
  "national",
  "province",
  "city",
  "county",
  "district",
  "town",
  "unknown",
]);
export type Level = z.infer<typeof LevelSchema>;

/** Administrative levels from the top (national 0) down; unknown sorts last. */
export const LEVEL_RANK: Readonly<Record<Level, number>> = {
  national: 0,
  province: 1,
  city: 2,
  county: 3,
  district: 3,
  town: 4,
  unknown: 5,
};

/** The levels' names in each report language. */
export const LEVEL_LABELS: Readonly<Record<Level, Readonly<Record<"zh" | "en", string>>>> = {
  national: { zh: "国家", en: "national" },
  province: { zh: "省级", en: "province" },
  city: { zh: "市级", en: "city" },
  county: { zh: "县级", en: "county" },
  district: { zh: "区级", en: "district" },
  town: { zh: "乡镇", en: "town" },
  unknown: { zh: "未知", en: "unknown" },
};

/** A parent document cited by this one: 根据《…通知》（浙政发〔2018〕16号）. */
export const ReferenceSchema = z.object({
  title: z.string().nullable(),
  docNumber: z.string().nullable(),
  line: z.number().int().positive(),
});
export type Reference = z.infer<typeof ReferenceSchema>;

export const OutlineMarkerSchema = z.enum([
  "chinese", // 一、
  "paren-chinese", // （一）
  "arabic", // 1. 1． 1、
  "paren-arabic", // （1）
  "decimal", // 1.1 2.3 (1.2.1): items numbered within the part's number, under 一、 or 1.
]);

/** Numbering styles of the full outline: the section markers, plus chapters, articles, ①, headed paragraphs. */
export const OutlineStyleSchema = z.enum([
  "chapter", // 第一章
  "part", // 第一节, inside a chapter
  "chinese",
  "paren-chinese",
  "arabic",
  "paren-arabic",
  "decimal",
  "half-paren", // 1） 2）: a list below （1）, the items of one task or, under a theme, the tasks
  "circled", // ①
  "article", // 第一条
  "headed", // an unnumbered paragraph opening with a short heading sentence: 强化标准引领。…
  "box", // 专栏1 智能制造重点工程: a box of examples, its items not tasks
]);
export type OutlineStyle = z.infer<typeof OutlineStyleSchema>;

/**
 * What a node of the outline is: a task (or safeguard, or article) on its own; a group of tasks;
 * a top-level part that holds no tasks (总体要求, 主要目标…), a 专栏 box or goal, all `context`.
 */
export const OutlineRoleSchema = z.enum(["task", "safeguard", "group", "context"]);
export type OutlineWhy = OutlineEntry["why"];

/** One heading of the document's outline, in document order (a flat pre-order list of the tree). */
export const OutlineEntrySchema = z.object({
  depth: z.number().int().positive(),
  style: OutlineStyleSchema,
  /** The number as printed ("四", "1"); "" for a headed paragraph. */
  label: z.string(),
  title: z.string(),
  line: z.number().int().positive(),
  role: OutlineRoleSchema,
  /** The id of the task this node became, else null. */
  taskId: z.string().nullable(),
  /** Why the node has its role (the parse reports say it in words). */
  why: z.enum([
    "context-part", // a top-level part such as 总体要求, 主要目标, 重要意义
    "unnamed-part", // a part not named as the task part while another one is
    "inside-context", // under a context node
    "goal-or-box", // 主要目标 or 专栏 inside a task part
    "task-group", // numbers tasks below it
    "safeguards-part", // 保障措施, 组织实施… (or a closing part after the tasks)
    "numbered-task", // the lowest numbered item
    "restored-task", // the lowest numbered item, its lost number restored
    "headed-task", // a headed paragraph of a group that numbers nothing below it
    "part-task", // a top-level part that is a task on its own
    "article", // an article of a rules document
    "context-chapter", // 总则, 附则
    "sub-item", // ①② under a task: parts of that task, not tasks
  ]),
  /** The label was missing in the source and restored from its siblings ((二) follows it). */
  inferred: z.boolean(),
});
export type OutlineEntry = z.infer<typeof OutlineEntrySchema>;

/** How a header field was found, so that nothing is guessed silently. */
export const FieldSourceSchema = z.object({
  from: z.enum([
    "cover", // the title block, 文号 and date lines of the cover
    "signature", // the organ and date lines at the end
    "printed", // the 印发 line of the closing block
    "addressee", // 各省、自治区、直辖市人民政府：
    "self-reference", // 全省, 我市, 本区
    "first-line", // a title-like first line of a document without a cover
    "citation", // the document cites its parent: 为贯彻落实《…》
    "none",
  ]),
  line: z.number().int().positive().nullable(),
  confidence: z.enum(["high", "medium", "low", "none"]),
});
export type FieldSource = z.infer<typeof FieldSourceSchema>;
export type OutlineMarker = z.infer<typeof OutlineMarkerSchema>;

/** A heading of the document outline (tasks are listed separately). */
export const SectionSchema = z.object({
  /** Path of printed labels from the top, e.g. "二" or "二/三". */
  id: z.string(),
  depth: z.number().int().positive(),
  marker: OutlineMarkerSchema,
  label: z.string(),
  title: z.string(),
  line: z.number().int().positive(),
  /** For a top-level task section: its 1-based index (the `section` of its tasks); else null. */
  taskSection: z.number().int().positive().nullable(),
});
export type Section = z.infer<typeof SectionSchema>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** One parsed plan document. */
export const PlanDocumentSchema = z.object({
  file: z.string(),
  /** 1-based position of the document in its file (a gazette holds several). */
  index: z.number().int().positive(),
  title: z.string().nullable(),
  /** Title of the plan itself when the document is a notice that issues it (印发…的通知). */
  planTitle: z.string().nullable(),
  docNumber: z.string().nullable(),
  issuer: z.string().nullable(),
  level: LevelSchema,
  /** 成文日期: the date under the issuing authority's name. */
  date: IsoDate.nullable(),
  /** The 印发 date of the closing block. */
  printedDate: IsoDate.nullable(),
  references: z.array(ReferenceSchema),
  /**
   * What the document says of itself before its first heading (为…，制定本方案。), at most 400
   * characters: for a document without a cover, the nearest thing to a title (a cited title is
   * fitted to it). Empty when there is none; records written before it read as empty.
   */
  opening: z.string().default(""),
  sections: z.array(SectionSchema),
  /** The whole heading tree, with the role each node was given. */
  outline: z.array(OutlineEntrySchema),
  /** How title, issuer, level and date were found. */
  found: z.object({
    title: FieldSourceSchema,
    issuer: FieldSourceSchema,
    level: FieldSourceSchema,
    date: FieldSourceSchema,
  }),
  tasks: z.array(TaskSchema),
  warnings: z.array(ParseWarningSchema),
  /** First and last line of the document in its file (1-based, inclusive). */
  lines: z.object({ start: z.number().int().positive(), end: z.number().int().positive() }),
});
export type PlanDocument = z.infer<typeof PlanDocumentSchema>;

/** Output of `plandiff parse --format json`. */
export const ParseResultSchema = z.object({
  schemaVersion: z.literal(1),
  documents: z.array(PlanDocumentSchema),
});
export type ParseResult = z.infer<typeof ParseResultSchema>;
