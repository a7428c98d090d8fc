import { alignDocuments } from "./align/index.js";
import { type AlignOptions, defaultAlignOptions } from "./align/options.js";
import {
  createContext,
  DEFAULT_DIFF_OPTIONS,
  type DiffOptions,
  filterSeverity,
  pairVerdict,
  rateUnderVerdict,
  runRules,
} from "./diff/index.js";
import { summarize } from "./diff/summary.js";
import type { CompareResult } from "./model/compare.js";
import type { PlanDocument } from "./model/document.js";
import {
  applyLinkDecisions,
  applyWaivers,
  type IndexedDecision,
  type StaleDecision,
} from "./review/apply.js";

/** Options of a comparison: matcher weights, which findings to report, review decisions. */
export interface CompareOptions {
  align: AlignOptions;
  diff: DiffOptions;
  /** Review decisions for this pair (see src/review): applied to links, then to findings. */
  review: IndexedDecision[];
  /** Told which decisions took effect and which no longer apply. */
  onReview: (applied: number[], stale: StaleDecision[]) => void;
}

/**
 * Compares a child plan with its parent: aligns sections and tasks, applies review decisions on
 * links, runs the diff rules, applies waivers, and summarises coverage, fidelity and findings
 * (contract v1).
 */
export function compareDocuments(
  parent: PlanDocument,
  child: PlanDocument,
  options: Partial<CompareOptions> = {},
): CompareResult {
  const diff = options.diff ?? DEFAULT_DIFF_OPTIONS;
  const decisions = options.review ?? [];
  const aligned = alignDocuments(parent, child, options.align ?? defaultAlignOptions());
  const links = applyLinkDecisions(decisions, parent, child, aligned.alignments);
  const { sectionAlignments } = aligned;
  const context = createContext({
    parent,
    child,
    alignments: links.alignments,
    sectionAlignments,
    lang: diff.lang,
    coverage: aligned.coverage,
  });
  // The verdict first: findings are rated by it. Every finding is made, so that the summary's
  // measures (fidelity) do not depend on which findings the reader chose to see.
  const pair = pairVerdict(parent, child, aligned.coverage, diff.lang);
  const found = rateUnderVerdict(
    runRules(context, { ...diff, minSeverity: "info" }),
    pair,
    diff.lang,
  );
  const waived = applyWaivers(decisions, parent, child, found);
  const shown = filterSeverity(waived.findings, diff.minSeverity);
  options.onReview?.(
    [...links.applied, ...waived.applied].sort((a, b) => a - b),
    [...links.stale, ...waived.stale],
  );
  return {
    schemaVersion: 1,
    parent,
    child,
    sectionAlignments,
    alignments: links.alignments,
    coverage: aligned.coverage,
    findings: shown,
    summary: summarize(parent, child, links.alignments, sectionAlignments, {
      pair,
      shown,
      all: waived.findings,
      restated: (id) => context.restated(id) !== undefined,
    }),
  };
}
