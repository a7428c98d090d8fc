/**
 * Word-level diff of two task texts and a classification of what the rewording does. Every
 * Chinese word the classification keys on lives in data/lexicon/commitment.json (verb strength,
 * quantities) or data/lexicon/levels.json (level words, place suffixes).
 */
import { z } from "zod";
import { levelRewrites } from "../align/lexicons.js";
import { normalizeForMatching, segmentBySentence } from "../align/tokenize.js";
import { fold } from "../ingest/fold.js";
import type { PlanDocument } from "../model/document.js";
import { type Change, ChangeSchema, type DiffPart } from "../model/finding.js";
import type { Task } from "../model/task.js";
import { levelsLexicon } from "../parse/lexicons.js";
import { stripResponsibility } from "../parse/responsibility.js";
import { type Bigrams, codeSet, containment, dice } from "../util/bigrams.js";
import { loadLexicon } from "../util/lexicon.js";
import { Memo } from "../util/memo.js";
import { piecesBetween } from "../util/pieces.js";
import { diffSequences } from "./myers.js";

const words = z.array(z.string().min(1));

const CommitmentSchema = z
  .object({
    tiers: z.object({ "1": words, "2": words, "3": words }),
    shifts: z.array(z.object({ from: words.min(1), to: words })),
    quantity: z.object({
      digits: z.record(z.string().length(1), z.number().int().nonnegative()),
      multipliers: z.record(z.string().length(1), z.number().int().positive()),
      units: words,
      percentPrefix: z.string().min(1),
      before: words,
      after: words,
      periods: words,
      ordinalPrefix: z.string().min(1),
    }),
  })
  .refine(
    (lex) => {
      const tiered = new Set([...lex.tiers[1], ...lex.tiers[2], ...lex.tiers[3]]);
      return lex.shifts.every((s) => [...s.from, ...s.to].every((w) => tiered.has(w)));
    },
    { message: "every word of a shift must have a tier" },
  );
/** Commitment strength tiers, strong-to-weak shifts and quantity patterns. */
export type CommitmentLexicon = z.infer<typeof CommitmentSchema>;

/** data/lexicon/commitment.json, validated. */
export const commitmentLexicon = (): CommitmentLexicon =>
  loadLexicon("commitment", CommitmentSchema);

// ---------------------------------------------------------------------------------------------
// Word diff

/** A jieba word: `text` as printed, `key` folded (full-width and half-width punctuation agree). */
export interface Token {
  text: string;
  key: string;
  /** Offset of the word in its text. */
  at: number;
}

function tokensOf(text: string): Token[] {
  const folded = fold(text);
  const cut = segmentBySentence(folded);
  // jieba returns pieces that concatenate to its input; fall back to characters if not.
  const pieces = cut.join("") === folded ? cut : Array.from(folded);
  let at = 0;
  return pieces.map((key) => {
    const token = { text: text.slice(at, at + key.length), key, at };
    at += key.length;
    return token;
  });
}

type Piece = { op: "=" | "+" | "-"; text: string };

/**
 * The word-level diff of two texts: jieba words (punctuation kept), same-op runs merged, and
 * one-character kept islands between two changes folded into the change, so the diff reads as
 * phrases rather than single characters. Level words are compared as printed (省级 → 市级 shows).
 */
export function wordDiff(parentText: string, childText: string): DiffPart[] {
  return diffWords(tokensOf(parentText), tokensOf(childText));
}

/**
 * `wordDiff` of two tasks' wordings (`wordingOf`), each task's words remembered with the task: a
 * parent's tasks are the same objects for every child compared with it.
 */
export function taskWordDiff(parent: Task, child: Task): DiffPart[] {
  return diffWords(wordsOfTask(parent), wordsOfTask(child));
}

const taskWords = new WeakMap<Task, Token[]>();

