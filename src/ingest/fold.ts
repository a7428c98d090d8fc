/**
 * Character folding for analysis. Every character maps to exactly one character, so that a
 * position found in the folded string is the same position in the original (display) string.
 */

const DASHES = new Set([
  "\u2010",
  "\u2011",
  "\u2012",
  "\u2013",
  "\u2014",
  "\u2015",
  "\u2212",
  "\uFE58",
  "\uFE63",
]);
const SINGLE: Record<string, string> = {
  "\u3000": " ",
  "\u00A0": " ",
  "\t": " ",
  "\u3014": "(", // 〔
  "\u3015": ")", // 〕
  "\u300C": "\u201C", // 「 → “
  "\u300D": "\u201D", // 」 → ”
  "\u300E": "\u2018", // 『 → ‘
  "\u300F": "\u2019", // 』 → ’
  "\u301C": "~", // 〜
  "\u2236": ":", // ∶
  "\uFF5E": "~",
};

/** Folds one character: full-width ASCII → half-width, dash and bracket variants → one form. */
export function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e && ch !== "\uFF5E")
    return String.fromCharCode(code - 0xfee0);
  if (DASHES.has(ch)) return "-";
  return SINGLE[ch] ?? ch;
}

/** Every character foldChar changes (one regular expression replace is far cheaper than a loop). */
const FOLDABLE =
  /[\uFF01-\uFF5E\u2010-\u2015\u2212\uFE58\uFE63\u3000\u00A0\t\u3014\u3015\u300C-\u300F\u301C\u2236]/g;

/** Folds a string character by character; the result has the same length as the input. */
export function fold(text: string): string {
  return text.replace(FOLDABLE, foldChar);
}
