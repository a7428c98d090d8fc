/**
 * The offset-keeping fold: NFKC text without stray spaces, for matching phrases, with where each
 * unit came from, so that a match can be cut from the text as printed. (The plain fold of
 * `fold.ts` keeps the length instead and changes fewer characters.)
 */

export interface Folded {
  text: string;
  /** For each UTF-16 unit of `text`, the offset in the source where its character starts. */
  from: number[];
  /** For each UTF-16 unit of `text`, the offset in the source just past its character. */
  to: number[];
}

/**
 * By UTF-16 unit: 1 when the unit is a whole character that is not a space and that NFKC leaves
 * as it is (most of a Chinese text), 2 otherwise, 0 not yet known.
 */
const PLAIN = new Uint8Array(0x10000);

function isPlain(code: number): boolean {
  let known = PLAIN[code] as number;
  if (known === 0) {
    const char = String.fromCharCode(code);
    const plain =
      (code < 0xd800 || code > 0xdfff) && char.normalize("NFKC") === char && !/\s/.test(char);
    known = plain ? 1 : 2;
    PLAIN[code] = known;
  }
  return known === 1;
}

const SPACE = /^\s+$/;
const ENDS_ASCII_WORD = /[A-Za-z0-9]$/;
const STARTS_ASCII_WORD = /^[A-Za-z0-9]/;

/**
 * Each character NFKC-normalised, runs of spaces dropped except between two ASCII words
 * ("2022 年底前" reads as "2022年底前", "Q 2" keeps its space), and for every unit of the
 * result where its character was in the source. Plain characters (see `isPlain`) are copied.
 */
export function foldKeepingOffsets(source: string): Folded {
  const from: number[] = [];
  const to: number[] = [];
  const parts: string[] = [];
  /** Spaces seen since the last kept character: [text, from, to]. */
  let spaces: [string, number, number][] = [];
  let lastKept = "";
  const keep = (text: string, start: number, end: number) => {
    parts.push(text);
    for (let k = 0; k < text.length; k++) {
      from.push(start);
      to.push(end);
    }
  };
  let offset = 0;
  while (offset < source.length) {
    const code = source.charCodeAt(offset);
    if (isPlain(code)) {
      // Not a space: pending spaces are kept only between two ASCII words.
      if (spaces.length > 0) {
        const char = source[offset] as string;
        if (ENDS_ASCII_WORD.test(lastKept) && STARTS_ASCII_WORD.test(char))
          for (const [text, start, end] of spaces) keep(text, start, end);
        spaces = [];
      }
      let end = offset + 1;
      while (end < source.length && isPlain(source.charCodeAt(end))) end++;
      parts.push(source.slice(offset, end));
      for (let k = offset; k < end; k++) {
        from.push(k);
        to.push(k + 1);
      }
      lastKept = source[end - 1] as string;
      offset = end;
      continue;
    }
    const length = (source.codePointAt(offset) as number) > 0xffff ? 2 : 1;
    const text = source.slice(offset, offset + length).normalize("NFKC");
    if (SPACE.test(text)) spaces.push([text, offset, offset + length]);
    else {
      if (ENDS_ASCII_WORD.test(lastKept) && STARTS_ASCII_WORD.test(text))
        for (const [space, start, end] of spaces) keep(space, start, end);
      spaces = [];
      keep(text, offset, offset + length);
      lastKept = text;
    }
    offset += length;
  }
  return { text: parts.join(""), from, to };
}
