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
import { yearless } from "../text/titles.js";

/** Letters of a k-gram: passages shorter than k + w - 1 may go unseen. */
export const GRAM = 10;
export const WINDOW = 12;
/** Characters of a document's text read as its opening (after its title). */
const OPENING = 400;

/** What a document offers to the content evidence: its text and title. */
export interface ContentSource {
  title: string | null;
  planTitle: string | null;
  /**
   * The document's text, folded (`text/fold.ts`: the normalised lines' `norm`), or null when only
   * its header and task titles are known (`plandiff run`).
   */
  text: string | null;
  /** What it says before its first heading (PlanDocument.opening): read when the text is not known. */
  opening: string;
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
  /** For each document, the documents it shares rare fingerprints with and how many, by partner. */
  partners: Map<number, number>[];
  /** Fingerprints carried by at least two documents, ascending, with how many carry each. */
  commonHashes: Uint32Array;
  commonCounts: Uint32Array;
  names: string[][];
  nameCounts: Map<string, number>;
  /** Bigram set of each document's opening, and how many openings hold each bigram. */
  openings: { codes: number[] }[];
  openingCounts: Map<number, number>;
  /** Bigram → the documents whose opening holds it, ascending. */
  openingPostings: Map<number, number[]>;
}

function openingOf(source: ContentSource): string {
  const head = [source.title, source.planTitle].filter((t): t is string => !!t).join("。");
  // Titles the document cites are not its own.
  const { open, close } = deadlinesLexicon().quotedTitle;
  const text = source.text ?? fold(source.opening);
  const body = withoutBracketed(text.slice(0, 4 * OPENING), open, close);
  return `${fold(head)}。${body.slice(0, OPENING)}`;
}

/** Builds the index of a pile (`rare`: see `ContentIndex`). */
export function contentIndex(sources: readonly ContentSource[], rare: number): ContentIndex {
  const size = sources.length;
  const letters = sources.map((s) => (s.text ? lettersOf(s.text) : ""));
  const prints = letters.map((l) => {
    const sorted = Uint32Array.from(winnow(l, GRAM, WINDOW).hashes).sort();
    let n = 0;
    for (let i = 0; i < sorted.length; i++)
      if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i] as number;
    return sorted.slice(0, n);
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
  const partners = sources.map(() => new Map<number, number>());
  for (const [key, count] of shared) {
    const a = Math.floor(key / size);
    const b = key % size;
    partners[a]?.set(b, count);
    partners[b]?.set(a, count);
  }
  const names = sources.map((s) => (s.text ? bracketedNames(s.text) : []));
  const nameCounts = new Map<string, number>();
  for (const list of names) for (const n of list) nameCounts.set(n, (nameCounts.get(n) ?? 0) + 1);
  const openings = sources.map((s) => bigrams(openingOf(s)));
  const openingCounts = new Map<number, number>();
  const openingPostings = new Map<number, number[]>();
  openings.forEach((o, doc) => {
    for (const code of o.codes) {
      openingCounts.set(code, (openingCounts.get(code) ?? 0) + 1);
      const list = openingPostings.get(code);
      if (list) list.push(doc);
      else openingPostings.set(code, [doc]);
    }
  });
  return {
    size,
    rare,
    letters,
    prints,
    shared,
    partners,
    commonHashes: Uint32Array.from(commonHashes),
    commonCounts: Uint32Array.from(commonCounts),
    names,
    nameCounts,
    openings,
    openingCounts,
    openingPostings,
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

/** The documents sharing at least `min` rare fingerprints with `doc`. */
export function partnersOf(index: ContentIndex, doc: number, min: number): number[] {
  const out: number[] = [];
  for (const [other, count] of index.partners[doc] ?? []) if (count >= min) out.push(other);
  return out;
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
  if (sharedContent(index, child, parent).prints === 0) return [];
  const letters = index.letters[child] as string;
  const theirs = index.prints[parent] as Uint32Array;
  const { hashes, positions } = winnow(letters, GRAM, WINDOW);
  const at: number[] = [];
  hashes.forEach((h, k) => {
    if (sortedHas(theirs, h) && countOf(index, h) <= index.rare) at.push(positions[k] as number);
  });
  return passagesAt(at, GRAM, WINDOW)
    .map(([s, e]) => letters.slice(s, e))
    .sort((x, y) => y.length - x.length || (x < y ? -1 : x > y ? 1 : 0));
}

/** Bracketed names both documents use that few documents of the pile use. */
export function sharedNames(index: ContentIndex, a: number, b: number): string[] {
  const theirs = new Set(index.names[b]);
  return (index.names[a] ?? []).filter(
    (n) => theirs.has(n) && (index.nameCounts.get(n) ?? 0) <= index.rare,
  );
}

/** A cited title prepared for fitting: its bigrams and their weights (rarer among the openings: heavier). */
export interface TitleQuery {
  codes: number[];
  weights: number[];
  all: number;
}

export function titleQuery(index: ContentIndex, core: string): TitleQuery {
  // Years (a plan's period: 2018-2022年) are matched by the exact title, not by the fit: an
  // opening rarely repeats them as the title writes them.
  const { codes } = bigrams(yearless(core));
  const weights = codes.map((code) =>
    Math.log(1 + index.size / ((index.openingCounts.get(code) ?? 0) + 0.5)),
  );
  return { codes, weights, all: weights.reduce((a, b) => a + b, 0) };
}

/**
 * How well a cited title fits a document's opening: the share of the title's bigrams found in
 * it, each weighted by how rare it is among the pile's openings (实施, 方案 weigh little).
 */
export function titleFit(index: ContentIndex, query: TitleQuery | string, doc: number): number {
  const q = typeof query === "string" ? titleQuery(index, query) : query;
  const own = (index.openings[doc] as { codes: number[] }).codes;
  let found = 0;
  q.codes.forEach((code, k) => {
    if (sortedHas(own, code)) found += q.weights[k] as number;
  });
  return q.all > 0 ? found / q.all : 0;
}

function sortedHas(sorted: ArrayLike<number>, x: number): boolean {
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

/**
 * The documents a cited title may fit at least `min` (`titleFit`), ascending, found through the
 * openings' postings: those whose bigrams of the title could reach `min` (bigrams most openings
 * hold are counted for every document rather than walked). The fit itself is left to the caller.
 */
export function mayFit(index: ContentIndex, q: TitleQuery, min: number): number[] {
  const limit = Math.max(32, index.size >> 2);
  let common = 0;
  const reached = new Map<number, number>();
  q.codes.forEach((code, k) => {
    const weight = q.weights[k] as number;
    const list = index.openingPostings.get(code);
    if (!list) return;
    if (list.length > limit) {
      common += weight;
      return;
    }
    for (const doc of list) reached.set(doc, (reached.get(doc) ?? 0) + weight);
  });
  if (q.all === 0) return [];
  if (common / q.all >= min) return Array.from({ length: index.size }, (_, k) => k);
  return [...reached.keys()]
    .filter((d) => ((reached.get(d) ?? 0) + common) / q.all >= min)
    .sort((a, b) => a - b);
}
