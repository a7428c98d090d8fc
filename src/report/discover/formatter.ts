import type { DiscoverResult } from "../../model/discover.js";

/** A pure function from the discover result to text; only the CLI writes. */
export type DiscoverFormatter = (result: DiscoverResult) => string;
