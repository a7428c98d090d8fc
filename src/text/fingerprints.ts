/**
 * Reuse between long texts, the way passim and MOSS find it: every run of `k` letters or digits
 * hashed, and of each window of `w` consecutive hashes the smallest kept (winnowing), so that any
 * passage of at least `k + w - 1` characters two texts share yields at least one fingerprint they
 * share, while a text keeps only about 2 / (w + 1) of its hashes.
 */

const LETTER = /^[\p{Script=Han}\p{L}\p{N}]$/u;

/**
 * The letters and digits of a text, in order (punctuation and spaces dropped). Common Han and
 * ASCII are decided by their code, other characters by the Unicode classes (a whole text's
 * replace by a Unicode-class pattern is several times slower on the long texts of a pile).
 */
export function lettersOf(text: string): string {
  const kept = new Uint16Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0x30 && c <= 0x39) ||
      (c >= 0x61 && c <= 0x7a) ||
      (c >= 0x41 && c <= 0x5a)
    ) {
      kept[n++] = c;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff && LETTER.test(text.slice(i, i + 2))) {
        kept[n++] = c;
        kept[n++] = d;
        i++;
      }
    } else if (c >= 0x80 && !(c >= 0xdc00 && c <= 0xdfff) && LETTER.test(text[i] as string)) {
      kept[n++] = c;
    }
  }
  return n === text.length ? text : decoder.decode(kept.subarray(0, n));
}

const decoder = new TextDecoder("utf-16le");

/** Fingerprints of a text: hashes (unsigned 32-bit) with the position of their k-gram. */
export interface Fingerprints {
  hashes: number[];
  positions: number[];
}

const BASE = 0x01000193;

/**
 * Winnowed fingerprints of `letters` (see `lettersOf`): a rolling 32-bit hash of every `k`-gram,
 * the rightmost smallest of every window of `w` kept once. Deterministic.
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
  // The rightmost smallest hash of each window, rescanning a window only when its smallest
  // has left it (about O(length)).
  let m = -1;
  const windows = Math.max(1, n - w + 1);
  for (let start = 0; start < windows; start++) {
    const end = Math.min(n, start + w) - 1;
    const before = m;
    if (m < start) {
      m = start;
      for (let j = start + 1; j <= end; j++)
        if ((grams[j] as number) <= (grams[m] as number)) m = j;
    } else if ((grams[end] as number) <= (grams[m] as number)) m = end;
    if (m !== before) {
      hashes.push(grams[m] as number);
      positions.push(m);
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
