/** A piece of a text between marks: `start`–`end` all of it, `from`–`to` its trimmed content. */
export interface Piece {
  start: number;
  /** Where the mark that ends it is (the text's length for the last piece). */
  end: number;
  from: number;
  /** Equal to `from` when the piece is blank. */
  to: number;
}

/**
 * The pieces of a text between one-character marks (`mark` tests one character), each with where
 * its content lies without the white space around it: the text's sentences or clauses.
 */
export function piecesBetween(text: string, mark: RegExp): Piece[] {
  const out: Piece[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !mark.test(text[i] as string)) continue;
    const raw = text.slice(start, i);
    const from = start + raw.length - raw.trimStart().length;
    out.push({ start, end: i, from, to: Math.max(from, start + raw.trimEnd().length) });
    start = i + 1;
  }
  return out;
}
