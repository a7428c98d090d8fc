/**
 * Step 3 of parent resolution (see resolve.ts): candidates scored by content, the sibling rule,
 * near ties, and the proposal with its evidence and alternatives.
 */
import { dice } from "../text/bigrams.js";
import { matchTasks } from "./features.js";
import {
  ancestors,
  compareIds,
  type Node,
  nearness,
  type ParentProposal,
  type ResolveOptions,
  round,
  type Scored,
} from "./nodes.js";
import { placeRelation } from "./place.js";

const pct = (x: number) => `${Math.round(x * 100)}%`;

export interface Similarity {
  /** Candidates compared task by task, best score first. */
  scored: Scored[];
  /** Candidates left out before scoring, with the reason. */
  excluded: { place: Node[]; later: Node[] };
}

export function scoreCandidates(
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
export function contentLine(s: Scored): string {
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

export function chooseBySimilarity(
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
