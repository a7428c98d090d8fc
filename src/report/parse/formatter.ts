import type { ParseResult } from "../../model/document.js";

/** Options every parse formatter understands. */
export interface ParseFormatOptions {
  /** Terminal output may use colour (TTY and no NO_COLOR). */
  color: boolean;
}

/** A pure function from the parse result to text; only the CLI writes. */
export type ParseFormatter = (result: ParseResult, options: ParseFormatOptions) => string;
