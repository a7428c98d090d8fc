/**
 * What a rewording does: clauses of the two wordings paired, then weakened / strengthened,
 * narrowed, widened, quantity and local changes, each with its evidence.
 */
import type { PlanDocument } from "../../model/document.js";
import { type Change, ChangeSchema, type DiffPart } from "../../model/finding.js";
import type { Task } from "../../model/task.js";
import { type Bigrams, codeSet, dice } from "../../text/bigrams.js";
import { fold } from "../../text/fold.js";
import { commitmentLexicon, levelsLexicon } from "../../text/lexicons.js";
import { placeNames } from "../../text/places.js";
import { weakCache } from "../../util/caches.js";
import {
  type Clause,
  COVERED,
  clausesOf,
  coverage,
  MIN_CONTENT,
  MOSTLY_COVERED,
  REWORDED_CLAUSE,
  SAME_CLAUSE,
  SPARE_COVERED,
} from "./clauses.js";
import { commitmentDelta, phraseChange } from "./commitment.js";
import { localNames, placesIn } from "./local.js";
import { type Quantity, quantitiesOf } from "./quantities.js";
import { sideOf } from "./word-diff.js";

/** What `classifyChange` may know about the child plan (see `classifyOptionsFor`). */
export interface ClassifyOptions {
  /** Place names of the child plan (see `placeNames`): 嘉兴 in 具有嘉兴特色 is local. */
  places?: readonly string[];
  /** The child's one-character level word (市, 区): only its own bodies are local (市政府). */
  levelWord?: string;
}

/** The child plan's place names and level word, for `classifyChange`. */
export function classifyOptionsFor(child: PlanDocument): ClassifyOptions {
  const levelWord = levelsLexicon().levelWords[child.level];
  return { places: placeNames(child.issuer), ...(levelWord ? { levelWord } : {}) };
}

/** One kind of change with what shows it (the words, quantities or clauses involved). */
export interface ChangeDetail {
  change: Change;
  evidence: string[];
  /**
   * weakened / strengthened: the child clause each evidence item is about, in the same order (the
   * clause as the child prints it, or the parent's when the child has none).
   */
  clauses?: string[];
}

interface Pairing {
  parent: Clause[];
  child: Clause[];
  pairs: [Clause, Clause][];
  dropped: Clause[];
  added: Clause[];
}

/**
 * What a rewording does, with evidence for each kind, in the order of `ChangeSchema`. `diff` is
 * the `wordDiff` of the two tasks' wordings (`wordingOf`); the tasks give their titles, whose
 * heading sentences are compared with each other and never count as dropped or added clauses.
 */
