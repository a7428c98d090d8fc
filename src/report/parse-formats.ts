import { parseJson } from "./parse-json.js";
import { parseMarkdown } from "./parse-markdown.js";
import { parseTable } from "./parse-table.js";

/** Output formats of `plandiff parse`: the only list; `--format` choices come from its keys. */
export const parseFormatters = {
  json: parseJson,
  table: parseTable,
  md: parseMarkdown,
} as const;

export type ParseFormatId = keyof typeof parseFormatters;
