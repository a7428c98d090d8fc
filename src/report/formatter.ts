import type { CompareResult } from "../model/compare.js";

/** Options every compare formatter understands. */
export interface FormatOptions {
  /** Terminal output may use colour (TTY and no NO_COLOR). */
  color: boolean;
}

/** A pure function from the compare result to text; only the CLI writes. */
export type Formatter = (result: CompareResult, options: FormatOptions) => string;
