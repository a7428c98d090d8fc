import type { CompareOptions } from "../compare.js";
import { decisionsForPair, type StaleDecision } from "../review/apply.js";
import { loadReview } from "../review/load-review.js";
import type { ReviewFile } from "../review/schema.js";
import { ConfigError } from "./config-error.js";

/** Reads the review file named by the config; its problems are configuration errors. */
export function readReview(path: string): ReviewFile {
  const loaded = loadReview(path);
  if (!loaded.ok) throw new ConfigError(loaded.errors);
  return loaded.review;
}

/** The decisions of one pair, and a collector of what they did. */
export function pairReview(review: ReviewFile, parent: string, child: string) {
  const applied: number[] = [];
  const stale: StaleDecision[] = [];
  const options: Pick<CompareOptions, "review" | "onReview"> = {
    review: decisionsForPair(review, parent, child),
    onReview: (a, s) => {
      applied.push(...a);
      stale.push(...s);
    },
  };
  return { options, applied: () => applied.length, stale: () => stale };
}
