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
]);
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
  sections: z.array(SectionSchema),
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
