/**
 * Commitment strength: the commitment words of a text (tiers of data/lexicon/commitment.json),
 * read as phrases, and whether a child clause commits less or more than its parent clause.
 */
import { commitmentLexicon } from "../../text/lexicons.js";
import type { Token } from "../../text/segment.js";
import { memo } from "../../util/caches.js";
import type { Clause, Phrase } from "./clauses.js";

let cachedTiers: Map<string, number> | undefined;
function tiers(): Map<string, number> {
  if (cachedTiers) return cachedTiers;
  const lex = commitmentLexicon();
  const map = new Map<string, number>();
  for (const tier of [1, 2, 3] as const) for (const w of lex.tiers[tier]) map.set(w, tier);
  cachedTiers = map;
  return map;
}

const wordsCache = memo<string, string[] | null>("commitmentWords");

/** The fewest lexicon words that exactly make up `text` (建立健全 → 建立, 健全), or null. */
export function commitmentWords(text: string): string[] | null {
  return wordsCache.get(text, cover);
}

function cover(text: string): string[] | null {
  const tier = tiers();
  const best: (string[] | null)[] = [[]];
  for (let end = 1; end <= text.length; end++) {
    best[end] = null;
    for (let start = 0; start < end; start++) {
      const prefix = best[start];
      const word = text.slice(start, end);
      if (!prefix || !tier.has(word)) continue;
      const candidate = [...prefix, word];
      if (!best[end] || candidate.length < (best[end]?.length ?? 0)) best[end] = candidate;
    }
  }
  const out = best[text.length] ?? null;
  return out && out.length > 0 ? out : null;
}

/** Runs of adjacent commitment words (探索建立, 确保完成, 全面推行), re-read as one phrase. */
export function phrasesOf(tokens: Token[]): Phrase[] {
  const out: Phrase[] = [];
  let run = "";
  const flush = () => {
    const found = run ? commitmentWords(run) : null;
    if (found) out.push({ text: run, words: found });
    run = "";
  };
  for (const token of tokens) {
    const verb = commitmentOf(token.key);
    if (verb !== token.key) flush();
    run += verb;
  }
  flush();
  return out;
}

/**
 * The commitment part of a jieba word: all of it (建立健全), or a commitment word of two or more
 * characters after an adverb of two or more that jieba glued to it (认真执行 → 执行); else "".
 */
export function commitmentOf(word: string): string {
  if (commitmentWords(word)) return word;
  for (let cut = 2; cut + 2 <= word.length; cut++) {
    if (commitmentWords(word.slice(cut))) return word.slice(cut);
  }
  return "";
}

/** A hedge (探索, 力争, 研究…) caps the phrase at tier 1; otherwise its strongest word counts. */
function phraseStrength(phrase: Phrase): number {
  const tier = phrase.words.map((w) => tiers().get(w) ?? 0);
  return tier.includes(1) ? 1 : Math.max(0, ...tier);
}

const strengthOf = (c: Clause): number => Math.max(0, ...c.phrases.map(phraseStrength));
const says = (c: Clause, word: string): boolean => c.phrases.some((p) => p.text.includes(word));

/** A listed shift from `a`'s wording to `b`'s: a strong word gone, a weak one (if any) come. */
function shifted(a: Clause, b: Clause): boolean {
  return commitmentLexicon().shifts.some(
    (s) =>
      s.from.some((w) => says(a, w) && !says(b, w)) &&
      (s.to.length === 0 || s.to.some((w) => says(b, w) && !says(a, w))),
  );
}

/** -1 when the child clause commits less, 1 when more, 0 when alike or not comparable. */
export function commitmentDelta(parent: Clause, child: Clause): number {
  const weaker = shifted(parent, child);
  if (weaker !== shifted(child, parent)) return weaker ? -1 : 1;
  const p = strengthOf(parent);
  const c = strengthOf(child);
  return p === 0 || c === 0 ? 0 : Math.sign(c - p);
}

export function phraseChange(parent: Clause, child: Clause): string {
  const only = (a: Clause, b: Clause) =>
    a.phrases.map((p) => p.text).filter((t) => !b.phrases.some((q) => q.text === t));
  const side = (list: string[]) => (list.length > 0 ? list.join("、") : "—");
  return `${side(only(parent, child))} → ${side(only(child, parent))}`;
}
