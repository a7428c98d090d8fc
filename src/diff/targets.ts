/**
 * Numeric and dated targets of a task (到2022年…不少于1000家企业, 10个左右, 100%): the clause
 * that states each, its year, its numbers with their units, and its content for pairing a parent
 * target with the child's. Words: data/lexicon/targets.json.
 */
import type { Task } from "../model/task.js";
import { type Bigrams, containment, contentBigrams, dice } from "../text/bigrams.js";
import { fold } from "../text/fold.js";
import { commitmentLexicon, targetsLexicon } from "../text/lexicons.js";
import { numeralValue } from "../text/numerals.js";
import { escapeRegExp } from "../text/regexp.js";
import { normalizeForMatching } from "../text/segment.js";
import { splitTopLevel } from "../text/units.js";
import { weakCache } from "../util/caches.js";
import { wordingOf } from "./reword/word-diff.js";

export type Bound = "atLeast" | "atMost" | "about" | "exact";

export interface TargetQuantity {
  /** The number with its multiplier applied (2万次 → 20000). */
  value: number;
  unit: string;
  bound: Bound;
  /** As printed: 不少于1000家. */
  display: string;
}

export interface Target {
  /** The clause that states the target, as printed (from its year marker, else its comma clause). */
  text: string;
  /** 到2022年 → 2022; null when the target names no year. */
  year: number | null;
  quantities: TargetQuantity[];
  /** A dated target without a number (到2022年，打造一批…). */
  indefinite: boolean;
  /** Content bigrams without numbers and years, for pairing targets. */
  content: Bigrams;
}

const SENTENCE = /[。；;！？!?\n]/u;

interface Patterns {
  year: RegExp;
  quantity: RegExp;
  /** A Chinese numeral after a bound word (至少完成一个, 不少于十家): alone, 一个 is no target. */
  spelled: RegExp;
}

let cached: Patterns | undefined;
function patterns(): Patterns {
  if (cached) return cached;
  const lex = targetsLexicon();
  const alt = (list: readonly string[]) =>
    [...list]
      .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
      .map(escapeRegExp)
      .join("|");
  const before = alt([...lex.atLeast, ...lex.atMost, ...lex.about]);
  const after = alt([...lex.atLeast, ...lex.atMost, ...lex.about]);
  cached = {
    year: new RegExp(`(?:${alt(lex.yearMarkers)})(\\d{4})(?:${alt(lex.yearEndings)})`, "u"),
    quantity: new RegExp(
      `(?:(${before}))?(\\d+(?:\\.\\d+)?)(${alt(Object.keys(lex.multipliers))})?(${alt(lex.units)})(${after})?`,
      "gu",
    ),
    spelled: new RegExp(
      `(${alt(lex.atLeast)}|${alt(lex.atMost)}|${alt(lex.about)})[^\\d,，。;；:：、]{0,3}?([${escapeRegExp(numeralChars())}]+)(${alt(lex.units)})`,
      "gu",
    ),
  };
  return cached;
}

function boundOf(word: string | undefined): Bound {
  if (!word) return "exact";
  const lex = targetsLexicon();
  if (lex.atLeast.includes(word)) return "atLeast";
  if (lex.atMost.includes(word)) return "atMost";
  return lex.about.includes(word) ? "about" : "exact";
}

/** Quoted names and titles (“四个平台”, 《…2018》) hold no targets: blanked, same length. */
function unquoted(text: string): string {
  return text.replace(/“[^”]*”|"[^"]*"|《[^》]*》|\([^)]*\)/gu, (m) => " ".repeat(m.length));
}

/** Chinese numeral characters (commitment.json `quantity.digits` and `multipliers`). */
function numeralChars(): string {
  const q = commitmentLexicon().quantity;
  return [...Object.keys(q.digits), ...Object.keys(q.multipliers)].join("");
}

function quantitiesIn(text: string): TargetQuantity[] {
  const { multipliers } = targetsLexicon();
  const out: TargetQuantity[] = [];
  for (const m of unquoted(fold(text)).matchAll(patterns().spelled)) {
    const [all, bound, numeral = "", unit = ""] = m;
    const start = m.index ?? 0;
    out.push({
      value: numeralValue(numeral),
      unit,
      bound: boundOf(bound),
      display: text.slice(start, start + all.length),
    });
  }
  for (const m of unquoted(fold(text)).matchAll(patterns().quantity)) {
    const [all, pre, number, multiplier, unit = "", post] = m;
    // A bare 元 needs a multiplier (万元, 亿元): 1元 is a price, not a target.
    if (unit === "元" && !multiplier) continue;
    const start = m.index ?? 0;
    // A digit run inside a longer one (GB/T 36073) or a year (2022年) is no quantity.
    if (start > 0 && /[\d.]/.test(text[start - 1] ?? "")) continue;
    out.push({
      value: Number(number) * (multiplier ? (multipliers[multiplier] ?? 1) : 1),
      unit,
      bound: boundOf(pre ?? post),
      display: text.slice(start, start + all.length),
    });
  }
  return out;
}

