import { z } from "zod";
import { DeadlineSchema } from "./deadline.js";

/** Responsible units: `lead` units carry the task, `support` units assist (配合/责任部门). */
export const UnitsSchema = z.object({
  lead: z.array(z.string()),
  support: z.array(z.string()),
  /** The responsibility text as printed (without its brackets), or null when none was found. */
  raw: z.string().nullable(),
});
export type Units = z.infer<typeof UnitsSchema>;

/**
 * Where a task comes from: the main task part (`body`, ids B…; the articles of a rules document,
 * ids R…), a task table (`appendix`, ids A…), or the 保障措施 / 推进措施 / 组织实施 part
 * (`safeguards`, ids S<n>).
 */
export const TaskSourceSchema = z.enum(["body", "appendix", "safeguards"]);
export type TaskSource = z.infer<typeof TaskSourceSchema>;

/** One task of a plan: a numbered body paragraph, or a row of the 重点任务清单 table. */
export const TaskSchema = z.object({
  /** Unique within the document and stable across runs: B<section>.<label> or A<label>. */
  id: z.string(),
  source: TaskSourceSchema,
  /** 1-based index of the top-level task section the task sits in; null for appendix rows. */
  section: z.number().int().positive().nullable(),
  sectionTitle: z.string().nullable(),
  /** The number printed on the task, or the row's 序号, as printed ("4", "13", "三"). */
  label: z.string(),
  /** Body: the heading before the first 。; row: the 重点任务 cell without a trailing 。 */
  title: z.string(),
  /** Full text, joined across page breaks (original characters). */
  text: z.string(),
  units: UnitsSchema,
  /**
   * The task names lower-level governments among its responsible units (各市、县〔市、区〕政府,
   * 各县〔市、区〕政府党组, 各镇人民政府…): a lower-level plan is expected to carry it.
   */
  obligatory: z.boolean(),
  deadline: DeadlineSchema,
  /** Body task → the appendix rows that summarise it. */
  appendixRefs: z.array(z.string()),
  /** Appendix row → the body task(s) it summarises. */
  bodyRefs: z.array(z.string()),
  /** 1-based line number in the original file where the task starts. */
  line: z.number().int().positive(),
  /**
   * The headings above the task, from its top-level part down to the group it sits in
   * ("二、主要任务", "（一）…工程", "1.…"); a table row: its group row, if any.
   */
  path: z.array(z.string()),
});
export type Task = z.infer<typeof TaskSchema>;
