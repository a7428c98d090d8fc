import type { Alignment } from "../model/alignment.js";
import type { CompareResult, ScopeSummary } from "../model/compare.js";
import type { PlanDocument } from "../model/document.js";
import type { Task } from "../model/task.js";
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

/**
 * Aligns a child plan with its parent: sections first, then body tasks (optimal primary links,
 * then partial links for merges and splits), then appendix rows with the body links as evidence.
 */
export function compareDocuments(
  parent: PlanDocument,
  child: PlanDocument,
  options: AlignOptions = defaultAlignOptions(),
): CompareResult {
  const { body, sectionAlignments, context, model } = prepareBody(parent, child);
  const bodyLinks = scopeAlignments(body, options.body);
  for (const link of bodyLinks) context.bodyLinks.add(`${link.parent} ${link.child}`);
  const rowLinks = scopeAlignments(
    prepareAppendix(parent, child, model, context),
    options.appendix,
  );
  const alignments = [...bodyLinks, ...rowLinks].sort(compareLinks);
  return {
    schemaVersion: 1,
    parent,
    child,
    sectionAlignments,
    alignments,
    findings: [],
    summary: {
      body: summarize(bySource(parent, "body"), bySource(child, "body"), alignments),
      appendix: summarize(bySource(parent, "appendix"), bySource(child, "appendix"), alignments),
    },
  };
}

function summarize(parents: Task[], children: Task[], alignments: Alignment[]): ScopeSummary {
  const parentIds = new Set(parents.map((t) => t.id));
  const links = alignments.filter((a) => parentIds.has(a.parent));
  const carried = new Set(links.map((a) => a.parent));
  const used = new Set(links.map((a) => a.child));
  const relations = { equivalent: 0, reworded: 0, partial: 0 };
  for (const link of links) relations[link.relation]++;
  return {
    parentTasks: parents.length,
    childTasks: children.length,
    carried: carried.size,
    coverage: parents.length === 0 ? 1 : Math.round((carried.size / parents.length) * 1000) / 1000,
    missing: parents.filter((t) => !carried.has(t.id)).map((t) => t.id),
    added: children.filter((t) => !used.has(t.id)).map((t) => t.id),
    relations,
  };
}

/** Parent order, then child id, then relation: a stable order for deterministic output. */
function compareLinks(a: Alignment, b: Alignment): number {
  return (
    idOrder(a.parent, b.parent) ||
    idOrder(a.child, b.child) ||
    (a.relation < b.relation ? -1 : a.relation > b.relation ? 1 : 0)
  );
}

function idOrder(a: string, b: string): number {
  const ka = idKey(a);
  const kb = idKey(b);
  for (let i = 0; i < Math.max(ka.length, kb.length); i++) {
    const x = ka[i] ?? "";
    const y = kb[i] ?? "";
    if (x === y) continue;
    const nx = Number(x);
    const ny = Number(y);
    if (!Number.isNaN(nx) && !Number.isNaN(ny)) return nx - ny;
    return x < y ? -1 : 1;
  }
  return 0;
}

function idKey(id: string): string[] {
  return id.match(/\d+|[^\d.]+/g) ?? [id];
}
