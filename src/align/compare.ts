import type { Alignment as AlignmentLink } from "../model/alignment.js";
import type { CompareResult } from "../model/compare.js";
import type { PlanDocument } from "../model/document.js";
import type { Task } from "../model/task.js";
import { compareIds } from "../util/task-ids.js";
import { addRelativeSignals, type CandidateMatrix, scopeAlignments } from "./match.js";
import { type AlignOptions, defaultAlignOptions } from "./options.js";
import { alignSections } from "./sections.js";
import { bodySignals, type PairContext, rowSignals } from "./signals.js";
import { taskFeatures, taskTokens } from "./task-features.js";
import { cosine, TfIdf } from "./tfidf.js";

/** Candidate matrices of both scopes, before any link is chosen (also used to fit the weights). */
export interface PreparedComparison {
  body: CandidateMatrix;
  appendix: CandidateMatrix;
  sectionAlignments: CompareResult["sectionAlignments"];
  context: PairContext;
}

const bySource = (doc: PlanDocument, source: Task["source"]) =>
  doc.tasks.filter((t) => t.source === source);

/** Fits the term weights on both plans, aligns sections, and scores every body pair. */
export function prepareBody(
  parent: PlanDocument,
  child: PlanDocument,
): Omit<PreparedComparison, "appendix"> & { model: TfIdf } {
  const model = new TfIdf([...parent.tasks, ...child.tasks].map(taskTokens));
  const parents = bySource(parent, "body").map((t) => taskFeatures(t, model));
  const children = bySource(child, "body").map((t) => taskFeatures(t, model));
  const textSimilarity = parents.map((p) => children.map((c) => cosine(p.text, c.text)));
  const sectionAlignments = alignSections(parent, child, parents, children, textSimilarity, model);
  const context: PairContext = {
    sectionMap: new Map(sectionAlignments.map((s) => [s.parent, s.child])),
    bodyLinks: new Set(),
    childBody: new Map(children.map((c) => [c.task.id, c])),
    parentBody: new Map(parents.map((p) => [p.task.id, p])),
  };
  const body: CandidateMatrix = {
    parents,
    children,
    signals: parents.map((p) => children.map((c) => bodySignals(p, c, context))),
  };
  addRelativeSignals(body, "text");
  return { body, sectionAlignments, context, model };
}

/** Scores every appendix row pair, using the body links as evidence. */
export function prepareAppendix(
  parent: PlanDocument,
  child: PlanDocument,
  model: TfIdf,
  context: PairContext,
): CandidateMatrix {
  const parents = bySource(parent, "appendix").map((t) => taskFeatures(t, model));
  const children = bySource(child, "appendix").map((t) => taskFeatures(t, model));
  const matrix: CandidateMatrix = {
    parents,
    children,
    signals: parents.map((p) => children.map((c) => rowSignals(p, c, context))),
  };
  addRelativeSignals(matrix, "title");
  return matrix;
}

/** Sections and task links of a child plan against its parent. */
export interface Alignment {
  sectionAlignments: CompareResult["sectionAlignments"];
  alignments: AlignmentLink[];
}

/**
 * Aligns a child plan with its parent: sections first, then body tasks (optimal primary links,
 * then partial links for merges and splits), then appendix rows with the body links as evidence.
 */
export function alignDocuments(
  parent: PlanDocument,
  child: PlanDocument,
  options: AlignOptions = defaultAlignOptions(),
): Alignment {
  const { body, sectionAlignments, context, model } = prepareBody(parent, child);
  const bodyLinks = scopeAlignments(body, options.body);
  for (const link of bodyLinks) context.bodyLinks.add(`${link.parent} ${link.child}`);
  const rowLinks = scopeAlignments(
    prepareAppendix(parent, child, model, context),
    options.appendix,
  );
  const alignments = [...bodyLinks, ...rowLinks].sort(
    (a, b) =>
      compareIds(a.parent, b.parent) ||
      compareIds(a.child, b.child) ||
      (a.relation < b.relation ? -1 : a.relation > b.relation ? 1 : 0),
  );
  return { sectionAlignments, alignments };
}
