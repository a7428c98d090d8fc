import type { ParseResult, PlanDocument } from "../model/document.js";
import type { Lang } from "../model/lang.js";
import { parseFile } from "../pipeline.js";
import { type ParseFormatId, parseFormatters } from "../report/parse/index.js";
import { writeFileAtomic } from "../util/write-atomic.js";
import { type CliIo, colorEnabled, pathIn } from "./io.js";

export interface ParseCommandOptions {
  format: ParseFormatId;
  maxBytes: number;
  out?: string;
  /** Language of the table and Markdown headings and labels; Chinese when absent. */
  lang?: Lang;
}

/** `plandiff parse FILE[#N]…`: parse every document, format, write to --out or stdout. */
export async function runParse(
  specs: string[],
  options: ParseCommandOptions,
  io: CliIo,
): Promise<number> {
  const documents: PlanDocument[] = [];
  for (const spec of specs)
    documents.push(...(await parseFile(pathIn(io, spec), { maxBytes: options.maxBytes })));
  const result: ParseResult = { schemaVersion: 1, documents };
  const text = parseFormatters[options.format](result, {
    color: !options.out && colorEnabled(io),
    lang: options.lang ?? "zh",
  });
  if (options.out) writeFileAtomic(pathIn(io, options.out), text);
  else io.stdout.write(text);
  for (const doc of documents) {
    if (doc.tasks.length === 0) {
      io.stderr.write(`plandiff: warning: ${doc.file}#${doc.index}: no recognisable tasks\n`);
    }
  }
  return 0;
}
