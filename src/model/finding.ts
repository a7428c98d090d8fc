import { z } from "zod";

export const SeveritySchema = z.enum(["high", "medium", "low", "info"]);
export type Severity = z.infer<typeof SeveritySchema>;

/** A quoted span of a document, as evidence for a finding. */
export const SpanSchema = z.object({
  document: z.enum(["parent", "child"]),
  task: z.string().nullable(),
  text: z.string(),
  line: z.number().int().positive().nullable(),
});
export type Span = z.infer<typeof SpanSchema>;

/** One departure of the child from the parent (filled by the diff engine). */
export const FindingSchema = z.object({
  kind: z.string(),
  severity: SeveritySchema,
  parent: z.string().nullable(),
  child: z.string().nullable(),
  message: z.string(),
  evidence: z.array(SpanSchema),
});
export type Finding = z.infer<typeof FindingSchema>;
