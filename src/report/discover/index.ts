import type { DiscoverFormatter } from "./formatter.js";
import { discoverJson } from "./json.js";
import { discoverTable } from "./table.js";

/** Output formats of `plandiff discover`: the only list; `--format` choices come from its keys. */
export const discoverFormatters = {
  json: discoverJson,
  table: discoverTable,
} as const satisfies Record<string, DiscoverFormatter>;

export type DiscoverFormatId = keyof typeof discoverFormatters;
