import { createRequire } from "node:module";
import { fold } from "../ingest/fold.js";
import { Memo } from "../util/memo.js";
import { piecesBetween } from "../util/pieces.js";
import { sortNumbers } from "../util/sort.js";
import { levelRewrites, stopwords } from "./lexicons.js";
import { bigramTermId, termId } from "./tfidf.js";

// Loaded by `require`, not `import`: importing a CommonJS module makes Node scan its source for
// export names, and jieba's 28 KB loader is long enough for that scan to be compiled by V8's
// optimising compiler (≈ 100 ms of CPU in every thread that loads the library).
const require = createRequire(import.meta.url);
const { Jieba } = require("@node-rs/jieba") as typeof import("@node-rs/jieba");
const { dict } = require("@node-rs/jieba/dict.js") as typeof import("@node-rs/jieba/dict.js");

let jieba: InstanceType<typeof Jieba> | undefined;

/** The segmenter, loaded once (the dictionary takes ~150 ms). */
function segmenter(): InstanceType<typeof Jieba> {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/** Folded text with level words mapped to one form, so 省级 and 市级 read alike. */
export function normalizeForMatching(text: string): string {
  let s = fold(text);
  for (const [re, to] of levelRewrites()) s = s.replace(re, to);
  return s;
}

const segments = new Memo<string, string[]>(2_000);

/**
 * Raw jieba words of a text, punctuation included, that concatenate back to the text. Remembered
 * (bounded): a parent plan's texts are segmented again for every child compared with it, and a
 * child's sentences both for matching and for the word diff (see `segmentBySentence`).
 */
export function segment(text: string): string[] {
  return segments.get(text, (t) => segmenter().cut(t, false));
}

/** Where the matcher cuts a task's text into sentences (measures), full- or half-width. */
export const SENTENCE_END = /[。;；!?！？\n]/;

/**
 * `segment` of a folded text, made of the segments of its sentences (trimmed, as the matcher
 * reads them): jieba cuts the runs of letters, digits and Chinese between these marks and white
 * space each on its own, and anything else into single characters (a test checks the two agree on
 * whole documents). A sentence that level rewrites leave alike was segmented by the matcher, so a
 * child's wording is not segmented twice.
 */
export function segmentBySentence(folded: string): string[] {
  const out: string[] = [];
  const chars = (text: string) => {
    for (const ch of text) out.push(ch);
  };
  for (const { start, end, from, to } of piecesBetween(folded, SENTENCE_END)) {
    chars(folded.slice(start, from));
    if (to > from) for (const word of segment(folded.slice(from, to))) out.push(word);
    chars(folded.slice(to, end));
    if (end === folded.length) break;
    // jieba keeps a Windows line end as one piece.
    if (folded[end] === "\n" && end > 0 && folded[end - 1] === "\r") out[out.length - 1] = "\r\n";
    else out.push(folded[end] as string);
  }
  return out;
}

const WORD = /[\p{Script=Han}\p{L}\p{N}]/u;
const HAN_RUN = /\p{Script=Han}+/gu;

/**
 * The matching features of a normalised text as sorted term ids: jieba words (without function
 * words) plus character bigrams of every Chinese run, the terms "~ab" (bigrams catch words the
 * dictionary splits, 钉钉). A bigram's id is found from its two characters, without making its
 * string (a text has a bigram per character).
 */
export function termIdsOf(normalized: string): number[] {
  const stop = stopwords();
  const ids: number[] = [];
  for (const word of segment(normalized)) {
    if (WORD.test(word) && !stop.has(word)) ids.push(termId(word));
  }
  for (const run of normalized.match(HAN_RUN) ?? []) {
    for (let i = 0; i + 1 < run.length; i++)
      ids.push(bigramTermId(run.charCodeAt(i), run.charCodeAt(i + 1)));
  }
  return sortNumbers(ids);
}

/** Terms a plan marks as names: “标准地”, 《…条例》. They are strong anchors. */
export function anchorsOf(normalized: string): string[] {
  const out = new Set<string>();
  for (const m of normalized.matchAll(/[“"]([^”"]{2,20})[”"]|《([^》]{2,40})》/g)) {
    out.add((m[1] ?? m[2] ?? "").trim());
  }
  out.delete("");
  return [...out].sort();
}