export function describeChanges(
  parent: Task,
  child: Task,
  diff: readonly DiffPart[],
  options: ClassifyOptions = {},
): ChangeDetail[] {
  const pairing = pairClauses(
    clausesOf(sideOf(diff, "-"), parent.source === "body" ? parent.title : null),
    clausesOf(sideOf(diff, "+"), child.source === "body" ? child.title : null),
  );
  const commitment = commitmentChanges(pairing);
  const found: Record<Change, string[]> = {
    weakened: commitment.weakened.map((x) => x.phrases),
    strengthened: commitment.strengthened.map((x) => x.phrases),
    narrowed: [
      ...keyActionsDropped(pairing, sideOf(diff, "+")),
      ...pairing.dropped.map((c) => c.display),
    ],
    widened: pairing.added
      .filter((c) => localNames(c.display, options).length === 0)
      .map((c) => c.display),
    quantity: quantityChanges(pairing),
    local: localChanges(pairing, diff, options),
  };
  return ChangeSchema.options
    .filter((change) => found[change].length > 0)
    .map((change) => {
      if (change !== "weakened" && change !== "strengthened")
        return { change, evidence: [...new Set(found[change])] };
      // Each phrase change with the clause it is about, once per pair of phrases and clause.
      const seen = new Set<string>();
      const kept = commitment[change].filter((x) => {
        const key = `${x.phrases}\u0000${x.clause}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      return {
        change,
        evidence: kept.map((x) => x.phrases),
        clauses: kept.map((x) => x.clause),
      };
    });
}

/**
 * Parent clauses holding a key action (data/lexicon/commitment.json `keyActions`: 试点, 出台,
 * 建立) that the child's wording no longer names anywhere: dropping a pilot or a regulation is a
 * narrowing even when the clause's other words recur (开展公共数据管理试点 → 规范公共数据管理),
 * unless the clause's commitment change already says so (建立 → 加强 is weakened).
 */
function keyActionsDropped({ parent, pairs }: Pairing, childText: string): string[] {
  const child = fold(childText);
  // A clause whose commitment already reads as weakened or strengthened is reported as such.
  const shifted = new Set(pairs.filter(([p, c]) => commitmentDelta(p, c) !== 0).map(([p]) => p));
  return parent
    .filter(
      (c) =>
        !shifted.has(c) &&
        commitmentLexicon().keyActions.some((w) => c.display.includes(w) && !child.includes(w)),
    )
    .map((c) => c.display);
}

/**
 * Classifies a rewording: weakened / strengthened (commitment words of aligned clauses, see
 * data/lexicon/commitment.json), narrowed (substantive parent clauses dropped), widened
 * (substantive clauses added), quantity (numeric targets changed), local (the child adds place
 * names or clauses about its own level). Differences in punctuation and level words only
 * (省级 → 市级, 我省 → 我区) yield no change.
 */
export function classifyChange(
  parent: Task,
  child: Task,
  diff: readonly DiffPart[],
  options: ClassifyOptions = {},
): Change[] {
  return describeChanges(parent, child, diff, options).map((d) => d.change);
}

/** Headings pair with headings; other clauses pair greedily by content, most similar first. */
function pairClauses(parent: Clause[], child: Clause[]): Pairing {
  const pairs: [Clause, Clause][] = [];
  const used = new Set<Clause>();
  const ph = parent.find((c) => c.heading);
  const ch = child.find((c) => c.heading);
  if (ph && ch) {
    pairs.push([ph, ch]);
    used.add(ph).add(ch);
  }
  // Pairs below both passes' thresholds are never taken: left out before sorting.
  const floor = Math.min(SAME_CLAUSE, REWORDED_CLAUSE);
  const candidates: { p: Clause; c: Clause; score: number }[] = [];
  for (const p of parent) {
    if (p.heading) continue;
    for (const c of child) {
      if (c.heading) continue;
      const score = dice(p.bigrams, c.bigrams);
      if (score >= floor) candidates.push({ p, c, score });
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.p.start - b.p.start || a.c.start - b.c.start);
  const loose: [Clause, Clause][] = [];
  const passes: [number, [Clause, Clause][]][] = [
    [SAME_CLAUSE, pairs],
    [REWORDED_CLAUSE, loose],
  ];
  for (const [threshold, list] of passes) {
    for (const { p, c, score } of candidates) {
      if (score < threshold || used.has(p) || used.has(c)) continue;
      list.push([p, c]);
      used.add(p).add(c);
    }
  }
  const partner = new Map<Clause, Clause>();
  for (const [p, c] of [...pairs, ...loose]) partner.set(p, c).set(c, p);
  return {
    parent,
    child,
    pairs,
    dropped: unaccounted(parent, child, partner),
    added: unaccounted(child, parent, partner),
  };
}

/**
 * Substantive unpaired clauses of `list` whose content the other side does not hold. Only the
 * other side's spare content counts: its unpaired clauses, and what a paired clause says beyond
 * its partner (强化事中事后监管 is not kept just because 事中…事后…监管 recur in another measure).
 */
function unaccounted(list: Clause[], other: Clause[], partner: Map<Clause, Clause>): Clause[] {
  const candidates = list.filter(
    (c) => !partner.has(c) && !c.heading && c.contentLength >= MIN_CONTENT,
  );
  // Usually every clause is paired: the other side's content is gathered only when needed.
  if (candidates.length === 0) return candidates;
  const beyond: number[] = [];
  for (const clause of other) {
    const mate = partner.get(clause)?.bigrams.codes ?? [];
    // Codes of the clause its partner lacks: a merge of the two ascending lists.
    let j = 0;
    for (const code of clause.bigrams.codes) {
      while (j < mate.length && (mate[j] as number) < code) j++;
      if (mate[j] !== code) beyond.push(code);
    }
  }
  const spare = codeSet(beyond);
  const all = allBigrams(other);
  return candidates.filter((c) => {
    const held = coverage(c, all);
    return held < COVERED || (held < MOSTLY_COVERED && coverage(c, spare) < SPARE_COVERED);
  });
}

/** The content bigrams of a text's clauses together (a parent's clause lists recur: kept). */
function allBigrams(clauses: Clause[]): Bigrams {
  let all = clauseSetBigrams.get(clauses);
  if (!all) {
    all = codeSet(clauses.flatMap((c) => c.bigrams.codes));
    clauseSetBigrams.set(clauses, all);
  }
  return all;
}

const clauseSetBigrams = weakCache<Clause[], Bigrams>("clauseSetBigrams");

/**
 * Numeric targets the child changed: parent quantities it no longer states, and quantities it
 * states instead, in clauses that carry parent content or when a parent target went missing (a
 * new measure with a number of its own is a widening, not a changed number).
 */
function quantityChanges({ parent, child, added }: Pairing): string[] {
  const before = parent.flatMap((c) => quantitiesOf(c));
  const gone = without(
    before,
    child.flatMap((c) => quantitiesOf(c, true)),
  );
  const stated = child.filter((c) => gone.length > 0 || !added.includes(c));
  const come = without(
    stated.flatMap((c) => quantitiesOf(c)),
    parent.flatMap((c) => quantitiesOf(c, true)),
  );
  if (gone.length + come.length === 0) return [];
  const side = (list: Quantity[]) =>
    list.length > 0 ? list.map((q) => q.display).join("、") : "—";
  return [`${side(gone)} → ${side(come)}`];
}

/** Multiset difference by key. */
function without(list: Quantity[], other: Quantity[]): Quantity[] {
  const left = other.map((q) => q.key);
  return list.filter((q) => {
    const at = left.indexOf(q.key);
    if (at < 0) return true;
    left.splice(at, 1);
    return false;
  });
}

interface PhraseShift {
  /** “parent phrase → child phrase”. */
  phrases: string;
  /** The child clause the shift is in. */
  clause: string;
}

/** Commitment shifts of paired clauses, as “parent phrase → child phrase”, with their clause. */
function commitmentChanges({ pairs }: Pairing): Record<"weakened" | "strengthened", PhraseShift[]> {
  const out = { weakened: [] as PhraseShift[], strengthened: [] as PhraseShift[] };
  for (const [p, c] of pairs) {
    const delta = commitmentDelta(p, c);
    if (delta !== 0)
      out[delta < 0 ? "weakened" : "strengthened"].push({
        phrases: phraseChange(p, c),
        clause: c.display.trim() || p.display.trim(),
      });
  }
  return out;
}

/** Places and local bodies named by added clauses, and place names new in the child's words. */
function localChanges(
  { parent, added }: Pairing,
  diff: readonly DiffPart[],
  options: ClassifyOptions,
): string[] {
  const parentText = parent.map((c) => c.display).join("");
  const named = added.flatMap((c) => localNames(c.display, options));
  const inserted = diff
    .filter((part) => part.op === "+")
    .flatMap((part) => placesIn(part.text, options.places ?? []))
    .filter((name) => !parentText.includes(name));
  return [...named, ...inserted];
}
