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

import type { DiscoverAlternative, DiscoverMethod } from "../model/discover.js";
import type { PlanDocument } from "../model/document.js";
import type { Task } from "../model/task.js";
import { LEVEL_RANK } from "../parse/level.js";
import { dice } from "../text/bigrams.js";
import { fold } from "../text/fold.js";
import {
  type DocumentFeatures,
  documentFeatures,
  matchTasks,
  type TaskMatches,
} from "./features.js";
import { type PlaceSegment, placeOf, placeRelation } from "./place.js";

/** What the rules read of a document (a parsed plan, or the card a batch run keeps of it). */
export type ResolvableDocument = Pick<
  PlanDocument,
  "level" | "docNumber" | "title" | "planTitle" | "issuer" | "date" | "references"
> & { tasks: Pick<Task, "id" | "title">[] };

/** A document that may be a parent or get one. */
export interface ResolveItem {
  id: string;
  document: ResolvableDocument;
  /**
   * A parent fixed beforehand (its id, or null for a document that has none). Absent: resolve
   * it. Fixed parents are candidates' parents for the sibling rule.
   */
  parent?: string | null;
}

/** The proposed parent of one document. */
export interface ParentProposal {
  parent: string | null;
  /** In [0,1]: how sure the proposal is (for `none`: how sure that no candidate is the parent). */
  confidence: number;
  method: DiscoverMethod;
  evidence: string[];
  alternatives: DiscoverAlternative[];
}

/** Thresholds of the similarity rules (exported for tests and tuning). */
export const RESOLVE_DEFAULTS = {
  /** A child task counts as matched when a candidate task's title has at least this dice. */
  taskMatch: 0.5,
  /** Below this score no candidate is proposed. */
  minScore: 0.3,
  /** Score from which a similarity proposal counts as strong (confidence ramp). */
  strongScore: 0.6,
  /** Candidates within this distance of the best score are a near tie. */
  tie: 0.05,
  /** Candidates compared task by task: the best by document dice (plus their ancestors). */
  shortlist: 6,
  /** Sibling rule: a task is closer to one plan when its best dice is higher by this much. */
  closer: 0.02,
  /** Sibling rule: the child follows C when its tasks closer to C outnumber those closer to P by this share of its tasks. */
  follow: 0.15,
  citedConfidence: 0.99,
} as const;
export type ResolveOptions = { [K in keyof typeof RESOLVE_DEFAULTS]: number };

interface Node {
  item: ResolveItem;
  doc: ResolvableDocument;
  rank: number;
  known: boolean;
  features: DocumentFeatures;
  place: PlaceSegment[];
  docNumberKey: string | null;
  titleKeys: string[];
}

/** A candidate scored for one child. */
interface Scored {
  node: Node;
  dice: number;
  matches: TaskMatches | null;
  share: number;
  score: number;
}

const key = (s: string) => fold(s).replace(/\s/g, "");
const round = (x: number, digits = 3) => Number(x.toFixed(digits));
const pct = (x: number) => `${Math.round(x * 100)}%`;

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