const targetsOfTask = weakCache<Task, Target[]>("targets");

/** The targets of a task's wording (without its responsibility bracket), in order. */
export function targetsOf(task: Task): Target[] {
  let found = targetsOfTask.get(task);
  if (!found) {
    found = wordingOf(task)
      .split(SENTENCE)
      .flatMap((sentence) => targetsOfSentence(sentence.trim()));
    targetsOfTask.set(task, found);
  }
  return found;
}

/** Clause marks of an undated sentence (outside brackets): each clause with a number is a target. */
const CLAUSE_MARKS = ",，";

/**
 * The targets of one sentence: from its target year to its end (到2022年，…不少于1000家…), or,
 * without a year, each comma clause that holds a number (每年确定10个左右重点课题).
 */
function targetsOfSentence(sentence: string): Target[] {
  if (sentence === "") return [];
  if (patterns().year.test(fold(sentence))) {
    const target = targetOfClause(sentence);
    return target ? [target] : [];
  }
  return splitTopLevel(sentence, CLAUSE_MARKS).flatMap((clause) => targetOfClause(clause) ?? []);
}

function targetOfClause(sentence: string): Target | null {
  if (sentence === "") return null;
  const folded = fold(sentence);
  const year = patterns().year.exec(folded);
  const text = year ? sentence.slice(year.index).trim() : sentence;
  const quantities = quantitiesIn(text);
  const indefinite =
    year !== null &&
    quantities.length === 0 &&
    targetsLexicon().indefinite.some((w) => text.includes(w));
  if (quantities.length === 0 && !year) return null;
  const content = contentBigrams(
    normalizeForMatching(text.slice(year ? year[0].length : 0)).replace(/[\d.]/g, " "),
  );
  return { text, year: year ? Number(year[1]) : null, quantities, indefinite, content };
}

/** Share of a target's content a task's wording must hold for the task to state it too. */
export const HELD = 0.8;

const taskContent = weakCache<Task, Bigrams>("targetTaskContent");

/**
 * Whether a task's wording states a target in words of its own (2022 年全面实现… where the child
 * writes 到2022年全面实现…): its content is held and its year and numbers are printed there.
 */
export function statesTarget(task: Task, target: Target): boolean {
  let content = taskContent.get(task);
  if (!content) {
    content = contentBigrams(normalizeForMatching(wordingOf(task)).replace(/[\d.]/g, " "));
    taskContent.set(task, content);
  }
  const text = fold(wordingOf(task)).replace(/\s/g, "");
  const numbers = [
    ...(target.year !== null ? [String(target.year)] : []),
    ...target.quantities.flatMap((q) => fold(q.display).match(/\d+(?:\.\d+)?/g) ?? []),
  ];
  return containment(target.content, content) >= HELD && numbers.every((n) => text.includes(n));
}

/** How alike two targets' subjects are (Dice of their content bigrams). */
export function targetSimilarity(a: Target, b: Target): number {
  return dice(a.content, b.content);
}

/** One difference between a parent target and the child's. */
export type TargetChange =
  | { kind: "raised" | "lowered"; unit: string; from: TargetQuantity; to: TargetQuantity }
  | { kind: "quantity-dropped"; from: TargetQuantity }
  | { kind: "quantity-added"; to: TargetQuantity }
  | { kind: "later" | "earlier"; from: number; to: number }
  | { kind: "year-dropped"; from: number }
  | { kind: "year-added"; to: number };

/** What changed from a parent target to the child target paired with it (empty: the same). */
export function compareTargets(p: Target, c: Target): TargetChange[] {
  const out: TargetChange[] = [];
  if (p.year !== null && c.year !== null && p.year !== c.year)
    out.push({ kind: c.year > p.year ? "later" : "earlier", from: p.year, to: c.year });
  else if (p.year !== null && c.year === null) out.push({ kind: "year-dropped", from: p.year });
  else if (p.year === null && c.year !== null) out.push({ kind: "year-added", to: c.year });
  const left = [...c.quantities];
  for (const q of p.quantities) {
    const at = left.findIndex((x) => x.unit === q.unit);
    if (at < 0) {
      out.push({ kind: "quantity-dropped", from: q });
      continue;
    }
    const [x] = left.splice(at, 1) as [TargetQuantity];
    if (x.value !== q.value)
      out.push({ kind: x.value > q.value ? "raised" : "lowered", unit: q.unit, from: q, to: x });
  }
  for (const x of left) out.push({ kind: "quantity-added", to: x });
  return out;
}
