import { compareDocuments } from "../compare.js";
import { loadUnitAliases } from "../config/unit-aliases.js";
import { DEFAULT_DIFF_OPTIONS, type RuleId } from "../diff/index.js";
import { assignIds } from "../discover/ids.js";
import { isDoubtful, type PairVerdict } from "../model/compare.js";
import { SEVERITY_ORDER, type Severity } from "../model/finding.js";
import type { Lang } from "../model/lang.js";
import { parseDocument } from "../pipeline.js";
import { type FormatId, formatters } from "../report/index.js";
import { verdictLine } from "../report/shared/labels.js";
import { decisionsForPair, type StaleDecision } from "../review/apply.js";
import { loadReview } from "../review/load-review.js";
import { ConfigError } from "../run/config-error.js";
import { escapeControl, PlandiffError } from "../util/errors.js";
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
  /** A review file: its decisions about these two documents are applied. */
  review?: string;
  /** A unit alias file (the format of a run's `units:`): renamed or local unit names. */
  units?: string;
}

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
  const documents = documentIds(parentSpec, parent.index, childSpec, child.index);
  const review = options.review ? pairDecisions(options.review, documents, io) : null;
  const aliases = options.units ? unitAliases(options.units, io) : [];
  const result = compareDocuments(parent, child, {
    diff: {
      ...DEFAULT_DIFF_OPTIONS,
      lang: options.lang,
      minSeverity: options.minSeverity,
      disabled: options.disable,
      unitAliases: aliases,
    },
    ...(review ? review.options : {}),
  });
  const text = await formatters[options.format](result, {
    color: !options.out && colorEnabled(io),
    lang: options.lang,
    documents,
  });
  if (options.out) writeFileAtomic(pathIn(io, options.out), text);
  else if (typeof text !== "string" && io.stdout.isTTY) {
    throw new PlandiffError(
      "binary-output",
      `--format ${options.format} writes a binary file: add --out FILE`,
    );
  } else io.stdout.write(text);
  warnVerdict(io, result.summary.pair, options.lang);
  if (review) warnStale(io, options.review ?? "", review.stale);
  if (!options.failOn) return 0;
  // A pair that is no parent and child fails whatever its findings (the findings mean little).
  if (isDoubtful(result.summary.pair)) return 1;
  const limit = SEVERITY_ORDER.indexOf(options.failOn);
  return result.findings.some((f) => SEVERITY_ORDER.indexOf(f.severity) <= limit) ? 1 : 0;
}

/**
 * The ids a review file names the two documents by: those `plandiff discover --config` gives
 * their files (the file name without its extension; other characters than letters, digits, '.',
 * '_' and '-' replaced, with a short hash; `-N` for FILE#N).
 */
export function documentIds(
  parentSpec: string,
  parentIndex: number,
  childSpec: string,
  childIndex: number,
): { parent: string; child: string } {
  const entry = (spec: string, index: number) => ({
    path: spec.replace(/#\d+$/, ""),
    index,
    bundled: /#\d+$/.test(spec),
  });
  const [parent = "parent", child = "child"] = assignIds([
    entry(parentSpec, parentIndex),
    entry(childSpec, childIndex),
  ]);
  return { parent, child };
}

/** The decisions of a review file about this pair, and a collector of the stale ones. */
/** The unit aliases of a file, or its one-line errors (exit 2). */
function unitAliases(path: string, io: CliIo): [string, string][] {
  const loaded = loadUnitAliases(pathIn(io, path));
  if (!loaded.ok) throw new ConfigError(loaded.errors);
  return loaded.aliases;
}

function pairDecisions(path: string, documents: { parent: string; child: string }, io: CliIo) {
  const loaded = loadReview(pathIn(io, path));
  if (!loaded.ok) throw new ConfigError(loaded.errors);
  const decisions = decisionsForPair(loaded.review, documents.parent, documents.child);
  if (loaded.review.decisions.length > 0 && decisions.length === 0) {
    io.stderr.write(
      `plandiff: ⚠ ${escapeControl(path)}: no decision names parentDoc "${documents.parent}" and childDoc "${documents.child}" (the ids of these two files)\n`,
    );
  }
  const stale: StaleDecision[] = [];
  return {
    options: { review: decisions, onReview: (_: number[], s: StaleDecision[]) => stale.push(...s) },
    stale,
  };
}

/** One line per decision that no longer applies. */
function warnStale(io: CliIo, path: string, stale: readonly StaleDecision[]): void {
  for (const s of stale) {
    io.stderr.write(
      `plandiff: ⚠ ${escapeControl(path)}: decisions.${s.index} is stale: ${escapeControl(s.reason)}\n`,
    );
  }
}
