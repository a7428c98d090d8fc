import { csv } from "./csv.js";
import type { Formatter } from "./formatter.js";
import { html } from "./html.js";
import { json } from "./json.js";
import { markdown } from "./markdown.js";
import { table } from "./table.js";
import { xlsx } from "./xlsx.js";

/** Output formats of `plandiff compare`: the only list; `--format` choices come from its keys. */
export const formatters = {
  json,
  md: markdown,
  html,
  table,
  csv,
  xlsx,
} as const satisfies Record<string, Formatter>;

export type FormatId = keyof typeof formatters;

/** File extension of a format's output: the format id, but the terminal table is plain text. */
export function extensionOf(format: FormatId): string {
  return format === "table" ? "txt" : format;
}
