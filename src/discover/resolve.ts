/**
 * Parent resolution: the one home of the rules that pick, for a document, the document it
 * implements. Used by `plandiff discover` (every document of a pile) and by `plandiff run`
 * (`parent: auto`).
 *
 * 1. Cited (`citations.ts`): the child's references name a document of the same or a higher level
 *    by 文号 (issuer code, year and number; a year that differs is accepted when the rest agrees
 *    and the title fits) or by title (notice wrapper, quotes, brackets and dashes set aside), or a
 *    cited title fits the opening of a document that has no title of its own — then only when the
 *    two share content too. A document citing the child, dated after it, or citing the same title
 *    itself (a sibling) is not its parent. Several cited: exact before fitted, the nearest level,
 *    then the first cited.
 * 2. Otherwise content, among documents of a strictly higher level (unknown levels go both ways
 *    for task titles): task-title bigram dice over the whole document and the share of the
 *    child's tasks that have a candidate task with a title dice ≥ TASK_MATCH, averaged into a
 *    score; passages the two share (rare winnowed fingerprints, `content.ts`) give a score of
 *    their own when both levels are known; the higher counts; below MIN_SCORE → no parent. Not
 *    considered: a city of another place than the one the child names (绍兴市越城区 vs 嘉兴市), a
 *    candidate dated after the child.
 * 3. Near ties (within TIE of the best), after the sibling rule below: the candidate of the
 *    child's own place first, then the nearest level, then the score.
 * 4. Documents that share passages but are neither parent nor child of each other and cannot be
 *    ordered (same level, or a level unknown) are listed as `related`, direction unknown.
 *
 * Sibling rule. A candidate C that is itself a child of another candidate P is a sibling rather
 * than the parent unless the child follows C's own wording: when C and the child both carry P,
 * both resemble each other about as much as they resemble P, and content alone would often
 * point a district at a city that merely implements the same provincial plan. So C is kept
 * only if clearly more of the child's tasks are closer to C's tasks than to P's (C's rewordings
 * and additions carried down); otherwise C is set aside in favour of P.
 */

import type { DiscoverAlternative, DiscoverRelated } from "../model/discover.js";
import { LEVEL_RANK } from "../model/document.js";
import type { Lang } from "../model/lang.js";
import { docNumberParts, MIN_CORE, titleCore, yearless } from "../text/titles.js";
import { type Cited, citedAmong, looseNumberKey, numberKey } from "./citations.js";
import { contentIndex, sharedContent } from "./content.js";
import { documentFeatures } from "./features.js";
import {
  compareIds,
  type Node,
  type ParentProposal,
  type Pile,
  RESOLVE_DEFAULTS,
  type ResolveItem,
  type ResolveOptions,
  round,
  say,
} from "./nodes.js";
import { placeOf } from "./place.js";
import {
  chooseBySimilarity,
  contentLine,
  levelsLine,
  passagesLine,
  scoreCandidates,
} from "./similarity.js";

export {
  type ParentProposal,
  RESOLVE_DEFAULTS,
  type ResolvableDocument,
  type ResolveItem,
  type ResolveOptions,
} from "./nodes.js";

/** How the proposals are worded. */
export interface ProposeSettings {
  /** Language of the evidence and notes (Chinese by default). */
  lang?: Lang;
}

/**
 * Proposes a parent for every item without a fixed `parent`, in level order (higher levels
 * first, so that a candidate's own parent is known when its children are resolved).
 */
