import { z } from "zod";

/** How binding a deadline is; see data/lexicon/README.md for the phrases behind each kind. */
export const DeadlineKindSchema = z.enum([
  "date",
  "period",
  "recurring",
  "ongoing",
  "mandate",
  "none",
]);
export type DeadlineKind = z.infer<typeof DeadlineKindSchema>;

/** Recurrence of a `recurring` deadline. */
export const RecurrenceSchema = z.enum(["year", "half-year", "quarter", "month", "week"]);
export type Recurrence = z.infer<typeof RecurrenceSchema>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * A normalised deadline. `raw` is the phrase as printed ("" when there is none); `due` is the
 * last day by which the task is due (for a period: its end); `start` is the first day of a period.
 */
export const DeadlineSchema = z.object({
  raw: z.string(),
  kind: DeadlineKindSchema,
  due: IsoDate.nullable(),
  start: IsoDate.nullable(),
  every: RecurrenceSchema.nullable(),
});
export type Deadline = z.infer<typeof DeadlineSchema>;

/** The deadline of a task that names none. */
export const NO_DEADLINE: Deadline = Object.freeze({
  raw: "",
  kind: "none",
  due: null,
  start: null,
  every: null,
});
