/**
 * The clauses of a wording (between , 。 ; : ! ? and line ends) with their words, commitment
 * phrases and content bigrams, and how much of a clause another text covers.
 */
import { type Bigrams, containment, contentBigrams } from "../../text/bigrams.js";
import { fold } from "../../text/fold.js";
import { levelChars } from "../../text/lexicons.js";
import { normalizeForMatching, type Token, tokensOf } from "../../text/segment.js";
import { memo } from "../../util/caches.js";
import { piecesBetween } from "../../util/pieces.js";
import { commitmentOf, phrasesOf } from "./commitment.js";

/** Smallest clause worth reporting as dropped or added (characters of content). */
export const MIN_CONTENT = 4;
/** Dice similarity of content bigrams above which two clauses say the same thing. */
export const SAME_CLAUSE = 0.5;
/** Share of a clause's content bigrams the other text must hold for the clause to be kept… */
export const COVERED = 0.5;
/** …unless it holds less than this and nearly all of it is accounted for by other clauses. */
export const MOSTLY_COVERED = 0.75;
export const SPARE_COVERED = 0.25;
/** A second pass pairs clauses reworded more heavily, among those left unpaired. */
export const REWORDED_CLAUSE = 0.3;

export interface Phrase {
  text: string;
  words: string[];
}

export interface Clause {
  /** The clause as printed. */
  display: string;
  /** Offset in the text, for a stable order of equally similar pairs. */
  start: number;
  /** Part of the body task's heading sentence (its title). */
  heading: boolean;
  /** Content bigrams as a set: distinct codes, each counted once (see `contentBigrams`). */
  bigrams: Bigrams;
  contentLength: number;
  phrases: Phrase[];
}

const CLAUSE_END = /[,。;:!?\n]/u;

const clauses = memo<string, { title: string | null; clauses: Clause[] }>("clauses");

/**
 * The clauses of a wording, remembered (bounded): the parent's wordings come back for every
 * child compared with it. Clauses are never modified once made. Keyed by the text alone (a text
 * comes with one title; under another, its clauses are made afresh).
 */
export function clausesOf(text: string, title: string | null): Clause[] {
  const found = clauses.get(text, () => ({ title, clauses: splitClauses(text, title) }));
  return found.title === title ? found.clauses : splitClauses(text, title);
}

function splitClauses(text: string, title: string | null): Clause[] {
  const headingEnd = headingEndOf(fold(text), title);
  return clauseWords(text).map((c) => clause(c.display, c.start, c.start < headingEnd, c.words));
}

/** One clause of a text as printed, where it starts (before trimming), and its words. */
export interface ClauseWords {
  display: string;
  start: number;
  words: Token[];
}

/**
 * The clauses of a text (between , 。 ; : ! ? and line ends, trimmed) with their jieba words,
 * taken from the words of the whole text: jieba cuts the runs of letters and digits between
 * these marks each on its own, so a clause's words are the text's words inside it (the tests
 * check this against segmenting each clause). A clause whose edges fall inside a word is
 * segmented on its own.
 */
export function clauseWords(text: string): ClauseWords[] {
  const words = tokensOf(text);
  const out: ClauseWords[] = [];
  let w = 0;
  // Marks and white space are found in the folded text (the same length; fold keeps white space).
  for (const { start, from, to } of piecesBetween(fold(text), CLAUSE_END)) {
    if (to === from) continue;
    const display = text.slice(from, to);
    while (w < words.length && (words[w] as Token).at < from) w++;
    let k = w;
    while (k < words.length && (words[k] as Token).at < to) k++;
    const inside = words.slice(w, k);
    const last = inside[inside.length - 1];
    const fits = inside[0]?.at === from && last !== undefined && last.at + last.key.length === to;
    out.push({
      display,
      start,
      words: fits ? inside.map((t) => ({ ...t, at: t.at - from })) : tokensOf(display),
    });
  }
  return out;
}

/** Where the heading sentence ends, when the text opens with the task's title; else 0. */
function headingEndOf(folded: string, title: string | null): number {
  if (!title) return 0;
  const end = folded.indexOf("。");
  return end > 0 && folded.slice(0, end).trim() === fold(title).trim() ? end : 0;
}

function clause(display: string, start: number, heading: boolean, tokens: Token[]): Clause {
  const phrases = phrasesOf(tokens);
  const content = contentKey(tokens);
  return {
    display,
    start,
    heading,
    bigrams: contentBigrams(content),
    contentLength: Array.from(content.replace(NOT_HAN, "")).length,
    phrases,
  };
}

/** Dates and numbers are not content: a clause of only 2022年底前 is not a measure. */
const NOT_HAN = /[^\p{Script=Han}]/gu;
/** Stands in for masked text: neither content nor a numeral (□). */
export const MASK = "\u25A1";

/** Content of a clause for matching: commitment words out, level words to one form. */
function contentKey(tokens: Token[]): string {
  const kept = tokens.map((t) => t.key.slice(0, t.key.length - commitmentOf(t.key).length));
  let s = normalizeForMatching(kept.join(""));
  for (const ch of levelChars()) s = s.replaceAll(ch, MASK);
  return s;
}

export function coverage(clause: Clause, other: Bigrams): number {
  return clause.bigrams.size === 0 ? 1 : containment(clause.bigrams, other);
}