function wordsOfTask(task: Task): Token[] {
  let words = taskWords.get(task);
  if (!words) {
    words = tokensOf(wordingOf(task));
    taskWords.set(task, words);
  }
  return words;
}

function diffWords(parentWords: Token[], childWords: Token[]): DiffPart[] {
  const runs = diffSequences(parentWords, childWords, (t) => t.key);
  const pieces: Piece[] = runs.map((r) => ({
    op: r.op,
    text: r.items.map((t) => t.text).join(""),
  }));
  return toParts(absorbIslands(splitCommon(groups(pieces))));
}

type Group = { kind: "kept"; text: string } | { kind: "changed"; removed: string; added: string };

function groups(pieces: Piece[]): Group[] {
  const out: Group[] = [];
  for (const piece of pieces) {
    if (piece.text === "") continue;
    const last = out[out.length - 1];
    if (piece.op === "=") {
      if (last?.kind === "kept") last.text += piece.text;
      else out.push({ kind: "kept", text: piece.text });
    } else {
      const group =
        last?.kind === "changed" ? last : { kind: "changed" as const, removed: "", added: "" };
      if (group !== last) out.push(group);
      if (piece.op === "-") group.removed += piece.text;
      else group.added += piece.text;
    }
  }
  return out;
}

/**
 * Keeps what both sides of a replacement start or end with, when that is two characters or more
 * and leaves no single character behind: jieba reads 全面推广 as one word, but 全面 is kept.
 */
function splitCommon(input: Group[]): Group[] {
  const out: Group[] = [];
  const keep = (text: string) => {
    const last = out[out.length - 1];
    if (last?.kind === "kept") last.text += text;
    else if (text) out.push({ kind: "kept", text });
  };
  for (const group of input) {
    if (group.kind === "kept") {
      keep(group.text);
      continue;
    }
    const head = commonLength(group.removed, group.added, (s, n) => s.slice(0, n));
    const removed = group.removed.slice(head);
    const added = group.added.slice(head);
    const tail = commonLength(removed, added, (s, n) => s.slice(s.length - n));
    keep(group.removed.slice(0, head));
    if (removed.length > tail || added.length > tail) {
      out.push({
        kind: "changed",
        removed: removed.slice(0, removed.length - tail),
        added: added.slice(0, added.length - tail),
      });
    }
    keep(removed.slice(removed.length - tail));
  }
  return out;
}

/** Length of the common edge of two texts (`edge` cuts n characters from the side looked at). */
function commonLength(a: string, b: string, edge: (s: string, n: number) => string): number {
  let n = 0;
  while (n < Math.min(a.length, b.length) && edge(a, n + 1) === edge(b, n + 1)) n++;
  while (n > 0 && (a.length - n === 1 || b.length - n === 1)) n--;
  return n >= 2 ? n : 0;
}

/** Folds a kept run of one character between two changes into both sides of the change. */
function absorbIslands(input: Group[]): Group[] {
  const out: Group[] = [];
  for (let i = 0; i < input.length; i++) {
    const group = input[i] as Group;
    const left = out[out.length - 1];
    const right = input[i + 1];
    if (
      group.kind === "kept" &&
      Array.from(group.text).length <= 1 &&
      left?.kind === "changed" &&
      right?.kind === "changed" &&
      (left.removed || right.removed) &&
      (left.added || right.added)
    ) {
      left.removed += group.text + right.removed;
      left.added += group.text + right.added;
      i++;
      continue;
    }
    out.push({ ...group });
  }
  return out;
}

function toParts(input: Group[]): DiffPart[] {
  return input.flatMap((g): DiffPart[] => {
    if (g.kind === "kept") return [{ op: "=", text: g.text }];
    const parts: DiffPart[] = [];
    if (g.removed) parts.push({ op: "-", text: g.removed });
    if (g.added) parts.push({ op: "+", text: g.added });
    return parts;
  });
}

/**
 * The text of one side of a diff: the child's ("+") as printed, the parent's ("-") up to
 * character width (kept text is quoted as the child prints it: ， where the parent has ,).
 */
