import { alignDocuments } from "./align/index.js";
import { type AlignOptions, defaultAlignOptions } from "./align/options.js";
import { createContext, DEFAULT_DIFF_OPTIONS, type DiffOptions, runRules } from "./diff/index.js";
import { summarize } from "./diff/summary.js";
import type { CompareResult } from "./model/compare.js";
import type { PlanDocument } from "./model/document.js";

/** Options of a comparison: matcher weights and which findings to report, in which language. */
export interface CompareOptions {
  align: AlignOptions;
  diff: DiffOptions;
}

/**
 * Compares a child plan with its parent: aligns sections and tasks, runs the diff rules, and
 * summarises coverage, fidelity and findings (contract v1).
 */
export function compareDocuments(
  parent: PlanDocument,
  child: PlanDocument,
  options: Partial<CompareOptions> = {},
): CompareResult {
  const diff = options.diff ?? DEFAULT_DIFF_OPTIONS;
  const { sectionAlignments, alignments } = alignDocuments(
    parent,
    child,
    options.align ?? defaultAlignOptions(),
  );
  const context = createContext({ parent, child, alignments, sectionAlignments, lang: diff.lang });
  const findings = runRules(context, diff);
  return {
    schemaVersion: 1,
    parent,
    child,
    sectionAlignments,
    alignments,
    findings,
    summary: summarize(parent, child, alignments, sectionAlignments, findings),
  };
}
