/**
 * Reuse between long texts, the way passim and MOSS find it: every run of `k` letters or digits
 * hashed, and of each window of `w` consecutive hashes the smallest kept (winnowing), so that any
 * passage of at least `k + w - 1` characters two texts share yields at least one fingerprint they
 * share, while a text keeps only about 2 / (w + 1) of its hashes.
 */

const NOT_LETTER = /[^\p{Script=Han}\p{L}\p{N}]/gu;

/** The letters and digits of a text, in order (punctuation and spaces dropped). */
export function lettersOf(text: string): string {
  return text.replace(NOT_LETTER, "");
}

/** Fingerprints of a text: hashes (unsigned 32-bit) with the position of their k-gram. */
export interface Fingerprints {
  hashes: number[];
  positions: number[];
}

const BASE = 0x01000193;

/**
 * Winnowed fingerprints of `letters` (see `lettersOf`): a rolling 32-bit hash of every `k`-gram,
 * the rightmost smallest of every window of `w` kept once. Deterministic; O(length × w).
 */
export function winnow(letters: string, k: number, w: number): Fingerprints {
  const n = letters.length - k + 1;
  const hashes: number[] = [];
  const positions: number[] = [];
  if (n <= 0) return { hashes, positions };
  let top = 1;
  for (let i = 1; i < k; i++) top = Math.imul(top, BASE);
  const grams = new Uint32Array(n);
  let h = 0;
  for (let i = 0; i < letters.length; i++) {
    if (i >= k) h = (h - Math.imul(letters.charCodeAt(i - k), top)) | 0;
    h = (Math.imul(h, BASE) + letters.charCodeAt(i)) | 0;
    if (i >= k - 1) grams[i - k + 1] = h >>> 0;
  }
  let last = -1;
  const windows = Math.max(1, n - w + 1);
  for (let start = 0; start < windows; start++) {
    const end = Math.min(n, start + w);
    let m = start;
    for (let j = start + 1; j < end; j++) if ((grams[j] as number) <= (grams[m] as number)) m = j;
    if (m !== last) {
      hashes.push(grams[m] as number);
      positions.push(m);
      last = m;
    }
  }
  return { hashes, positions };
}

/**
 * The passages of `letters` covered by the given k-gram positions: runs of positions no further
 * apart than `gap` merged, each passage `[start, end)` in `letters`, in text order.
 */
export function passagesAt(positions: number[], k: number, gap: number): [number, number][] {
  const sorted = [...positions].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const p of sorted) {
    const last = out.at(-1);
    if (last && p <= last[1] + gap) last[1] = Math.max(last[1], p + k);
    else out.push([p, p + k]);
  }
  return out;
}
