import { csv } from "./csv.js";
import { docx } from "./docx.js";
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
  docx,
} as const satisfies Record<string, Formatter>;

export type FormatId = keyof typeof formatters;

/** Formats meant for a terminal only, which `plandiff run` does not write. */
const TERMINAL_ONLY = ["table"] as const satisfies readonly FormatId[];
export type RunFormatId = Exclude<FormatId, (typeof TERMINAL_ONLY)[number]>;

/** The formats a run writes per pair (the config's `formats` choices): every file format. */
export const RUN_FORMAT_IDS = (Object.keys(formatters) as FormatId[]).filter(
  (f): f is RunFormatId => !(TERMINAL_ONLY as readonly FormatId[]).includes(f),
) as [RunFormatId, ...RunFormatId[]];

/** File extension of a format's output: the format id, but the terminal table is plain text. */
export function extensionOf(format: FormatId): string {
  return format === "table" ? "txt" : format;
}
