import { isAbsolute, relative, sep } from "node:path";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { type RuleId, rules } from "../diff/index.js";
import { DEFAULT_MAX_BYTES } from "../ingest/read-source.js";
import { supportedExtensions } from "../ingest/readers/index.js";
import { type Severity, SeveritySchema } from "../model/finding.js";
import { type Lang, LangSchema } from "../model/lang.js";
import { discoverFormatters } from "../report/discover/index.js";
import { formatters } from "../report/index.js";
import { parseFormatters } from "../report/parse/index.js";
import { escapeControl, fileSystemErrorLine, isPlandiffError } from "../util/errors.js";
import { type CliIo, colorEnabled } from "./io.js";
import { runCompare } from "./run-compare.js";
import { type DiscoverCommandOptions, runDiscover } from "./run-discover.js";
import { type MergeCommandOptions, runMerge } from "./run-merge.js";
import { runParse } from "./run-parse.js";
import { type RunCommandOptions, runRun } from "./run-run.js";

/** The extensions the readers take, for the help texts (.doc .docx .html …). */
const READABLE = supportedExtensions()
  .map((e) => `.${e}`)
  .join(" ");

/** --jobs: worker threads, 1 to 64. */
function positiveInteger(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0 || n > 64)
    throw new InvalidArgumentError("a whole number from 1 to 64");
  return n;
}

/** --shard k/n: the k-th of n slices of the children. */
function shardOf(v: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(v);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count)
    throw new InvalidArgumentError("k/n with 1 ≤ k ≤ n, e.g. 2/8");
  return { index, count };
}

/** --max-bytes: larger input files are refused (documented limit, 50 MiB by default). */
function maxBytesOption(): Option {
  return new Option("--max-bytes <bytes>", "refuse input files larger than this")
    .argParser((v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n <= 0)
        throw new InvalidArgumentError("a positive whole number of bytes");
      return n;
    })
    .default(DEFAULT_MAX_BYTES);
}

interface CompareCliOptions {
  maxBytes: number;
  format: keyof typeof formatters;
  out?: string;
  lang: Lang;
  minSeverity: Severity;
  failOn?: Severity;
  disable: RuleId[];
  review?: string;
  units?: string;
}

