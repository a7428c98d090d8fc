import { compareDocuments } from "../align/index.js";
import { parseDocument } from "../pipeline.js";
import { type FormatId, formatters } from "../report/index.js";
import { writeFileAtomic } from "../util/write-atomic.js";
import { colorEnabled, writeOut } from "./io.js";

export interface CompareCommandOptions {
  format: FormatId;
  out?: string;
}

/** `plandiff compare PARENT CHILD`: parse both, align, format, write. */
export async function runCompare(
  parentSpec: string,
  childSpec: string,
  options: CompareCommandOptions,
): Promise<number> {
  const parent = await parseDocument(parentSpec);
  const child = await parseDocument(childSpec);
  const result = compareDocuments(parent, child);
  const text = formatters[options.format](result, { color: !options.out && colorEnabled() });
  if (options.out) writeFileAtomic(options.out, text);
  else writeOut(text);
  return 0;
}
