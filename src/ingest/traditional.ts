import type { DictGroup, DictLike } from "opencc-js";
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
  if (!mayBeTraditional(text)) return source;
  const simplified = t2cn(text);
  if (simplified === text) return source;
  let cjk = 0;
  let changed = 0;
  // OpenCC's t→cn conversion maps character for character, so positions line up unless an
  // entry turns a character into a surrogate pair or back (噁 → 𫫇): then the comparison below
  // only undercounts, and the characters missing afterwards are counted instead.
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

/**
 * False when the conversion cannot change more than 2% of the text's CJK characters (or the text
 * has too few), so that `toSimplified` would return it unchanged: fewer of its characters than
 * that are ones some dictionary entry changes (see `changeable`). Simplified text has ≈ 0.1% of
 * them (覆 is one), so it is never converted, and the dictionaries are never built into a trie.
 */
function mayBeTraditional(text: string): boolean {
  const codes = changeable();
  let cjk = 0;
  let changing = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const kind = codes[code] as number;
    if (kind === UNBOUNDED) return true;
    if (!isCjk(code)) continue;
    cjk++;
    if (kind === MAY_CHANGE) changing++;
  }
  return cjk >= MIN_CJK && changing / cjk > MIN_TRADITIONAL_SHARE;
}

/** A code unit some entry changes in place. */
const MAY_CHANGE = 1;
/** A code unit of an entry that changes the text's length: positions no longer line up. */
const UNBOUNDED = 2;

let changeableCodes: Uint8Array | undefined;

/**
 * What OpenCC's t→cn conversion may do to each UTF-16 code unit, from the preset's dictionaries:
 * MAY_CHANGE where an entry's character differs from its replacement at the same place;
 * UNBOUNDED where it does and the entry changes the length in code units (a character becomes or
 * stops being a surrogate pair: 噁 → 𫫇, compatibility ideographs), or where the normalisation,
 * which runs first, makes such a character. An entry only applies where its changed characters
 * are, so in a text without UNBOUNDED units every position is kept and only MAY_CHANGE units
 * can change.
 */
export function changeable(): Uint8Array {
  if (changeableCodes) return changeableCodes;
  const codes = new Uint8Array(0x10000);
  const raise = (code: number, kind: number) => {
    if ((codes[code] as number) < kind) codes[code] = kind;
  };
  const mark = (from: string, to: string, kind: number) => {
    if (from.length === to.length) {
      for (let i = 0; i < from.length; i++)
        if (from.charCodeAt(i) !== to.charCodeAt(i)) raise(from.charCodeAt(i), kind);
      return;
    }
    // Lengths differ in code units: the code points that change (all, if their counts differ).
    const a = Array.from(from);
    const b = Array.from(to);
    a.forEach((ch, i) => {
      if (a.length === b.length && ch === b[i]) return;
      for (let k = 0; k < ch.length; k++) raise(ch.charCodeAt(k), kind);
    });
  };
  const sameLength = (from: string, to: string) =>
    from.length === to.length ? MAY_CHANGE : UNBOUNDED;
  // The chains of dictionary groups the preset `t2cn` builds; opencc-js's types leave out the
  // normalisation, which runs first.
  const preset = OpenCC.Locale.configs.t2s as {
    normalizationChain?: readonly DictGroup[];
    conversionChain: readonly DictGroup[];
  };
  for (const [from, to] of entriesOf(preset.conversionChain)) mark(from, to, sameLength(from, to));
  for (const [from, to] of entriesOf(preset.normalizationChain ?? [])) {
    let kind = sameLength(from, to);
    for (let i = 0; i < to.length; i++) if (codes[to.charCodeAt(i)] === UNBOUNDED) kind = UNBOUNDED;
    mark(from, to, kind);
  }
  changeableCodes = codes;
  return codes;
}

/** The [source, replacement] entries of chains of dictionary groups. */
function entriesOf(chain: readonly DictGroup[]): (readonly [string, string])[] {
  return chain.flatMap((group) =>
    group.flatMap((dict: DictLike) =>
      typeof dict === "string"
        ? dict.split("|").map((entry): [string, string] => {
            const [from = "", to = ""] = entry.split(" ");
            return [from, to];
          })
        : dict,
    ),
  );
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