export function proposeParents(
  items: readonly ResolveItem[],
  overrides: Partial<ResolveOptions> = {},
  settings: ProposeSettings = {},
): Map<string, ParentProposal> {
  const options: ResolveOptions = { ...RESOLVE_DEFAULTS, ...overrides };
  const lang = settings.lang ?? "zh";
  const content = contentIndex(
    items.map((item) => ({
      title: item.document.title,
      planTitle: item.document.planTitle,
      text: item.text ?? null,
      opening: item.document.opening,
    })),
    options.rare,
  );
  const nodes: Node[] = items.map((item, at) => ({
    item,
    doc: item.document,
    rank: LEVEL_RANK[item.document.level],
    known: item.document.level !== "unknown",
    features: documentFeatures(item.document),
    place: placeOf(item.document),
    at,
    titleCores: [
      ...new Set(
        [item.document.title, item.document.planTitle].flatMap((t) => {
          const core = t ? titleCore(t) : "";
          return core.length >= MIN_CORE ? [core] : [];
        }),
      ),
    ],
    parts: item.document.docNumber ? docNumberParts(item.document.docNumber) : null,
    refCores: new Set(
      item.document.references.flatMap((r) => {
        const core = r.title ? titleCore(r.title) : null;
        return core ? [core, yearless(core)] : [];
      }),
    ),
    refNumbers: new Set(
      item.document.references.flatMap((r) => {
        const p = r.docNumber ? docNumberParts(r.docNumber) : null;
        return p ? [numberKey(p)] : [];
      }),
    ),
  }));
  const byId = new Map(nodes.map((n) => [n.item.id, n]));
  const byCore = new Map<string, Node[]>();
  const byNumber = new Map<string, Node[]>();
  const add = (map: Map<string, Node[]>, key: string, n: Node) => {
    const list = map.get(key);
    if (list) list.push(n);
    else map.set(key, [n]);
  };
  for (const n of nodes) {
    for (const core of n.titleCores) add(byCore, core, n);
    if (n.parts) add(byNumber, looseNumberKey(n.parts), n);
  }
  const pile: Pile = { nodes, byId, content, byCore, byNumber, titled: new Map(), options, lang };
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
  const citations = new Map<Node, { cited: Cited[]; notes: string[] }>();
  for (const child of order) {
    citations.set(
      child,
      citedAmong(pile, child, (n) => mayCite(n, child, parentOf)),
    );
  }
  dropMutual(citations, lang);
  for (const child of order) {
    const first = citations.get(child)?.cited[0];
    if (first && !closesCycle(first.node.item.id, child.item.id, parentOf))
      parentOf.set(child.item.id, first.node.item.id);
  }
  const proposals = new Map<string, ParentProposal>();
  for (const child of order) {
    const found = citations.get(child) ?? { cited: [], notes: [] };
    const proposal = resolveOne(pile, child, found, parentOf);
    parentOf.set(child.item.id, proposal.parent);
    proposals.set(child.item.id, proposal);
  }
  addRelated(pile, order, proposals, parentOf);
  return proposals;
}

/**
 * Two documents that each seem to cite the other (titles fitted to openings): the weaker
 * citation is dropped (exact before fitted, then the better fit), so that a pair is never read
 * both ways.
 */
function dropMutual(citations: Map<Node, { cited: Cited[]; notes: string[] }>, lang: Lang): void {
  for (const [a, found] of citations) {
    for (const c of [...found.cited]) {
      const back = citations.get(c.node)?.cited.find((d) => d.node === a);
      if (!back) continue;
      const weaker =
        Number(c.exact) - Number(back.exact) || c.fit - back.fit || compareIds(c.node, a);
      if (weaker >= 0) continue;
      found.cited.splice(found.cited.indexOf(c), 1);
      found.notes.push(
        say(
          lang,
          `${c.detail}；但 ${c.node.item.id} 对本文件的引用更确切，不作为上级`,
          `${c.detail}; but ${c.node.item.id} cites this document more closely: not taken as the parent`,
        ),
      );
    }
  }
}

/** True when `candidate` may be `child`'s parent by content: a strictly higher level (unknown levels go both ways). */
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

/** The documents that may be `child`'s parent by content: by level, and without closing a cycle. */
function candidatesOf(child: Node, nodes: Node[], parentOf: Map<string, string | null>): Node[] {
  const id = child.item.id;
  return nodes.filter(
    (n) => n !== child && levelAllows(n, child) && !closesCycle(n.item.id, id, parentOf),
  );
}

/** May a citation name `candidate` as `child`'s parent: the same or a higher level, no cycle. */
function mayCite(candidate: Node, child: Node, parentOf: Map<string, string | null>): boolean {
  return (
    (!candidate.known || !child.known || candidate.rank <= child.rank) &&
    !closesCycle(candidate.item.id, child.item.id, parentOf)
  );
}

