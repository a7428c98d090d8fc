import { json } from "./json.js";

/** Output formats of `plandiff compare`: the only list; `--format` choices come from its keys. */
export const formatters = {
  json,
} as const;

export type FormatId = keyof typeof formatters;
