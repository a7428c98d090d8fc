import { z } from "zod";
import { CompareSummarySchema } from "./compare.js";
import { LevelSchema } from "./document.js";
import { FindingKindSchema, SeveritySchema } from "./finding.js";

/** How a document's parent was chosen. */
export const ParentResolutionSchema = z.object({
  method: z.enum(["configured", "cited", "similarity", "none"]),
  /** Why, in words: the cited 文号, the similarity score… */
  detail: z.string(),
});

/** One configured document as read in this run. */
export const RunInputSchema = z.object({
  id: z.string(),
  file: z.string(),
  /** 1-based document index in its file. */
  index: z.number().int().positive(),
  /** SHA-256 of the file's bytes. */
  sha256: z.string(),
  level: LevelSchema,
  title: z.string().nullable(),
  docNumber: z.string().nullable(),
  parent: z.string().nullable(),
  parentResolution: ParentResolutionSchema,
});
export type RunInput = z.infer<typeof RunInputSchema>;

/**
 * A finding as remembered between runs. `key` identifies it by kind and by the titles of its
 * tasks (not their numbers), so renumbering a plan does not make old findings look new.
 */
export const FindingRefSchema = z.object({
  key: z.string(),
  kind: FindingKindSchema,
  severity: SeveritySchema,
  parent: z.string().nullable(),
  child: z.string().nullable(),
  message: z.string(),
  /** Suppressed by a review decision (listed, not counted against thresholds). */
  waived: z.boolean(),
});
export type FindingRef = z.infer<typeof FindingRefSchema>;

/** One parent → child comparison of a run. */
export const PairRunSchema = z.object({
  parent: z.string(),
  child: z.string(),
  /** Report files written for this pair, relative to the run directory. */
  reports: z.array(z.string()),
  summary: CompareSummarySchema,
  findings: z.array(FindingRefSchema),
});
export type PairRun = z.infer<typeof PairRunSchema>;

/** The path of one top-level task down a chain: province → city → district. */
export const TraceSchema = z.object({
  task: z.string(),
  title: z.string(),
  /** Per level below the root: the task ids that carry it (empty where it is lost). */
  steps: z.array(z.object({ document: z.string(), tasks: z.array(z.string()) })),
  /** The document where the task stops being carried, or null when it reaches the bottom. */
  lostAt: z.string().nullable(),
});
export type Trace = z.infer<typeof TraceSchema>;

export const ChainSchema = z.object({
  /** Document ids from the top: [province, city, district]. */
  documents: z.array(z.string()),
  traces: z.array(TraceSchema),
});
export type Chain = z.infer<typeof ChainSchema>;

/** What changed since the previous run on the same config. */
export const RunChangesSchema = z.object({
  previous: z.string().nullable(),
  newFindings: z.array(FindingRefSchema.extend({ pair: z.string() })),
  resolvedFindings: z.array(FindingRefSchema.extend({ pair: z.string() })),
  scoreChanges: z.array(
    z.object({ pair: z.string(), field: z.string(), before: z.number(), after: z.number() }),
  ),
});
export type RunChanges = z.infer<typeof RunChangesSchema>;

/** A review decision that no longer matches anything, reported rather than dropped. */
export const StaleDecisionSchema = z.object({
  index: z.number().int().nonnegative(),
  reason: z.string(),
});

/** reports/runs/<id>/run.json. */
export const RunRecordSchema = z.object({
  schemaVersion: z.literal(1),
  id: z.string(),
  config: z.object({ path: z.string(), sha256: z.string() }),
  inputs: z.array(RunInputSchema),
  pairs: z.array(PairRunSchema),
  chains: z.array(ChainSchema),
  /** Remarks for readers: a district compared with the province because its city plan is absent… */
  notes: z.array(z.string()),
  changes: RunChangesSchema,
  review: z.object({
    applied: z.number().int().nonnegative(),
    stale: z.array(StaleDecisionSchema),
  }),
  /**
   * The part of the config's pairs this run compared (`plandiff run --shard K/N`), null for a
   * whole run or a merge; `plandiff merge` refuses a set of shards with one missing. Older runs
   * read as null.
   */
  shard: z
    .object({ index: z.number().int().positive(), count: z.number().int().positive() })
    .nullable()
    .default(null),
  /** Set last: a run without it did not finish. */
  complete: z.literal(true),
});
export type RunRecord = z.infer<typeof RunRecordSchema>;
