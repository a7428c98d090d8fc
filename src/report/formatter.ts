import type { CompareResult } from "../model/compare.js";
import type { Lang } from "../model/lang.js";

/** Options every compare formatter understands. */
export interface FormatOptions {
  /** Terminal output may use colour (TTY and no NO_COLOR). */
  color: boolean;
  /** Language of headings and labels (messages come in the result already). */
  lang: Lang;
  /**
   * The ids review decisions name the two documents by (`parentDoc`, `childDoc`): a run's
   * document ids, or those `compare` gives its two files. The HTML report writes them into the
   * review files it exports; absent, they are `parent` and `child`.
   */
  documents?: { parent: string; child: string };
}

/** What a formatter produces: text, or bytes for binary formats (xlsx). */
export type FormatOutput = string | Uint8Array;

/** A pure function from the compare result to text or bytes; only the CLI writes. */
export type Formatter = (
  result: CompareResult,
  options: FormatOptions,
) => FormatOutput | Promise<FormatOutput>;
