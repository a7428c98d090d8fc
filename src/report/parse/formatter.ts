import type { ParseResult } from "../../model/document.js";
import type { Lang } from "../../model/lang.js";

/** Options every parse formatter understands. */
export interface ParseFormatOptions {
  /** Terminal output may use colour (TTY and no NO_COLOR). */
  color: boolean;
  /** Language of headings and labels: Chinese when absent (document text is never translated). */
  lang?: Lang;
}

/** A pure function from the parse result to text; only the CLI writes. */
export type ParseFormatter = (result: ParseResult, options: ParseFormatOptions) => string;
