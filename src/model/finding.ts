import { z } from "zod";

export const SeveritySchema = z.enum(["high", "medium", "low", "info"]);
export type Severity = z.infer<typeof SeveritySchema>;

/**
 * Every kind of finding, in the order the rules run: each is the id of the diff rule that produces it
 * (`src/diff/rules/index.ts` is typed so that its keys are exactly these). To add a kind: add
 * it here, then its rule file and registration line, then its label (`report/shared/labels.ts`).
 */
export const FINDING_KINDS = [
  "missing",
  "added",
  "reworded",
  "merged",
  "split",
  "moved",
  "deadline-drift",
  "responsibility-drift",
  "target-drift",
  "citation",
] as const;
export const FindingKindSchema = z.enum(FINDING_KINDS);
export type FindingKind = z.infer<typeof FindingKindSchema>;

/** Whether a string names a finding kind (config and review files are checked with it). */
export function isFindingKind(s: string): s is FindingKind {
  return (FINDING_KINDS as readonly string[]).includes(s);
}

/** Severities from the most to the least serious. */
export const SEVERITY_ORDER: readonly Severity[] = ["high", "medium", "low", "info"];

/** A quoted span of a document, as evidence for a finding. */
export const SpanSchema = z.object({
  document: z.enum(["parent", "child"]),
  task: z.string().nullable(),
  text: z.string(),
  line: z.number().int().positive().nullable(),
});
export type Span = z.infer<typeof SpanSchema>;

/** How a deadline moved between aligned tasks (see README § Findings). */
export const DriftSchema = z.object({
  label: z.enum(["same", "later", "earlier", "removed", "vaguer", "stricter", "different"]),
  parent: z.string(),
  child: z.string(),
  /** Days later (positive) or earlier (negative) when both deadlines are dates or periods. */
  days: z.number().int().nullable(),
});
export type Drift = z.infer<typeof DriftSchema>;

/** What kind of change a rewording makes. */
export const ChangeSchema = z.enum([
  "weakened",
  "strengthened",
  "narrowed",
  "widened",
  "quantity",
  "local",
]);
export type Change = z.infer<typeof ChangeSchema>;

/** Names of the change kinds, in both report languages. */
export const CHANGE_LABELS: Readonly<Record<Change, Readonly<Record<"zh" | "en", string>>>> = {
  weakened: { zh: "承诺弱化", en: "weaker commitment" },
  strengthened: { zh: "承诺强化", en: "stronger commitment" },
  narrowed: { zh: "范围收窄", en: "narrower scope" },
  widened: { zh: "范围扩展", en: "wider scope" },
  quantity: { zh: "数量变化", en: "changed quantity" },
  local: { zh: "增加本地内容", en: "local specifics" },
};

/** One piece of a word-level diff: kept, added in the child, or removed from the parent. */
export const DiffPartSchema = z.object({
  op: z.enum(["=", "+", "-"]),
  text: z.string(),
});
export type DiffPart = z.infer<typeof DiffPartSchema>;

/** One departure of the child from the parent, produced by a diff rule. */
export const FindingSchema = z.object({
  /** The id of the rule that found it (missing, added, reworded, deadline-drift, …). */
  kind: FindingKindSchema,
  severity: SeveritySchema,
  parent: z.string().nullable(),
  child: z.string().nullable(),
  message: z.string(),
  evidence: z.array(SpanSchema),
  /** deadline-drift: the two deadlines and the label. */
  drift: DriftSchema.nullable(),
  /** reworded: what the rewording does. */
  changes: z.array(ChangeSchema),
  /** reworded: the word-level diff of the two texts. */
  diff: z.array(DiffPartSchema),
  /** Set when a reviewer waived the finding: it stays listed but no longer counts. */
  waiver: z.object({ by: z.string(), reason: z.string(), date: z.string() }).nullable(),
});
export type Finding = z.infer<typeof FindingSchema>;
