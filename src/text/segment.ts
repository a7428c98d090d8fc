/**
 * Segmentation of Chinese text into words (jieba), whole or sentence by sentence, the words of a
 * text with their offsets, and the normalisation texts are matched on (folded, level words in
 * one form).
 */
import { createRequire } from "node:module";
import { memo } from "../util/caches.js";
import { piecesBetween } from "../util/pieces.js";
import { fold } from "./fold.js";
import { levelRewrites } from "./lexicons.js";

// Loaded by `require`, not `import`: importing a CommonJS module makes Node scan its source for
// export names, and jieba's 28 KB loader is long enough for that scan to be compiled by V8's
// optimising compiler (CPU spent in every thread that loads the library).
const require = createRequire(import.meta.url);
const { Jieba } = require("@node-rs/jieba") as typeof import("@node-rs/jieba");
const { dict } = require("@node-rs/jieba/dict.js") as typeof import("@node-rs/jieba/dict.js");

let jieba: InstanceType<typeof Jieba> | undefined;

/** The segmenter, loaded once (loading the dictionary is slow). */
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

const segments = memo<string, string[]>("segments");

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

/** A jieba word: `text` as printed, `key` folded (full-width and half-width punctuation agree). */
export interface Token {
  text: string;
  key: string;
  /** Offset of the word in its text. */
  at: number;
}

/**
 * The jieba words of a text with their offsets: each word as printed and folded (see `Token`).
 */
export function tokensOf(text: string): Token[] {
  const folded = fold(text);
  const cut = segmentBySentence(folded);
  // jieba returns pieces that concatenate to its input; fall back to characters if not.
  const pieces = cut.join("") === folded ? cut : Array.from(folded);
  let at = 0;
  return pieces.map((key) => {
    const token = { text: text.slice(at, at + key.length), key, at };
    at += key.length;
    return token;
  });
}
