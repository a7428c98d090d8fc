/**
 * Local specifics of a child plan in a text: its place names (known from its issuer, or a word
 * jieba leaves before a level suffix) and its own bodies (我区, 全市, 区政府).
 */
import { fold } from "../../text/fold.js";
import { levelChars, levelRewrites, levelsLexicon } from "../../text/lexicons.js";
import { tokensOf } from "../../text/segment.js";
import type { ClassifyOptions } from "./classify.js";
import { commitmentWords } from "./commitment.js";

/**
 * Place names in a text: the known ones, and a word that jieba leaves before a level suffix
 * which in turn runs on into a word (南湖|区|相对). A commitment word there is a verb with a
 * level after it (完善|市|公共), and a list after it is a list of levels (构建|市|、).
 */
export function placesIn(text: string, known: readonly string[]): string[] {
  const found = new Set(known.filter((p) => text.includes(p)));
  const suffixes = placeSuffixes();
  const folded = fold(text);
  // A stem is found before a suffix word: a text without any suffix needs no segmenting.
  if (![...suffixes].some((suffix) => folded.includes(suffix))) return [...found].sort();
  const tokens = tokensOf(folded);
  tokens.forEach((stem, i) => {
    const suffix = tokens[i + 1];
    const next = tokens[i + 2];
    if (!suffix || !next || !suffixes.has(suffix.key) || !HAN.test(next.key)) return;
    if (isPlaceStem(stem.key)) found.add(stem.key + suffix.key);
  });
  return [...found].sort();
}

const HAN = /^\p{Script=Han}/u;

let cachedSuffixes: Set<string> | undefined;
/** Level suffixes of place names (市, 区, 街道…), from data/lexicon/levels.json. */
function placeSuffixes(): Set<string> {
  cachedSuffixes ??= new Set(levelsLexicon().suffixLevels.map(([s]) => s));
  return cachedSuffixes;
}

function isPlaceStem(word: string): boolean {
  const chars = Array.from(word);
  return (
    chars.length >= 2 &&
    chars.every((ch) => HAN.test(ch) && !levelChars().includes(ch)) &&
    commitmentWords(word) === null
  );
}

/**
 * 我区, 全市, 区政府: a level rewrite (data/lexicon/levels.json) whose match names the child's
 * level (any level when it is unknown) names one of the child's own bodies.
 */
function localBodiesIn(text: string, levelWord: string | undefined): string[] {
  const folded = fold(text);
  const out = new Set<string>();
  for (const [re] of levelRewrites()) {
    for (const m of folded.match(re) ?? []) {
      if (levelWord ? m.includes(levelWord) : levelChars().some((ch) => m.includes(ch))) out.add(m);
    }
  }
  return [...out].sort();
}

export function localNames(text: string, options: ClassifyOptions): string[] {
  return [...placesIn(text, options.places ?? []), ...localBodiesIn(text, options.levelWord)];
}
