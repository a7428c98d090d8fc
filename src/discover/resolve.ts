/**
 * Parent resolution: the one home of the rules that pick, for a document, the document it
 * implements. Used by `plandiff discover` (every document of a pile) and by `plandiff run`
 * (`parent: auto`).
 *
 * 1. Candidates: documents of a strictly higher level (LEVEL_RANK). A document of unknown level
 *    may be the parent or the child of any other; a proposal that would close a cycle is refused.
 * 2. Cited: the child's references name a candidate's 文号, title or plan title → `cited`.
 *    Several cited: the nearest level wins (a district citing the province and its city plan
 *    implements the city plan), then the first cited.
 * 3. Otherwise content: task-title bigram dice over the whole document and the share of the
 *    child's tasks that have a candidate task with a title dice ≥ TASK_MATCH, averaged into a
 *    score; below MIN_SCORE → no parent. Not considered: a city of another place than the one the
 *    child names (绍兴市越城区 vs 嘉兴市), a candidate dated after the child.
 * 4. Near ties (within TIE of the best), after the sibling rule below: the candidate of the
 *    child's own place first, then the nearest level, then the score.
 *
 * Sibling rule. A candidate C that is itself a child of another candidate P is a sibling rather
 * than the parent unless the child follows C's own wording: when C and the child both carry P,
 * both resemble each other about as much as they resemble P, and content alone would often
 * point a district at a city that merely implements the same provincial plan. So C is kept
 * only if clearly more of the child's tasks are closer to C's tasks than to P's (C's rewordings
 * and additions carried down); otherwise C is set aside in favour of P.
 */

import type { DiscoverAlternative } from "../model/discover.js";
import { LEVEL_RANK } from "../parse/level.js";
import { fold } from "../text/fold.js";
import { documentFeatures } from "./features.js";
import {
  compareIds,
  type Node,
  nearness,
  type ParentProposal,
  RESOLVE_DEFAULTS,
  type ResolveItem,
  type ResolveOptions,
  round,
} from "./nodes.js";
import { placeOf } from "./place.js";
import { chooseBySimilarity, contentLine, scoreCandidates } from "./similarity.js";

export {
  type ParentProposal,
  RESOLVE_DEFAULTS,
  type ResolvableDocument,
  type ResolveItem,
  type ResolveOptions,
} from "./nodes.js";

const key = (s: string) => fold(s).replace(/\s/g, "");

/**
 * Proposes a parent for every item without a fixed `parent`, in level order (higher levels
 * first, so that a candidate's own parent is known when its children are resolved).
 */
export function proposeParents(
  items: readonly ResolveItem[],
  overrides: Partial<ResolveOptions> = {},
): Map<string, ParentProposal> {
  const options: ResolveOptions = { ...RESOLVE_DEFAULTS, ...overrides };
  const nodes: Node[] = items.map((item) => ({
    item,
    doc: item.document,
    rank: LEVEL_RANK[item.document.level],
    known: item.document.level !== "unknown",
    features: documentFeatures(item.document),
    place: placeOf(item.document),
    docNumberKey: item.document.docNumber ? key(item.document.docNumber) : null,
    titleKeys: [item.document.title, item.document.planTitle].flatMap((t) => (t ? [key(t)] : [])),
  }));
  const byId = new Map(nodes.map((n) => [n.item.id, n]));
  const parentOf = new Map<string, string | null>();
  for (const n of nodes) if (n.item.parent !== undefined) parentOf.set(n.item.id, n.item.parent);

  const order = nodes
    .filter((n) => n.item.parent === undefined)
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        (a.doc.date ?? "9999").localeCompare(b.doc.date ?? "9999") ||
        (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0),
    );
  // Citations first, for every document: they are explicit, so they settle their links before
  // content is compared (and a content link that would close a cycle with them is refused).
  const citations = new Map<Node, Cited[]>();
  for (const child of order) {
    const cited = citedAmong(child, candidatesOf(child, nodes, parentOf));
    citations.set(child, cited);
    if (cited[0]) parentOf.set(child.item.id, cited[0].node.item.id);
  }
  const proposals = new Map<string, ParentProposal>();
  for (const child of order) {
    const cited = citations.get(child) ?? [];
    const proposal = resolveOne(child, cited, nodes, byId, parentOf, options);
    parentOf.set(child.item.id, proposal.parent);
    proposals.set(child.item.id, proposal);
  }
  return proposals;
}

