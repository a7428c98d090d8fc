/** A file decoded to text (before normalisation). */
export interface SourceText {
  /** The path as the user gave it. */
  file: string;
  /** The encoding the bytes were decoded from (utf-8, utf-16le, gb18030, …). */
  encoding: string;
  text: string;
}

/**
 * One line of a document after normalisation. `text` keeps the original characters (for display);
 * `norm` is the same line folded for analysis, with exactly one character per character of `text`
 * so that positions found in `norm` slice `text`.
 */
export interface Line {
  /** 1-based line number in the original file (of the first original line, for joined lines). */
  line: number;
  text: string;
  norm: string;
  /** The original line was tab-indented: a table cell laid out one cell per line. */
  cell: boolean;
  /**
   * How the line was repaired on the way in (src/ingest): `split` off a line that ran several
   * units together, `unwrapped` (joined across a hard wrap), `unmarked` (Markdown marks removed).
   * Absent when the line is as written.
   */
  repairs?: readonly LineRepair[];
}

export type LineRepair = "split" | "unwrapped" | "unmarked";

/** One document of a file: its lines, ready for parsing. */
export interface DocumentSource {
  file: string;
  /** 1-based position in the file. */
  index: number;
  lines: Line[];
}
