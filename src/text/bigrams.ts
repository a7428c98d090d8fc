/**
 * Character bigrams as sorted integer codes (one encoding, `gramCode`), as multisets or sets, and
 * their overlap: containment and Dice.
 */
import { sortNumbers } from "../util/sort.js";

/** Room for every code point plus one: lone characters and bigrams never share a code. */
const GRAM = 0x110001;

/**
 * The one encoding of a bigram as an integer: `first × GRAM + second + 1` of its two characters'
 * codes (code points, or UTF-16 units: both below GRAM). A lone character is `code × GRAM`
 * (`loneCode`), so it never meets a bigram's code.
 */
export function gramCode(first: number, second: number): number {
  return first * GRAM + second + 1;
}

/** The code of a run of one character (see `gramCode`). */
export function loneCode(code: number): number {
  return code * GRAM;
}

/**
 * A multiset of character bigrams: each bigram as one integer (`gramCode`), ascending, with its
 * count, and the number of bigrams in all. Comparing two multisets is a merge of two sorted
 * integer arrays: no strings made or hashed per bigram, which matters as every candidate pair of
 * rows and sentences is compared.
 */
export interface Bigrams {
  codes: number[];
  counts: number[];
  size: number;
}

const NOT_GRAM = /[^\p{Script=Han}\p{L}\p{N}]/gu;

/** Character bigrams of the CJK letters and digits of a (folded) string. */
export function bigrams(s: string): Bigrams {
  const chars = s.replace(NOT_GRAM, "");
  const all: number[] = [];
  for (let i = 0; i + 1 < chars.length; i++)
    all.push(gramCode(chars.charCodeAt(i), chars.charCodeAt(i + 1)));
  sortNumbers(all);
  const codes: number[] = [];
  const counts: number[] = [];
  for (let k = 0; k < all.length; k++) {
    const code = all[k] as number;
    if (k > 0 && code === all[k - 1])
      counts[counts.length - 1] = (counts[counts.length - 1] as number) + 1;
    else {
      codes.push(code);
      counts.push(1);
    }
  }
  return { codes, counts, size: all.length };
}

/**
 * A set of codes (any integers, repeats dropped) as a multiset whose every count is 1; `codes` is
 * sorted in place.
 */
export function codeSet(codes: number[]): Bigrams {
  sortNumbers(codes);
  const distinct: number[] = [];
  for (let k = 0; k < codes.length; k++)
    if (k === 0 || codes[k] !== codes[k - 1]) distinct.push(codes[k] as number);
  return { codes: distinct, counts: distinct.map(() => 1), size: distinct.length };
}

/** The n-gram hash: base and prime modulus (2^35 − 31) chosen so that h × base + unit < 2^53. */
const GRAM_BASE = 131071;
const GRAM_MODULUS = 34359738337;

/**
 * The distinct character n-grams (n ≥ 2) of the letters and digits of a text, as a set: each
 * n-gram as a 35-bit polynomial hash computed exactly (collisions among a plan's few thousand
 * n-grams are negligible: about one in ten thousand plans). Compared with `containment` and
 * `dice` like bigrams.
 */
export function charGrams(s: string, n: number): Bigrams {
  // Every step stays below 2^53 (GRAM_MODULUS × GRAM_BASE + a UTF-16 unit), so no bit is lost.
  const chars = s.replace(NOT_GRAM, "");
  const out: number[] = [];
  for (let i = 0; i + n <= chars.length; i++) {
    let h = 0;
    for (let k = 0; k < n; k++) h = (h * GRAM_BASE + chars.charCodeAt(i + k)) % GRAM_MODULUS;
    out.push(h);
  }
  return codeSet(out);
}

/**
 * The bigrams of a text's runs of letters and digits (code points; a run of one character counts
 * as itself, see `loneCode`) as a set: distinct codes in ascending order, each counted once.
 */
export function contentBigrams(content: string): Bigrams {
  const out: number[] = [];
  for (const run of content.split(NOT_GRAM)) {
    let previous = -1;
    let length = 0;
    for (let i = 0; i < run.length; i++) {
      const code = run.codePointAt(i) as number;
      if (code > 0xffff) i++;
      if (previous >= 0) out.push(gramCode(previous, code));
      previous = code;
      length++;
    }
    if (length === 1) out.push(loneCode(previous));
  }
  return codeSet(out);
}

/** Bigrams the two multisets share (counted with multiplicity). */
function overlap(a: Bigrams, b: Bigrams): number {
  const ac = a.codes;
  const bc = b.codes;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < ac.length && j < bc.length) {
    const x = ac[i] as number;
    const y = bc[j] as number;
    if (x === y) {
      shared += Math.min(a.counts[i] as number, b.counts[j] as number);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}

/** Share of `part`'s bigrams found in `whole` (1 when `part` reads inside `whole`). */
export function containment(part: Bigrams, whole: Bigrams): number {
  return part.size === 0 ? 0 : overlap(part, whole) / part.size;
}

/** Sørensen–Dice coefficient over bigram multisets. */
export function dice(a: Bigrams, b: Bigrams): number {
  const n = a.size + b.size;
  return n === 0 ? 0 : (2 * overlap(a, b)) / n;
}
