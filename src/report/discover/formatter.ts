import type { DiscoverResult } from "../../model/discover.js";
import type { Lang } from "../../model/lang.js";

/** Options every discover formatter understands. */
export interface DiscoverFormatOptions {
  /** Language of headings and labels: Chinese when absent (evidence comes worded already). */
  lang?: Lang;
}

/** A pure function from the discover result to text; only the CLI writes. */
export type DiscoverFormatter = (result: DiscoverResult, options?: DiscoverFormatOptions) => string;