export function sideOf(diff: readonly DiffPart[], side: "-" | "+"): string {
  return diff
    .filter((p) => p.op === "=" || p.op === side)
    .map((p) => p.text)
    .join("");
}

/** What a task says, without who does it: the text a rewording is judged on. */
export function wordingOf(task: Task): string {
  let wording = wordings.get(task);
  if (wording === undefined) {
    wording = (task.source === "body" ? stripResponsibility(task.text) : task.text).trim();
    wordings.set(task, wording);
  }
  return wording;
}

/** Wordings by task: a parent's tasks are the same objects for every child compared with it. */
const wordings = new WeakMap<Task, string>();

// ---------------------------------------------------------------------------------------------
// Clauses

/** Smallest clause worth reporting as dropped or added (characters of content). */
const MIN_CONTENT = 4;
/** Dice similarity of content bigrams above which two clauses say the same thing. */
const SAME_CLAUSE = 0.5;
/** Share of a clause's content bigrams the other text must hold for the clause to be kept… */
const COVERED = 0.5;
/** …unless it holds less than this and nearly all of it is accounted for by other clauses. */
const MOSTLY_COVERED = 0.75;
const SPARE_COVERED = 0.25;
/** A second pass pairs clauses reworded more heavily, among those left unpaired. */
const REWORDED_CLAUSE = 0.3;

interface Phrase {
  text: string;
  words: string[];
}

interface Clause {
  /** The clause as printed. */
  display: string;
  /** Offset in the text, for a stable order of equally similar pairs. */
  start: number;
  /** Part of the body task's heading sentence (its title). */
  heading: boolean;
  /** Content bigrams as a set: distinct codes, each counted once (see `bigramsOf`). */
  bigrams: Bigrams;
  contentLength: number;
  phrases: Phrase[];
}

const CLAUSE_END = /[,。;:!?\n]/u;

const clauses = new Memo<string, { title: string | null; clauses: Clause[] }>(1_000);

/**
 * The clauses of a wording, remembered (bounded): the parent's wordings come back for every
 * child compared with it. Clauses are never modified once made. Keyed by the text alone (a text
 * comes with one title; under another, its clauses are made afresh).
 */
function clausesOf(text: string, title: string | null): Clause[] {
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
    bigrams: bigramsOf(content),
    contentLength: Array.from(content.replace(NOT_HAN, "")).length,
    phrases,
  };
}

const NOT_CONTENT = /[^\p{Script=Han}\p{L}\p{N}]/gu;
/** Dates and numbers are not content: a clause of only 2022年底前 is not a measure. */
const NOT_HAN = /[^\p{Script=Han}]/gu;
/** Stands in for masked text: neither content nor a numeral (□). */
const MASK = "\u25A1";

/** Content of a clause for matching: commitment words out, level words to one form. */
function contentKey(tokens: Token[]): string {
  const kept = tokens.map((t) => t.key.slice(0, t.key.length - commitmentOf(t.key).length));
  let s = normalizeForMatching(kept.join(""));
  for (const ch of levelChars()) s = s.replaceAll(ch, MASK);
  return s;
}

let cachedLevelChars: string[] | undefined;
function levelChars(): string[] {
  const lex = levelsLexicon();
  cachedLevelChars ??= [...new Set([...Object.values(lex.levelWords), ...lex.unitPrefixes])];
  return cachedLevelChars;
}

/**
 * The content bigrams of a clause (code points; a run of one character counts as itself), each
 * as one number: `first × GRAM + second + 1`, or `code × GRAM` for a lone character. Kept as
 * distinct codes in ascending order, so that sets are compared by merging.
 */
