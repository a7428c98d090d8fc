/**
 * The matcher's features of a normalised text: term ids (jieba words and Han bigrams) and anchors.
 */
import { stopwords } from "../text/lexicons.js";
import { segment } from "../text/segment.js";
import { sortNumbers } from "../util/sort.js";
import { bigramTermId, termId } from "./tfidf.js";

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