/** True when `candidate` may be `child`'s parent by level (unknown levels go both ways). */
function levelAllows(candidate: Node, child: Node): boolean {
  if (!candidate.known || !child.known) return true;
  return candidate.rank < child.rank;
}

/** True when making `candidate` the parent of `child` would close a cycle. */
function closesCycle(candidate: string, child: string, parentOf: Map<string, string | null>) {
  const seen = new Set<string>();
  for (let at: string | null | undefined = candidate; at; at = parentOf.get(at)) {
    if (at === child) return true;
    if (seen.has(at)) return false;
    seen.add(at);
  }
  return false;
}

/** The documents that may be `child`'s parent: by level, and without closing a cycle. */
function candidatesOf(child: Node, nodes: Node[], parentOf: Map<string, string | null>): Node[] {
  const id = child.item.id;
  return nodes.filter(
    (n) => n !== child && levelAllows(n, child) && !closesCycle(n.item.id, id, parentOf),
  );
}

interface Cited {
  node: Node;
  detail: string;
  /** Position of the reference in the child. */
  ref: number;
}

/** Candidates the child's references name (文号, title or plan title), preferred first. */
function citedAmong(child: Node, candidates: Node[]): Cited[] {
  const cited: Cited[] = [];
  child.doc.references.forEach((ref, r) => {
    const number = ref.docNumber ? key(ref.docNumber) : null;
    const title = ref.title ? key(ref.title) : null;
    for (const node of candidates) {
      if (cited.some((c) => c.node === node)) continue;
      if (number && node.docNumberKey === number)
        cited.push({ node, detail: `cites ${ref.docNumber}`, ref: r });
      else if (title && node.titleKeys.includes(title))
        cited.push({ node, detail: `cites 《${ref.title}》`, ref: r });
    }
  });
  return cited.sort(
    (a, b) => nearness(b.node) - nearness(a.node) || a.ref - b.ref || compareIds(a.node, b.node),
  );
}

function resolveOne(
  child: Node,
  cited: Cited[],
  nodes: Node[],
  byId: Map<string, Node>,
  parentOf: Map<string, string | null>,
  options: ResolveOptions,
): ParentProposal {
  const candidates = candidatesOf(child, nodes, parentOf);
  // 3. Content.
  const similarity = scoreCandidates(
    child,
    candidates,
    cited[0]?.node ?? null,
    parentOf,
    byId,
    options,
  );

  const chosenCited = cited[0];
  if (chosenCited) {
    const evidence = [chosenCited.detail];
    const own = similarity.scored.find((s) => s.node === chosenCited.node);
    if (own) evidence.push(contentLine(own));
    const alternatives: DiscoverAlternative[] = cited.slice(1).map((c) => ({
      id: c.node.item.id,
      score: round(similarity.scored.find((s) => s.node === c.node)?.score ?? 0),
      note: `also ${c.detail}; a nearer level or an earlier citation was preferred`,
    }));
    for (const s of similarity.scored) {
      if (s.node === chosenCited.node || cited.some((c) => c.node === s.node)) continue;
      alternatives.push({ id: s.node.item.id, score: round(s.score), note: "not cited" });
    }
    return {
      parent: chosenCited.node.item.id,
      confidence: options.citedConfidence,
      method: "cited",
      evidence,
      alternatives: alternatives.slice(0, 3),
    };
  }
  return chooseBySimilarity(child, similarity, parentOf, options);
}
