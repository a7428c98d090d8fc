import * as OpenCC from "opencc-js";
import type { SourceText } from "../model/source.js";

/** Above this share of changed CJK characters, a text is taken as written in traditional characters. */
const MIN_TRADITIONAL_SHARE = 0.02;
/** Texts with fewer CJK characters than this are left alone: too little to tell. */
const MIN_CJK = 20;
/** Suffix added to `encoding` when the text was converted to simplified characters. */
export const T2S_SUFFIX = "+t2s";

let converter: ((text: string) => string) | undefined;

/** Traditional → simplified (mainland) conversion, built on first use (the dictionaries are large). */
function t2cn(text: string): string {
  const convert = converter ?? OpenCC.Converter({ from: "t", to: "cn" });
  converter = convert;
  return convert(text);
}

/**
 * Converts a text written mostly in traditional characters to simplified characters, so that the
 * lexicons and patterns (all simplified) apply. A text counts as traditional when more than 2% of
 * its CJK characters change under OpenCC's t→cn conversion; the conversion is recorded by
 * appending "+t2s" to `encoding`. Simplified text is returned unchanged.
 */
export function toSimplified(source: SourceText): SourceText {
  const { text } = source;
  const simplified = t2cn(text);
  if (simplified === text) return source;
  let cjk = 0;
  let changed = 0;
  // OpenCC's t→cn conversion maps character for character, so positions line up; if a phrase
  // mapping ever changed the length, the comparison below only undercounts.
  const sameLength = simplified.length === text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isCjk(code)) continue;
    cjk++;
    if (sameLength && simplified.charCodeAt(i) !== code) changed++;
  }
  if (!sameLength) changed = Math.max(changed, countDifferentCjk(text, simplified));
  if (cjk < MIN_CJK || changed / cjk <= MIN_TRADITIONAL_SHARE) return source;
  return { ...source, encoding: `${source.encoding}${T2S_SUFFIX}`, text: simplified };
}

/** CJK characters of `a` missing from `b`, as a multiset difference (order-free). */
function countDifferentCjk(a: string, b: string): number {
  const counts = new Map<string, number>();
  for (const ch of b) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let missing = 0;
  for (const ch of a) {
    if (!isCjk(ch.charCodeAt(0))) continue;
    const n = counts.get(ch) ?? 0;
    if (n === 0) missing++;
    else counts.set(ch, n - 1);
  }
  return missing;
}

function isCjk(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
}
