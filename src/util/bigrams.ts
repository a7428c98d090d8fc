import { sortNumbers } from "./sort.js";

/**
 * A multiset of character bigrams: each bigram as one integer (its two UTF-16 code units,
 * `first << 16 | second`), ascending, with its count, and the number of bigrams in all. Comparing
 * two multisets is a merge of two sorted integer arrays: no strings made or hashed per bigram,
 * which matters as every candidate pair of rows and sentences is compared.
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
    all.push((chars.charCodeAt(i) << 16) | chars.charCodeAt(i + 1));
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