function bigramsOf(content: string): Bigrams {
  const out: number[] = [];
  for (const run of content.split(NOT_CONTENT)) {
    let previous = -1;
    let length = 0;
    for (let i = 0; i < run.length; i++) {
      const code = run.codePointAt(i) as number;
      if (code > 0xffff) i++;
      if (previous >= 0) out.push(previous * GRAM + code + 1);
      previous = code;
      length++;
    }
    if (length === 1) out.push(previous * GRAM);
  }
  return codeSet(out);
}

/** Room for every code point plus one: lone characters and bigrams never share a code. */
const GRAM = 0x110001;

function coverage(clause: Clause, other: Bigrams): number {
  return clause.bigrams.size === 0 ? 1 : containment(clause.bigrams, other);
}

// ---------------------------------------------------------------------------------------------
// Commitment strength

let cachedTiers: Map<string, number> | undefined;
function tiers(): Map<string, number> {
  if (cachedTiers) return cachedTiers;
  const lex = commitmentLexicon();
  const map = new Map<string, number>();
  for (const tier of [1, 2, 3] as const) for (const w of lex.tiers[tier]) map.set(w, tier);
  cachedTiers = map;
  return map;
}

const wordsCache = new Map<string, string[] | null>();

/** The fewest lexicon words that exactly make up `text` (建立健全 → 建立, 健全), or null. */
function commitmentWords(text: string): string[] | null {
  let found = wordsCache.get(text);
  if (found === undefined) {
    found = cover(text);
    wordsCache.set(text, found);
  }
  return found;
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
function phrasesOf(tokens: Token[]): Phrase[] {
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
function commitmentOf(word: string): string {
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
function commitmentDelta(parent: Clause, child: Clause): number {
  const weaker = shifted(parent, child);
  if (weaker !== shifted(child, parent)) return weaker ? -1 : 1;
  const p = strengthOf(parent);
  const c = strengthOf(child);
  return p === 0 || c === 0 ? 0 : Math.sign(c - p);
}

function phraseChange(parent: Clause, child: Clause): string {
  const only = (a: Clause, b: Clause) =>
    a.phrases.map((p) => p.text).filter((t) => !b.phrases.some((q) => q.text === t));
  const side = (list: string[]) => (list.length > 0 ? list.join("、") : "—");
  return `${side(only(parent, child))} → ${side(only(child, parent))}`;
}

// ---------------------------------------------------------------------------------------------
// Quantities

interface Quantity {
  key: string;
  display: string;
}

let cachedQuantityPattern: RegExp | undefined;
/** Any numeral character: a text without one holds no quantity (most clauses). */
let cachedNumeral: RegExp | undefined;

/** A numeral character (a digit, or a numeral or multiplier of the lexicon). */
function numeralPattern(): RegExp {
  quantityPattern();
  return cachedNumeral as RegExp;
}

function quantityPattern(): RegExp {
  if (cachedQuantityPattern) return cachedQuantityPattern;
  const q = commitmentLexicon().quantity;
  const chars = escapeRegExp([...Object.keys(q.digits), ...Object.keys(q.multipliers)].join(""));
  cachedNumeral = new RegExp(`[\\d${chars}]`);
  const numeral = `(?:\\d+(?:\\.\\d+)?|[${chars}]+)`;
  const gap = `[^${chars}\\d,。;:]{0,3}?`;
  cachedQuantityPattern = new RegExp(
    `(?:(${alternatives(q.before)})${gap})?(?:${escapeRegExp(q.percentPrefix)}(${numeral})|(${numeral})(${alternatives(q.units)}))(${alternatives(q.after)})?`,
    "gud",
  );
  return cachedQuantityPattern;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");
const alternatives = (list: string[]): string =>
  [...list]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map(escapeRegExp)
    .join("|");

/**
 * Numbers with a unit (10个左右, 至少一个, 100%) on word bounds. Numbers in quotes and titles
 * (“四个意识”, 《…》) name things and are skipped, unless `quoted` asks for them too (to see
 * that a target is still named: 四个平台 → “四个平台”).
 */
const quantityCache = new WeakMap<
  Clause,
  { folded: string | null; plain?: Quantity[]; quoted?: Quantity[] }
>();

function quantitiesOf(clause: Clause, quoted = false): Quantity[] {
  let cached = quantityCache.get(clause);
  if (!cached) {
    // Every quantity has a numeral: without one, there is nothing to segment and match.
    const folded = fold(clause.display);
    cached = { folded: numeralPattern().test(folded) ? folded : null };
    quantityCache.set(clause, cached);
  }
  if (cached.folded === null) return [];
  if (quoted) {
    cached.quoted ??= findQuantities(clause, cached.folded, true);
    return cached.quoted;
  }
  cached.plain ??= findQuantities(clause, cached.folded, false);
  return cached.plain;
}

/** The quantities of a clause whose folded display (`folded`) holds a numeral. */
function findQuantities(clause: Clause, folded: string, quoted: boolean): Quantity[] {
  const pattern = quantityPattern();
  const text = quoted ? folded : unquoted(folded);
  const bounds = new Set(tokensOf(text).map((t) => t.at));
  bounds.add(text.length);
  const out: Quantity[] = [];
  for (const m of text.matchAll(pattern)) {
    const [, before = "", percent, number, unit = "%", after = ""] = m;
    const numeral = m.indices?.[2] ?? m.indices?.[3];
    const [start, end] = [m.index, m.index + m[0].length];
    if (!numeral || !bounds.has(percent ? start : numeral[0])) continue;
    if (!bounds.has(end) || text.slice(0, numeral[0]).endsWith(ordinalPrefix())) continue;
    const period = periodBefore(text.slice(0, start));
    out.push({
      key: `${period}|${before}|${numeralValue(percent ?? number ?? "")}|${unit}|${after}`,
      display: `${period}${clause.display.slice(start, end)}`,
    });
  }
  return out;
}

const ordinalPrefix = (): string => commitmentLexicon().quantity.ordinalPrefix;

/** Blanks quoted names and titles (“四个意识”, 《…条例》): their numbers are not targets. */
function unquoted(text: string): string {
  return text.replace(/“[^”]*”|"[^"]*"|《[^》]*》/gu, (m) => MASK.repeat(m.length));
}

function periodBefore(text: string): string {
  const { periods } = commitmentLexicon().quantity;
  let best = { at: -1, period: "" };
  for (const p of periods) {
    const at = text.lastIndexOf(p);
    if (at < 0) continue;
    if (at > best.at || (at === best.at && p.length > best.period.length)) best = { at, period: p };
  }
  return best.period;
}

/** 10 → 10, 十九 → 19, 一百零五 → 105, 两 → 2. */
function numeralValue(numeral: string): number {
  if (/^\d/.test(numeral)) return Number(numeral);
  const { digits, multipliers } = commitmentLexicon().quantity;
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const ch of numeral) {
    const d = digits[ch];
    if (d !== undefined) {
      digit = d;
      continue;
    }
    const m = multipliers[ch] ?? 1;
    if (m >= 10000) {
      total += (section + digit) * m;
      section = 0;
    } else section += (digit || 1) * m;
    digit = 0;
  }
  return total + section + digit;
}

// ---------------------------------------------------------------------------------------------
// Local specifics

/**
 * Place names of a plan's issuer, with and without their level suffix:
 * 绍兴市越城区人民政府 → 绍兴市, 绍兴, 越城区, 越城.
 */
export function placeNames(issuer: string | null): string[] {
  if (!issuer) return [];
  const { organSuffixes, suffixLevels } = levelsLexicon();
  let place = issuer;
  for (const suffix of organSuffixes) {
    const at = place.indexOf(suffix);
    if (at > 0) place = place.slice(0, at);
  }
  const suffixes = suffixLevels.map(([s]) => s).sort((a, b) => b.length - a.length);
  const out: string[] = [];
  let rest = place;
  // A place name has two characters or more before its suffix (绍兴市, not 市).
  for (let i = 2; i < rest.length; i++) {
    const suffix = suffixes.find((s) => rest.startsWith(s, i));
    if (!suffix) continue;
    out.push(rest.slice(0, i + suffix.length), rest.slice(0, i));
    rest = rest.slice(i + suffix.length);
    i = 1;
  }
  return out;
}

/**
 * Place names in a text: the known ones, and a word that jieba leaves before a level suffix
 * which in turn runs on into a word (南湖|区|相对). A commitment word there is a verb with a
 * level after it (完善|市|公共), and a list after it is a list of levels (构建|市|、).
 */
function placesIn(text: string, known: readonly string[]): string[] {
  const found = new Set(known.filter((p) => text.includes(p)));
  const suffixes = placeSuffixes();
  const folded = fold(text);
  // A stem is found before a suffix word: a text without any suffix needs no segmenting.
  if (![...suffixes].some((suffix) => folded.includes(suffix))) return [...found].sort();
  const tokens = tokensOf(folded);
  tokens.forEach((stem, i) => {
    const suffix = tokens[i + 1];
    const next = tokens[i + 2];
    if (!suffix || !next || !suffixes.has(suffix.key) || !HAN.test(next.key)) return;
    if (isPlaceStem(stem.key)) found.add(stem.key + suffix.key);
  });
  return [...found].sort();
}

const HAN = /^\p{Script=Han}/u;

let cachedSuffixes: Set<string> | undefined;
/** Level suffixes of place names (市, 区, 街道…), from data/lexicon/levels.json. */
function placeSuffixes(): Set<string> {
  cachedSuffixes ??= new Set(levelsLexicon().suffixLevels.map(([s]) => s));
  return cachedSuffixes;
}

function isPlaceStem(word: string): boolean {
  const chars = Array.from(word);
  return (
    chars.length >= 2 &&
    chars.every((ch) => HAN.test(ch) && !levelChars().includes(ch)) &&
    commitmentWords(word) === null
  );
}

/**
 * 我区, 全市, 区政府: a level rewrite (data/lexicon/levels.json) whose match names the child's
 * level (any level when it is unknown) names one of the child's own bodies.
 */
function localBodiesIn(text: string, levelWord: string | undefined): string[] {
  const folded = fold(text);
  const out = new Set<string>();
  for (const [re] of levelRewrites()) {
    for (const m of folded.match(re) ?? []) {
      if (levelWord ? m.includes(levelWord) : levelChars().some((ch) => m.includes(ch))) out.add(m);
    }
  }
  return [...out].sort();
}

function localNames(text: string, options: ClassifyOptions): string[] {
  return [...placesIn(text, options.places ?? []), ...localBodiesIn(text, options.levelWord)];
}

// ---------------------------------------------------------------------------------------------
// Classification

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
  const found: Record<Change, string[]> = {
    ...commitmentChanges(pairing),
    narrowed: pairing.dropped.map((c) => c.display),
    widened: pairing.added
      .filter((c) => localNames(c.display, options).length === 0)
      .map((c) => c.display),
    quantity: quantityChanges(pairing),
    local: localChanges(pairing, diff, options),
  };
  return ChangeSchema.options
    .filter((change) => found[change].length > 0)
    .map((change) => ({ change, evidence: [...new Set(found[change])] }));
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

const clauseSetBigrams = new WeakMap<Clause[], Bigrams>();

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

/** Commitment shifts of paired clauses, as “parent phrase → child phrase”. */
function commitmentChanges({ pairs }: Pairing): Record<"weakened" | "strengthened", string[]> {
  const out = { weakened: [] as string[], strengthened: [] as string[] };
  for (const [p, c] of pairs) {
    const delta = commitmentDelta(p, c);
    if (delta !== 0) out[delta < 0 ? "weakened" : "strengthened"].push(phraseChange(p, c));
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
