/**
 * Content evidence across a pile, computed once for all its documents: passages two documents
 * share (winnowed fingerprints, `text/fingerprints.ts`), counted only when few documents of the
 * pile carry them (a passage most documents carry is boilerplate: 习近平新时代…, 各有关部门…), the
 * bracketed names they share (《…》, “…”) weighted the same way, and each document's opening (its
 * title and first lines, cited titles left out) that a cited title is fitted to.
 */
import { bigrams } from "../text/bigrams.js";
import { lettersOf, passagesAt, winnow } from "../text/fingerprints.js";
import { fold } from "../text/fold.js";
import { deadlinesLexicon } from "../text/lexicons.js";
import { bracketedNames, withoutBracketed } from "../text/names.js";

/** Letters of a k-gram: passages shorter than k + w - 1 may go unseen. */
export const GRAM = 10;
export const WINDOW = 6;
/** Characters of a document's text read as its opening (after its title). */
const OPENING = 400;

/** What a document offers to the content evidence: its text and title. */
export interface ContentSource {
  title: string | null;
  planTitle: string | null;
  /** The document's text (null when only its header and task titles are known: `plandiff run`). */
  text: string | null;
}

export interface ContentIndex {
  /** Documents indexed. */
  size: number;
  /** A fingerprint or name carried by more documents than this is boilerplate. */
  rare: number;
  letters: string[];
  /** Distinct fingerprints of each document, ascending. */
  prints: Uint32Array[];
  /** Shared rare fingerprints of the pairs that have any: key `a * size + b`, a < b. */
  shared: Map<number, number>;
  /** Fingerprints carried by at least two documents, ascending, with how many carry each. */
  commonHashes: Uint32Array;
  commonCounts: Uint32Array;
  names: string[][];
  nameCounts: Map<string, number>;
  /** Bigram set of each document's opening, and how many openings hold each bigram. */
  openings: { codes: number[] }[];
  openingCounts: Map<number, number>;
}

function openingOf(source: ContentSource): string {
  const head = [source.title, source.planTitle].filter((t): t is string => !!t).join("。");
  // Titles the document cites are not its own.
  const { open, close } = deadlinesLexicon().quotedTitle;
  const body = withoutBracketed(fold(source.text ?? ""), open, close);
  return `${fold(head)}。${body.slice(0, OPENING)}`;
}

/** Builds the index of a pile (`rare`: see `ContentIndex`). */
export function contentIndex(sources: readonly ContentSource[], rare: number): ContentIndex {
  const size = sources.length;
  const letters = sources.map((s) => (s.text ? lettersOf(fold(s.text)) : ""));
  const prints = letters.map((l) => {
    const distinct = [...new Set(winnow(l, GRAM, WINDOW).hashes)];
    return Uint32Array.from(distinct).sort();
  });
  // Every (fingerprint, document) packed in one number and sorted: runs of one fingerprint.
  const total = prints.reduce((n, p) => n + p.length, 0);
  const packed = new Float64Array(total);
  const SLOT = 2 ** 21;
  let at = 0;
  prints.forEach((p, doc) => {
    for (const h of p) packed[at++] = h * SLOT + doc;
  });
  packed.sort();
  const shared = new Map<number, number>();
  const commonHashes: number[] = [];
  const commonCounts: number[] = [];
  const docs: number[] = [];
  for (let i = 0; i < total; ) {
    const hash = Math.floor((packed[i] as number) / SLOT);
    docs.length = 0;
    let j = i;
    for (; j < total && Math.floor((packed[j] as number) / SLOT) === hash; j++) {
      docs.push((packed[j] as number) % SLOT);
    }
    if (docs.length >= 2) {
      commonHashes.push(hash);
      commonCounts.push(docs.length);
      if (docs.length <= rare) {
        for (let a = 0; a < docs.length; a++)
          for (let b = a + 1; b < docs.length; b++) {
            const key = (docs[a] as number) * size + (docs[b] as number);
            shared.set(key, (shared.get(key) ?? 0) + 1);
          }
      }
    }
    i = j;
  }
  const names = sources.map((s) => (s.text ? bracketedNames(s.text) : []));
  const nameCounts = new Map<string, number>();
  for (const list of names) for (const n of list) nameCounts.set(n, (nameCounts.get(n) ?? 0) + 1);
  const openings = sources.map((s) => bigrams(openingOf(s)));
  const openingCounts = new Map<number, number>();
  for (const o of openings)
    for (const code of o.codes) openingCounts.set(code, (openingCounts.get(code) ?? 0) + 1);
  return {
    size,
    rare,
    letters,
    prints,
    shared,
    commonHashes: Uint32Array.from(commonHashes),
    commonCounts: Uint32Array.from(commonCounts),
    names,
    nameCounts,
    openings,
    openingCounts,
  };
}

/** How much text two documents share, beyond boilerplate. */
export interface SharedContent {
  /** Rare fingerprints both carry. */
  prints: number;
  /** `prints` over the smaller document's fingerprints. */
  share: number;
}

export function sharedContent(index: ContentIndex, a: number, b: number): SharedContent {
  const key = a < b ? a * index.size + b : b * index.size + a;
  const prints = index.shared.get(key) ?? 0;
  const smaller = Math.min(
    (index.prints[a] as Uint32Array).length,
    (index.prints[b] as Uint32Array).length,
  );
  return { prints, share: smaller > 0 ? prints / smaller : 0 };
}

function countOf(index: ContentIndex, hash: number): number {
  const hashes = index.commonHashes;
  let lo = 0;
  let hi = hashes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const h = hashes[mid] as number;
    if (h === hash) return index.commonCounts[mid] as number;
    if (h < hash) lo = mid + 1;
    else hi = mid - 1;
  }
  return 1;
}

/** The passages of `child` (letters only) it shares with `parent`, longest first. */
export function sharedPassages(index: ContentIndex, child: number, parent: number): string[] {
  const letters = index.letters[child] as string;
  const theirs = index.prints[parent] as Uint32Array;
  const { hashes, positions } = winnow(letters, GRAM, WINDOW);
  const at: number[] = [];
  hashes.forEach((h, k) => {
    if (binaryHas(theirs, h) && countOf(index, h) <= index.rare) at.push(positions[k] as number);
  });
  return passagesAt(at, GRAM, WINDOW)
    .map(([s, e]) => letters.slice(s, e))
    .sort((x, y) => y.length - x.length || (x < y ? -1 : x > y ? 1 : 0));
}

function binaryHas(sorted: Uint32Array, x: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid] as number;
    if (v === x) return true;
    if (v < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Bracketed names both documents use that few documents of the pile use. */
export function sharedNames(index: ContentIndex, a: number, b: number): string[] {
  const theirs = new Set(index.names[b]);
  return (index.names[a] ?? []).filter(
    (n) => theirs.has(n) && (index.nameCounts.get(n) ?? 0) <= index.rare,
  );
}

/**
 * How well a cited title fits a document's opening: the share of the title's bigrams found in
 * it, each weighted by how rare it is among the pile's openings (实施, 方案 weigh little).
 */
export function titleFit(index: ContentIndex, core: string, doc: number): number {
  const grams = bigrams(core);
  const own = new Set((index.openings[doc] as { codes: number[] }).codes);
  let found = 0;
  let all = 0;
  for (const code of grams.codes) {
    const weight = Math.log(1 + index.size / ((index.openingCounts.get(code) ?? 0) + 0.5));
    all += weight;
    if (own.has(code)) found += weight;
  }
  return all > 0 ? found / all : 0;
}
