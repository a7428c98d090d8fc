/** Character bigrams of the CJK letters and digits of a (folded) string, as a multiset. */
export function bigrams(s: string): Map<string, number> {
  const chars = s.replace(/[^\p{Script=Han}\p{L}\p{N}]/gu, "");
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const gram = chars.slice(i, i + 2);
    out.set(gram, (out.get(gram) ?? 0) + 1);
  }
  return out;
}

/** Bigrams the two multisets share (counted with multiplicity). */
function overlap(a: Map<string, number>, b: Map<string, number>): number {
  let shared = 0;
  // forEach, not for…of: no [key, value] array per entry (this runs for every candidate pair).
  a.forEach((n, gram) => {
    shared += Math.min(n, b.get(gram) ?? 0);
  });
  return shared;
}

const sizes = new WeakMap<Map<string, number>, number>();

/** How many bigrams a multiset holds (remembered: bigram maps are not changed once made). */
export function size(a: Map<string, number>): number {
  let n = sizes.get(a);
  if (n === undefined) {
    n = 0;
    for (const v of a.values()) n += v;
    sizes.set(a, n);
  }
  return n;
}

/** Share of `part`'s bigrams found in `whole` (1 when `part` reads inside `whole`). */
export function containment(part: Map<string, number>, whole: Map<string, number>): number {
  const n = size(part);
  return n === 0 ? 0 : overlap(part, whole) / n;
}

/** Sørensen–Dice coefficient over bigram multisets. */
export function dice(a: Map<string, number>, b: Map<string, number>): number {
  const n = size(a) + size(b);
  return n === 0 ? 0 : (2 * overlap(a, b)) / n;
}
