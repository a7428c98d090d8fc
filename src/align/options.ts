import { readFileSync } from "node:fs";
import { z } from "zod";

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

/** Weights and thresholds of the matcher: configuration, with defaults in data/align-weights.json. */
export const AlignOptionsSchema = z.object({
  body: ScopeOptionsSchema,
  appendix: ScopeOptionsSchema,
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

/** Applies a logistic model to named signals (a signal the model does not weigh is ignored). */
export function applyModel(model: LinearModel, signals: Record<string, number>): number {
  let z = model.bias;
  for (const [name, weight] of Object.entries(model.weights)) z += weight * (signals[name] ?? 0);
  return 1 / (1 + Math.exp(-z));
}
