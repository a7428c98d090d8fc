/**
 * Numeric targets of a clause (10个左右, 至少一个, 100%) by the quantity patterns of
 * data/lexicon/commitment.json, keyed so that the same target reads alike in both plans.
 */
import { fold } from "../../text/fold.js";
import { commitmentLexicon } from "../../text/lexicons.js";
import { numeralValue } from "../../text/numerals.js";
import { escapeRegExp } from "../../text/regexp.js";
import { tokensOf } from "../../text/segment.js";
import { weakCache } from "../../util/caches.js";
import { type Clause, MASK } from "./clauses.js";

export interface Quantity {
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
const quantityCache = weakCache<
  Clause,
  { folded: string | null; plain?: Quantity[]; quoted?: Quantity[] }
>("quantities");

export function quantitiesOf(clause: Clause, quoted = false): Quantity[] {
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
