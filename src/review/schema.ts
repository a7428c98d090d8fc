import { z } from "zod";
import { RelationSchema } from "../model/alignment.js";
import { isIdentifierLike, quotedKeys } from "../util/data-file.js";

/** The review actions, in the order they are documented. */
export const REVIEW_ACTIONS = ["confirm", "reject", "add", "waive"] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/** Characters ignored when titles are compared: whitespace and punctuation (after folding). */
export const IGNORED_IN_TITLES = /[\s\p{P}]/gu;

/** A string that must be present and not blank; `what` names it in messages. */
function text(what: string) {
  return z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? `${what} is required`
          : `${what} must be a string (got ${describe(issue.input)})`,
    })
    .refine((value) => value.trim() !== "", `${what} must not be blank`);
}

/** A value in a message: its type, and the value itself only when short and identifier-like. */
function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string" && !isIdentifierLike(value)) return "a string";
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** `unexpected key(s) "a", "b"`, or "unexpected content" when the keys are not identifier-like. */
function unexpected(keys: readonly string[]): string {
  const quoted = quotedKeys(keys);
  return quoted === null
    ? "unexpected content"
    : `unexpected key${keys.length > 1 ? "s" : ""} ${quoted}`;
}

/** A real calendar date written YYYY-MM-DD. */
const IsoDateSchema = z
  .string({
    error: (issue) =>
      issue.input === undefined
        ? "date is required (YYYY-MM-DD)"
        : `date must be a string YYYY-MM-DD (got ${describe(issue.input)}); quote it in YAML`,
  })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "date must be written YYYY-MM-DD", abort: true })
  .refine((value) => {
    const day = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
  }, "date is not a real calendar date");

/** A document id from the run config (same alphabet as `documents[].id`). */
const DocIdSchema = text("document id").regex(
  /^[\w.-]+$/,
  "expected a document id of the run config: letters, digits, '.', '_' or '-'",
);

/**
 * A task named by a decision. The title is the key (compared after folding, without whitespace
 * and punctuation), so a decision survives renumbering; the id is only a hint that breaks ties.
 */
export const TaskRefSchema = z.strictObject(
  {
    /** The task id when the decision was made (B3.5, A12): a hint, not the key. */
    id: text("id").optional(),
    /** The task title as printed: the key. */
    title: text("title").refine(
      (value) => value.replace(IGNORED_IN_TITLES, "") !== "",
      "title has no characters left once punctuation is ignored",
    ),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `${unexpected(issue.keys)} (a task is { id, title })`
        : issue.input === undefined
          ? "required: a task { id, title }"
          : `expected a task { id, title } (got ${describe(issue.input)})`,
  },
);
export type TaskRef = z.infer<typeof TaskRefSchema>;

/** Fields shared by every decision. */
const common = {
  /** Id of the parent document in the run config. */
  parentDoc: DocIdSchema,
  /** Id of the child document in the run config. */
  childDoc: DocIdSchema,
  /** Who decided. */
  by: text("by"),
  /** When, YYYY-MM-DD. */
  date: IsoDateSchema,
};

/** Messages of a decision object itself: unknown keys name the action they do not fit. */
function decisionErrors(action: ReviewAction, allowed: readonly string[]) {
  return {
    error: (issue: z.core.$ZodRawIssue) =>
      issue.code === "unrecognized_keys"
        ? `${quotedKeys(issue.keys) ?? "unexpected content"} not allowed with action ${action} (allowed: ${allowed.join(", ")})`
        : undefined,
  };
}

const LINK_KEYS = ["action", "parentDoc", "childDoc", "parent", "child", "reason", "by", "date"];

/** The matcher's link between the two tasks is right: keep it whatever later runs score. */
export const ConfirmDecisionSchema = z.strictObject(
  {
    action: z.literal("confirm"),
    ...common,
    parent: TaskRefSchema,
    child: TaskRefSchema,
    reason: text("reason").optional(),
  },
  decisionErrors("confirm", LINK_KEYS),
);

/** The matcher's link between the two tasks is wrong: remove it in every run. */
export const RejectDecisionSchema = z.strictObject(
  {
    action: z.literal("reject"),
    ...common,
    parent: TaskRefSchema,
    child: TaskRefSchema,
    reason: text("reason"),
  },
  decisionErrors("reject", LINK_KEYS),
);

/** The matcher missed a link: insert it (score 1) in every run. */
export const AddDecisionSchema = z.strictObject(
  {
    action: z.literal("add"),
    ...common,
    parent: TaskRefSchema,
    child: TaskRefSchema,
    /** How the child carries the parent task. */
    relation: RelationSchema.default("reworded"),
    reason: text("reason"),
  },
  decisionErrors("add", [...LINK_KEYS, "relation"]),
);

/**
 * A finding is accepted: it stays listed with the waiver but no longer counts. Name the parent
 * task, the child task, or both, exactly as the finding does (a `missing` finding has no child,
 * an `added` finding no parent).
 */
export const WaiveDecisionSchema = z
  .strictObject(
    {
      action: z.literal("waive"),
      ...common,
      /** The finding kind: the id of the rule that reported it (missing, added, reworded…). */
      kind: text("kind"),
      parent: TaskRefSchema.optional(),
      child: TaskRefSchema.optional(),
      reason: text("reason"),
    },
    decisionErrors("waive", [
      "action",
      "parentDoc",
      "childDoc",
      "kind",
      "parent",
      "child",
      "reason",
      "by",
      "date",
    ]),
  )
  .refine((d) => d.parent !== undefined || d.child !== undefined, {
    message: "a waiver names the parent task, the child task, or both",
    path: ["parent"],
  });

/** One decision of a reviewer, told apart by `action`. */
export const DecisionSchema = z.discriminatedUnion(
  "action",
  [ConfirmDecisionSchema, RejectDecisionSchema, AddDecisionSchema, WaiveDecisionSchema],
  {
    error: (issue) => {
      if (issue.code !== "invalid_union" && issue.code !== "invalid_type") return undefined;
      if (issue.input === null || typeof issue.input !== "object" || Array.isArray(issue.input)) {
        return `expected a decision mapping (got ${describe(issue.input)})`;
      }
      const action = (issue.input as Record<string, unknown>).action;
      const expected = `expected one of ${REVIEW_ACTIONS.join(" | ")}`;
      return action === undefined
        ? `action is required: ${expected}`
        : `${expected} (got ${describe(action)})`;
    },
  },
);
export type Decision = z.infer<typeof DecisionSchema>;
export type ConfirmDecision = z.infer<typeof ConfirmDecisionSchema>;
export type RejectDecision = z.infer<typeof RejectDecisionSchema>;
export type AddDecision = z.infer<typeof AddDecisionSchema>;
export type WaiveDecision = z.infer<typeof WaiveDecisionSchema>;

/** The review file (YAML or JSON): the decisions of audit staff, applied in every later run. */
export const ReviewFileSchema = z.strictObject(
  {
    decisions: z.array(DecisionSchema, {
      error: (issue) =>
        issue.input === undefined
          ? "decisions is required (a list)"
          : `decisions must be a list (got ${describe(issue.input)})`,
    }),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `${unexpected(issue.keys)} (a review file holds only "decisions")`
        : `expected a mapping with "decisions" (got ${describe(issue.input)})`,
  },
);
export type ReviewFile = z.infer<typeof ReviewFileSchema>;
