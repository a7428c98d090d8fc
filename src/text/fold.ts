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
  "\uFE5D": "(", // ﹝ (printed for 〔 in many 文号)
  "\uFE5E": ")", // ﹞
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

/**
 * Every UTF-16 code unit folded as `foldChar` folds it, made on first use from the same rules (not
 * by calling it 65,536 times, which is slow in every thread; a test compares the two).
 */
let folded: Uint16Array | undefined;

function foldTable(): Uint16Array {
  if (folded) return folded;
  const table = new Uint16Array(0x10000);
  for (let code = 0; code < 0x10000; code++) table[code] = code;
  for (let code = 0xff01; code < 0xff5e; code++) table[code] = code - 0xfee0;
  for (const dash of DASHES) table[dash.charCodeAt(0)] = 0x2d;
  for (const [from, to] of Object.entries(SINGLE)) table[from.charCodeAt(0)] = to.charCodeAt(0);
  folded = table;
  return table;
}

/**
 * Folds a string character by character; the result has the same length as the input. A table
 * lookup per code unit and the unchanged runs copied as slices (faster than a replace with a
 * callback; this runs on every text a comparison reads, several times).
 */
export function fold(text: string): string {
  const table = foldTable();
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const to = table[code] as number;
    if (to !== code) {
      out += text.slice(from, i) + String.fromCharCode(to);
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}
