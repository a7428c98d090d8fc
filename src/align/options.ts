import { readFileSync } from "node:fs";
import { z } from "zod";
import { weakCache } from "../util/caches.js";

/** A logistic model: score = sigmoid(bias + Σ weight × signal). */
export const LinearModelSchema = z.object({
  bias: z.number(),
  weights: z.record(z.string(), z.number()),
});
export type LinearModel = z.infer<typeof LinearModelSchema>;

const ScopeOptionsSchema = z.object({
  /** Scores a candidate primary link (one child task per parent task, one parent per child). */
  primary: LinearModelSchema,
  /** Scores an extra `partial` link (merges, splits, sentences carried elsewhere). */
  partial: LinearModelSchema,
  primaryThreshold: z.number().min(0).max(1),
  partialThreshold: z.number().min(0).max(1),
  /** A primary link whose texts agree at least this much (cosine) is `equivalent`, else `reworded`. */
  equivalentText: z.number().min(0).max(1),
  /**
   * Two tasks that are each other's best candidate (by text; rows by title) and agree at least
   * this much are linked even when the model hesitates: on the synthetic tuning set no such pair
   * above 0.3 (body) / 0.4 (rows) was unrelated. null turns the rule off.
   */
  mutualMin: z.number().min(0).max(1).nullable().default(null),
  /**
   * Rows only: a child row that restates a whole body task carries a parent row whose action that
   * task states at least this much (bigram containment); null turns the rule off.
   */
  wholeTaskContained: z.number().min(0).max(1).nullable().default(null),
});
export type ScopeOptions = z.infer<typeof ScopeOptionsSchema>;

/**
 * Which pairs are scored in full. `index` (the default): only pairs that share enough words,
 * found through an inverted index of the parent (see src/align/candidates.ts) — a pair below
 * every floor cannot reach a link's score. `all`: every pair, the reference the index is tested
 * against (and the naive variant of `npm run bench`).
 */
export const CandidateOptionsSchema = z.object({
  mode: z.enum(["index", "all"]).default("index"),
  /** Body pairs: task texts at least this similar (cosine)… */
  minText: z.number().min(0).max(1).default(0.05),
  /** …or one sentence of each at least this similar… */
  minSentence: z.number().min(0).max(1).default(0.15),
  /** Appendix rows: titles at least this similar, or rows whose body tasks are linked. */
  minTitle: z.number().min(0).max(1).default(0.05),
});
export type CandidateOptions = z.infer<typeof CandidateOptionsSchema>;

/** Weights and thresholds of the matcher: configuration, with defaults in data/align-weights.json. */
export const AlignOptionsSchema = z.object({
  body: ScopeOptionsSchema,
  appendix: ScopeOptionsSchema,
  candidates: CandidateOptionsSchema.default({
    mode: "index",
    minText: 0.05,
    minSentence: 0.15,
    minTitle: 0.05,
  }),
});
export type AlignOptions = z.infer<typeof AlignOptionsSchema>;

let defaults: AlignOptions | undefined;

/** The default weights (fitted on synthetic children, see `npm run fit`). */
export function defaultAlignOptions(): AlignOptions {
  if (!defaults) {
    // src/align and dist/align both sit two levels below the package root.
    const url = new URL("../../data/align-weights.json", import.meta.url);
    defaults = AlignOptionsSchema.parse(JSON.parse(readFileSync(url, "utf8")));
  }
  return defaults;
}

const compiled = weakCache<LinearModel, [string, number][]>("compiledModels");

/**
 * Applies a logistic model to named signals (a signal the model does not weigh is ignored);
 * `extra` signals are read before `signals` (context known only when links are chosen).
 */
export function applyModel(
  model: LinearModel,
  signals: Record<string, number>,
  extra?: Record<string, number>,
): number {
  let terms = compiled.get(model);
  if (!terms) {
    terms = Object.entries(model.weights);
    compiled.set(model, terms);
  }
  let z = model.bias;
  for (const [name, weight] of terms) z += weight * (extra?.[name] ?? signals[name] ?? 0);
  return 1 / (1 + Math.exp(-z));
}
