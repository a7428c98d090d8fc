import type { ParseFormatter } from "./formatter.js";
import { parseJson } from "./json.js";
import { parseMarkdown } from "./markdown.js";
import { parseTable } from "./table.js";

/** Output formats of `plandiff parse`: the only list; `--format` choices come from its keys. */
export const parseFormatters = {
  json: parseJson,
  table: parseTable,
  md: parseMarkdown,
} as const satisfies Record<string, ParseFormatter>;

export type ParseFormatId = keyof typeof parseFormatters;