/** The chain of known parents above a document (its parent first). */
function ancestors(id: string, parentOf: Map<string, string | null>): string[] {
  const out: string[] = [];
  for (let at = parentOf.get(id); at && !out.includes(at) && at !== id; at = parentOf.get(at)) {
    out.push(at);
  }
  return out;
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

/** Higher for nearer levels; unknown levels come last. */
const nearness = (n: Node) => (n.known ? n.rank : -1);
const compareIds = (a: Node, b: Node) =>
  a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0;

interface Similarity {
  /** Candidates compared task by task, best score first. */
  scored: Scored[];
  /** Candidates left out before scoring, with the reason. */
  excluded: { place: Node[]; later: Node[] };
}

function scoreCandidates(
  child: Node,
  candidates: Node[],
  cited: Node | null,
  parentOf: Map<string, string | null>,
  byId: Map<string, Node>,
  options: ResolveOptions,
): Similarity {
  const excluded = { place: [] as Node[], later: [] as Node[] };
  const pool: { node: Node; dice: number }[] = [];
  for (const node of candidates) {
    if (node !== cited) {
      if (child.doc.date && node.doc.date && node.doc.date > child.doc.date) {
        excluded.later.push(node);
        continue;
      }
      if (placeRelation(child.place, node.place, node.doc.level) === "conflicts") {
        excluded.place.push(node);
        continue;
      }
    }
    pool.push({ node, dice: dice(child.features.titles, node.features.titles) });
  }
  pool.sort((a, b) => b.dice - a.dice || compareIds(a.node, b.node));
  const shortlist = new Set(pool.slice(0, options.shortlist).map((p) => p.node));
  if (cited) shortlist.add(cited);
  for (const node of [...shortlist]) {
    for (const up of ancestors(node.item.id, parentOf)) {
      const a = byId.get(up);
      if (a && pool.some((p) => p.node === a)) shortlist.add(a);
    }
  }
  const n = child.features.tasks.length;
  const scored: Scored[] = pool
    .filter((p) => shortlist.has(p.node))
    .map(({ node, dice }) => {
      const matches = n > 0 ? matchTasks(child.features, node.features) : null;
      let matched = 0;
      if (matches) for (const b of matches.best) if (b >= options.taskMatch) matched++;
      const share = n > 0 ? matched / n : 0;
      return { node, dice, matches, share, score: (dice + share) / 2 };
    })
    .sort((a, b) => b.score - a.score || compareIds(a.node, b.node));
  return { scored, excluded };
}

/** "content: score 0.72 (task titles 0.67, 52 of 68 tasks 76% matched)". */
function contentLine(s: Scored): string {
  const n = s.matches?.best.length ?? 0;
  return `content like ${s.node.item.id}: score ${s.score.toFixed(2)} (all task titles dice ${s.dice.toFixed(2)}; ${Math.round(s.share * n)} of ${n} tasks, ${pct(s.share)}, have a task titled alike)`;
}

/** Does the child follow C's own wording rather than that of C's parent P? */
function follows(
  c: Scored,
  p: Scored,
  options: ResolveOptions,
): { yes: boolean; toC: number; toP: number } {
  let toC = 0;
  let toP = 0;
  const bc = c.matches?.best;
  const bp = p.matches?.best;
  if (!bc || !bp) return { yes: true, toC, toP };
  for (let t = 0; t < bc.length; t++) {
    const x = bc[t] as number;
    const y = bp[t] as number;
    if (x > y + options.closer) toC++;
    else if (y > x + options.closer) toP++;
  }
  const need = Math.max(2, options.follow * bc.length);
  return { yes: toC - toP >= need, toC, toP };
}

function chooseBySimilarity(
  child: Node,
  { scored, excluded }: Similarity,
  parentOf: Map<string, string | null>,
  options: ResolveOptions,
): ParentProposal {
  const notes: string[] = [];
  if (excluded.place.length > 0) {
    const names = [...new Set(excluded.place.map((n) => n.place.at(-1)?.name))].slice(0, 3);
    notes.push(
      `not considered: ${excluded.place.length} document(s) of another place (${names.join("、")}${excluded.place.length > names.length ? "…" : ""})`,
    );
  }
  if (excluded.later.length > 0)
    notes.push(`not considered: ${excluded.later.length} document(s) dated after this one`);

  const best = scored[0];
  if (!best || best.score < options.minScore) {
    const confidence = best ? 0.5 + 0.5 * (1 - best.score / options.minScore) : 1;
    return {
      parent: null,
      confidence: round(confidence),
      method: "none",
      evidence: [
        best
          ? `no document is cited or similar enough (best: ${best.node.item.id}, score ${best.score.toFixed(2)} < ${options.minScore})`
          : excluded.place.length + excluded.later.length > 0
            ? "no candidate left to compare with"
            : "no candidate of a higher level",
        ...notes,
      ],
      alternatives: scored.slice(0, 3).map((s) => ({
        id: s.node.item.id,
        score: round(s.score),
        note: "below the minimum score",
      })),
    };
  }

  const usable = scored.filter((s) => s.score >= options.minScore);
  const find = (nodeId: string) => usable.find((s) => s.node.item.id === nodeId);
  // Sibling rule, applied to the near tie and to the ancestors it brings in.
  const setAside = new Map<Scored, string>();
  const eligible: Scored[] = [];
  const queue = usable.filter((s) => s.score >= best.score - options.tie);
  while (queue.length > 0) {
    const c = queue.shift() as Scored;
    if (eligible.includes(c) || setAside.has(c)) continue;
    const up = ancestors(c.node.item.id, parentOf)
      .map(find)
      .find((s) => s !== undefined);
    if (up) {
      const f = follows(c, up, options);
      if (!f.yes) {
        setAside.set(
          c,
          `a sibling: itself a child of ${up.node.item.id}, and this document is no closer to it than to ${up.node.item.id} (tasks closer to ${c.node.item.id}: ${f.toC}, to ${up.node.item.id}: ${f.toP})`,
        );
        queue.push(up);
        continue;
      }
      notes.push(
        `${c.node.item.id} is a child of ${up.node.item.id}, and this document follows its wording (tasks closer to ${c.node.item.id}: ${f.toC}, to ${up.node.item.id}: ${f.toP})`,
      );
    }
    eligible.push(c);
  }
  const fitsPlace = (s: Scored) =>
    placeRelation(child.place, s.node.place, s.node.doc.level) === "fits" ? 1 : 0;
  eligible.sort(
    (a, b) =>
      fitsPlace(b) - fitsPlace(a) ||
      nearness(b.node) - nearness(a.node) ||
      b.score - a.score ||
      compareIds(a.node, b.node),
  );
  const chosen = eligible[0] as Scored;
  const evidence = [contentLine(chosen), ...examples(child, chosen, options)];
  if (fitsPlace(chosen)) {
    const own = chosen.node.place.at(-1)?.name;
    evidence.push(`place: ${child.place.map((p) => p.name).join("")} lies in ${own}`);
  }
  const higherScored = eligible.filter((s) => s !== chosen && s.score > chosen.score);
  if (higherScored.length > 0) {
    evidence.push(
      `preferred to ${higherScored.map((s) => `${s.node.item.id} (${s.score.toFixed(2)})`).join(", ")}: ${fitsPlace(chosen) ? "its place" : "nearest level"} in a near tie`,
    );
  }
  for (const [s, why] of setAside) evidence.push(`${s.node.item.id} set aside: ${why}`);
  evidence.push(...notes);

  const rivals = eligible.filter((s) => s !== chosen);
  const margin = rivals.length > 0 ? chosen.score - Math.max(...rivals.map((s) => s.score)) : 1;
  const strength = Math.min(
    1,
    Math.max(0, (chosen.score - options.minScore) / (options.strongScore - options.minScore)),
  );
  const separation = Math.min(1, Math.max(0, margin / (2 * options.tie)));
  const confidence = 0.95 * (0.4 + 0.6 * strength) * (0.6 + 0.4 * separation);

  const alternatives = scored
    .filter((s) => s !== chosen)
    .slice(0, 3)
    .map((s) => ({
      id: s.node.item.id,
      score: round(s.score),
      note:
        setAside.get(s) ??
        (s.score < options.minScore
          ? "below the minimum score"
          : eligible.includes(s)
            ? s.score > chosen.score
              ? "near tie: place or level preferred the proposal"
              : null
            : null),
    }));
  return {
    parent: chosen.node.item.id,
    confidence: round(confidence),
    method: "similarity",
    evidence,
    alternatives,
  };
}

/** Up to three child ↔ candidate task pairs, spread over the child's matched tasks. */
function examples(child: Node, s: Scored, options: ResolveOptions): string[] {
  const m = s.matches;
  if (!m) return [];
  const matched: number[] = [];
  m.best.forEach((b, t) => {
    if (b >= options.taskMatch) matched.push(t);
  });
  const picks =
    matched.length <= 3
      ? matched
      : [0, 1, 2].map((k) => matched[Math.floor((k * (matched.length - 1)) / 2)] as number);
  return picks.map((t) => {
    const a = child.doc.tasks[t];
    const b = s.node.doc.tasks[m.index[t] as number];
    return `task ${a?.id} 「${a?.title}」 ↔ ${b?.id} 「${b?.title}」 (dice ${(m.best[t] as number).toFixed(2)})`;
  });
}
