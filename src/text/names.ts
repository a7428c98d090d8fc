/**
 * Names a document gives its programs, slogans and documents it cites — the text between the
 * brackets of data/lexicon/citations.json (《…》, “…”) — reduced to letters and digits, without
 * repeats, sorted. Two documents that share rare names (“头雁”效应 aside, a named program) are
 * likely linked.
 */
import { lettersOf } from "./fingerprints.js";
import { fold } from "./fold.js";
import { citationsLexicon } from "./lexicons.js";

/** Names shorter than this (in letters) say too little; longer ones are sentences quoted. */
const MIN_NAME = 2;
const MAX_NAME = 40;

export function bracketedNames(text: string): string[] {
  const folded = fold(text);
  const out = new Set<string>();
  for (const { open, close } of citationsLexicon().names) {
    let at = folded.indexOf(open);
    while (at >= 0) {
      const end = folded.indexOf(close, at + 1);
      if (end < 0) break;
      const name = lettersOf(folded.slice(at + 1, end));
      if (name.length >= MIN_NAME && name.length <= MAX_NAME) out.add(name);
      at = folded.indexOf(open, end + 1);
    }
  }
  return [...out].sort();
}

/** The text with everything between the brackets of `open` and `close` removed. */
export function withoutBracketed(text: string, open: string, close: string): string {
  let out = "";
  let from = 0;
  for (let at = text.indexOf(open); at >= 0; at = text.indexOf(open, from)) {
    const end = text.indexOf(close, at + 1);
    if (end < 0) break;
    out += text.slice(from, at);
    from = end + 1;
  }
  return out + text.slice(from);
}