/**
 * The whole CLI as a function: `argv` without node and the script (process.argv.slice(2)),
 * output to `io`, the exit code returned. Exit codes: 0 done, 1 findings at or above the
 * threshold (compare, run), 2 bad input or usage. A new program per call: nothing is kept.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let code = 0;
  try {
    await buildProgram(io, (c) => {
      code = c;
    }).parseAsync([...argv], { from: "user" });
    return code;
  } catch (error) {
    return exitCodeOf(error, io);
  }
}

/** The commands; each action hands its exit code to `exit`. */
function buildProgram(io: CliIo, exit: (code: number) => void): Command {
  const program = new Command()
    .name("plandiff")
    .description("比对下级实施方案与上级行动计划 — compare a lower-level plan with its parent plan")
    .version("0.1.0")
    .showHelpAfterError()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      getOutHelpWidth: () => (io.stdout.isTTY && io.stdout.columns) || 80,
      getErrHelpWidth: () => (io.stderr.isTTY && io.stderr.columns) || 80,
      getOutHasColors: () => colorEnabled(io),
      getErrHasColors: () => colorEnabled({ ...io, stdout: io.stderr }),
    })
    .exitOverride();

  program
    .command("parse")
    .description("parse plans into task lists (FILE#N picks the N-th document of a bundle)")
    .argument("<files...>", `plan files (${READABLE}), optionally FILE#N`)
    .addOption(maxBytesOption())
    .addOption(
      new Option("-f, --format <format>", "output format")
        .choices(Object.keys(parseFormatters))
        .default("json"),
    )
    .option("-o, --out <path>", "write to a file instead of stdout")
    .addOption(
      new Option("--lang <lang>", "language of headings and labels (document text as it is)")
        .choices(LangSchema.options)
        .default("zh"),
    )
    .action(
      async (
        files: string[],
        opts: { format: keyof typeof parseFormatters; out?: string; maxBytes: number; lang: Lang },
      ) => {
        const { out, ...rest } = opts;
        exit(await runParse(files, out ? { ...rest, out } : rest, io));
      },
    );

  program
    .command("compare")
    .description("align a child plan with its parent plan (PARENT and CHILD may be FILE#N)")
    .argument("<parent>", "the parent plan")
    .argument("<child>", "the child (implementation) plan")
    .addOption(maxBytesOption())
    .addOption(
      new Option("-f, --format <format>", "output format")
        .choices(Object.keys(formatters))
        .default("json"),
    )
    .option("-o, --out <path>", "write to a file instead of stdout")
    .addOption(
      new Option("--lang <lang>", "language of messages").choices(LangSchema.options).default("zh"),
    )
    .addOption(
      new Option("--min-severity <severity>", "drop findings below this severity")
        .choices(SeveritySchema.options)
        .default("info"),
    )
    .addOption(
      new Option(
        "--fail-on <severity>",
        "exit with code 1 when a finding at or above this severity is found",
      ).choices(SeveritySchema.options),
    )
    .addOption(
      new Option("--disable <rule...>", "switch diff rules off")
        .choices(Object.keys(rules))
        .default([]),
    )
    .option(
      "--review <file>",
      "apply the decisions of a review file (YAML or JSON) about these two documents",
    )
    .option(
      "--units <file>",
      "unit aliases (YAML or JSON, `aliases: {old: new}`): renamed or local unit names",
    )
    .action(async (parent: string, child: string, opts: CompareCliOptions) => {
      const { out, failOn, review, units, ...rest } = opts;
      exit(
        await runCompare(
          parent,
          child,
          {
            ...rest,
            ...(out ? { out } : {}),
            ...(failOn ? { failOn } : {}),
            ...(review ? { review } : {}),
            ...(units ? { units } : {}),
          },
          io,
        ),
      );
    });

  program
    .command("run")
    .description(
      "compare every configured child with its parent, store the run, report changes since the last run",
    )
    .option("-c, --config <file>", "configuration (YAML or JSON)", "plandiff.config.yaml")
    .option("-q, --quiet", "print nothing but errors", false)
    .option("--json", "print a JSON summary on stdout", false)
    .option("--fail-on <rule...>", "exit 1 when a count is crossed, e.g. required-missing>0", [])
    .option("--fail-under <rule...>", "exit 1 when a child scores below, e.g. coverage=0.8", [])
    .option(
      "-j, --jobs <n>",
      "worker threads (default: the config's jobs, else one per core once files × cores ≥ 600)",
      positiveInteger,
    )
    .option("--shard <k/n>", "compare only the k-th of n slices of the children (1-based)", shardOf)
    .option("-o, --output <dir>", "output folder instead of the config's (e.g. one per shard)")
    .action(async (opts: RunCommandOptions) => {
      exit(await runRun(opts, io));
    });

  program
    .command("discover")
    .description("propose the parent of each document of a pile (cited, then by content)")
    .argument("<inputs...>", `folders (their ${READABLE} files), files, FILE#N, *.txt`)
    .addOption(maxBytesOption())
    .addOption(
      new Option("-f, --format <format>", "output format")
        .choices(Object.keys(discoverFormatters))
        .default("json"),
    )
    .option("-o, --out <path>", "write to a file instead of stdout")
    .option("-c, --config <path>", "also write a plandiff run configuration with the parents")
    .addOption(
      new Option("--lang <lang>", "language of evidence, notes and labels")
        .choices(LangSchema.options)
        .default("zh"),
    )
    .action(async (inputs: string[], opts: DiscoverCommandOptions) => {
      exit(await runDiscover(inputs, opts, io));
    });

  program
    .command("merge")
    .description("put the shards of one configuration (run --shard K/N) together as one run")
    .argument("<runs...>", "run folders of the shards (<output>/runs/<id> or <output>/latest)")
    .requiredOption("-o, --output <dir>", "where the merged run is stored")
    .addOption(
      new Option("--lang <lang>", "language of the overview")
        .choices(LangSchema.options)
        .default("zh"),
    )
    .option("-q, --quiet", "print nothing but errors", false)
    .action(async (runs: string[], opts: MergeCommandOptions) => {
      exit(await runMerge(runs, opts, io));
    });
  return program;
}

function exitCodeOf(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    // Commander has printed its message already; help and version are not errors.
    return error.exitCode === 0 ? 0 : 2;
  }
  if (isPlandiffError(error)) {
    // One line per line the error means to print (a configuration error lists each problem);
    // anything else a message holds (a newline in a file name) is shown escaped.
    const lines = "lines" in error && Array.isArray(error.lines) ? error.lines : [error.message];
    for (const line of lines) io.stderr.write(`plandiff: ${escapeControl(String(line))}\n`);
    return 2;
  }
  const fsLine = fileSystemErrorLine(error, (path) => shownPath(path, io.cwd));
  if (fsLine !== null) {
    io.stderr.write(`plandiff: ${fsLine}\n`);
    if (io.env.PLANDIFF_DEBUG && error instanceof Error) io.stderr.write(`${error.stack}\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`plandiff: internal error: ${escapeControl(message)}\n`);
  if (io.env.PLANDIFF_DEBUG && error instanceof Error) io.stderr.write(`${error.stack}\n`);
  return 2;
}

/** A path in a message: relative to the working folder when inside it, else as it is. */
function shownPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel === "" || rel.startsWith("..") || isAbsolute(rel) ? path : rel.split(sep).join("/");
}
