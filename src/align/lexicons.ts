import { z } from "zod";
import { levelsLexicon } from "../parse/lexicons.js";
import { loadLexicon } from "../util/lexicon.js";

const StopwordsSchema = z.object({ stopwords: z.array(z.string()) });

let cachedStopwords: Set<string> | undefined;
let cachedRewrites: [RegExp, string][] | undefined;

/** Function words that carry no matching weight: data/lexicon/stopwords.json. */
export function stopwords(): Set<string> {
  cachedStopwords ??= new Set(loadLexicon("stopwords", StopwordsSchema).stopwords);
  return cachedStopwords;
}

/** Level rewrites (各市、县〔市、区〕政府 → 下级政府, 我省 → 本地…) from data/lexicon/levels.json. */
export function levelRewrites(): [RegExp, string][] {
  cachedRewrites ??= levelsLexicon().analysisRewrites.map(([re, to]) => [new RegExp(re, "g"), to]);
  return cachedRewrites;
}

/** Level characters that open unit names (省, 市, 区…). */
export function unitPrefixes(): string[] {
  return levelsLexicon().unitPrefixes;
}