function resolveOne(
  pile: Pile,
  child: Node,
  { cited, notes }: { cited: Cited[]; notes: string[] },
  parentOf: Map<string, string | null>,
): ParentProposal {
  const { nodes, byId, options, lang } = pile;
  const candidates = candidatesOf(child, nodes, parentOf);
  const chosenCited = cited.find((c) => !closesCycle(c.node.item.id, child.item.id, parentOf));
  const similarity = scoreCandidates(
    pile,
    child,
    chosenCited && !candidates.includes(chosenCited.node)
      ? [...candidates, chosenCited.node]
      : candidates,
    chosenCited?.node ?? null,
    parentOf,
    byId,
  );

  if (chosenCited) {
    const parent = chosenCited.node;
    const evidence = [chosenCited.detail];
    const own = similarity.scored.find((s) => s.node === parent);
    if (own) evidence.push(contentLine(own, lang));
    const passages = passagesLine(pile, child, parent);
    if (passages) evidence.push(passages);
    evidence.push(levelsLine(child, parent, lang), ...notes);
    const alternatives: DiscoverAlternative[] = cited
      .filter((c) => c !== chosenCited)
      .map((c) => ({
        id: c.node.item.id,
        score: round(similarity.scored.find((s) => s.node === c.node)?.score ?? 0),
        note: say(
          lang,
          `同样${c.detail}；优先采用层级更近或引用更早、更确切者`,
          `also ${c.detail}; a nearer level, an exact citation or an earlier one was preferred`,
        ),
      }));
    for (const s of similarity.scored) {
      if (s.node === parent || cited.some((c) => c.node === s.node)) continue;
      alternatives.push({
        id: s.node.item.id,
        score: round(s.score),
        note: say(lang, "未被引用", "not cited"),
      });
    }
    return {
      parent: parent.item.id,
      confidence: chosenCited.exact ? options.citedConfidence : options.fitConfidence,
      method: "cited",
      evidence,
      alternatives: alternatives.slice(0, 3),
      related: [],
    };
  }
  const proposal = chooseBySimilarity(pile, child, similarity, parentOf);
  proposal.evidence.push(...notes);
  return proposal;
}

/**
 * Pairs that share passages, neither the parent of the other, and that level and date cannot
 * order (the same level, or a level unknown): `related` on both sides.
 */
function addRelated(
  pile: Pile,
  order: Node[],
  proposals: Map<string, ParentProposal>,
  parentOf: Map<string, string | null>,
): void {
  const { options, lang, content } = pile;
  const wanted = new Set(order);
  const linked = (a: Node, b: Node) =>
    parentOf.get(a.item.id) === b.item.id || parentOf.get(b.item.id) === a.item.id;
  const pairs: [Node, Node, number][] = [];
  for (const key of [...content.shared.keys()].sort((x, y) => x - y)) {
    const a = pile.nodes[Math.floor(key / content.size)] as Node;
    const b = pile.nodes[key % content.size] as Node;
    const shared = sharedContent(content, a.at, b.at);
    if (shared.prints < options.passagePrints || shared.share < options.passageShare) continue;
    if (linked(a, b)) continue;
    if (a.known && b.known && a.rank !== b.rank) continue;
    pairs.push([a, b, shared.share]);
  }
  for (const [a, b, share] of pairs) {
    const why = (other: Node): DiscoverRelated => ({
      id: other.item.id,
      score: round(Math.min(1, share)),
      note: say(
        lang,
        `共有段落（占较小文件指纹的 ${Math.round(share * 100)}%），但${a.known && b.known ? "层级相同" : "层级不明"}、无引用，无法判断谁落实谁`,
        `shares passages (${Math.round(share * 100)}% of the smaller document's fingerprints), but ${a.known && b.known ? "the same level" : "a level unknown"} and no citation: direction unknown`,
      ),
    });
    for (const [self, other] of [
      [a, b],
      [b, a],
    ] as const) {
      if (!wanted.has(self)) continue;
      proposals.get(self.item.id)?.related.push(why(other));
    }
  }
}
