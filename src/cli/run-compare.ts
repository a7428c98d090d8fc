import { compareDocuments } from "../compare.js";
import { DEFAULT_DIFF_OPTIONS, type RuleId } from "../diff/index.js";
import type { PairVerdict } from "../model/compare.js";
import { SEVERITY_ORDER, type Severity } from "../model/finding.js";
import type { Lang } from "../model/lang.js";
import { parseDocument } from "../pipeline.js";
import { type FormatId, formatters } from "../report/index.js";
import { verdictLine } from "../report/shared/labels.js";
import { PlandiffError } from "../util/errors.js";
import { writeFileAtomic } from "../util/write-atomic.js";
import { type CliIo, colorEnabled, pathIn } from "./io.js";

export interface CompareCommandOptions {
  format: FormatId;
  out?: string;
  lang: Lang;
  minSeverity: Severity;
  /** Exit with 1 when a finding at or above this severity is reported. */
  failOn?: Severity;
  disable: RuleId[];
  maxBytes: number;
}

/** Verdicts `--fail-on` fails whatever the findings. */
const DOUBTFUL: ReadonlySet<PairVerdict["verdict"]> = new Set(["reversed", "unrelated"]);

/** One line on stderr when the two documents are not a parent and its child. */
export function warnVerdict(io: CliIo, pair: PairVerdict, lang: Lang, name = ""): void {
  if (pair.verdict === "ok") return;
  const prefix = name === "" ? "" : `${name}: `;
  io.stderr.write(`plandiff: ⚠ ${prefix}${verdictLine(pair, lang).text}\n`);
}

/** `plandiff compare PARENT CHILD`: parse both, align, format, write. */
export async function runCompare(
  parentSpec: string,
  childSpec: string,
  options: CompareCommandOptions,
  io: CliIo,
): Promise<number> {
  const parent = await parseDocument(pathIn(io, parentSpec), { maxBytes: options.maxBytes });
  const child = await parseDocument(pathIn(io, childSpec), { maxBytes: options.maxBytes });
  const result = compareDocuments(parent, child, {
    diff: {
      ...DEFAULT_DIFF_OPTIONS,
      lang: options.lang,
      minSeverity: options.minSeverity,
      disabled: options.disable,
    },
  });
  const text = await formatters[options.format](result, {
    color: !options.out && colorEnabled(io),
    lang: options.lang,
  });
  if (options.out) writeFileAtomic(pathIn(io, options.out), text);
  else if (typeof text !== "string" && io.stdout.isTTY) {
    throw new PlandiffError(
      "binary-output",
      `--format ${options.format} writes a binary file: add --out FILE`,
    );
  } else io.stdout.write(text);
  warnVerdict(io, result.summary.pair, options.lang);
  if (!options.failOn) return 0;
  // A pair that is no parent and child fails whatever its findings (the findings mean little).
  if (DOUBTFUL.has(result.summary.pair.verdict)) return 1;
  const limit = SEVERITY_ORDER.indexOf(options.failOn);
  return result.findings.some((f) => SEVERITY_ORDER.indexOf(f.severity) <= limit) ? 1 : 0;
}
