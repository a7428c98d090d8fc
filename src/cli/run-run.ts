import { SingleBar } from "cli-progress";
import { FailOnSchema, type RunConfig } from "../config/schema.js";
import { ConfigError, runBatch } from "../run/run-batch.js";
import { stableStringify } from "../util/stable-json.js";
import { type CliIo, pathIn } from "./io.js";
import { warnVerdict } from "./run-compare.js";
import { withStopSignals } from "./signals.js";

export interface RunCommandOptions {
  config: string;
  quiet: boolean;
  json: boolean;
  failOn: string[];
  failUnder: string[];
  jobs?: number;
  shard?: { index: number; count: number };
  output?: string;
}

/** Progress bars only on a terminal, and only when there is more than a handful to do. */
const PROGRESS_MIN = 4;

/**
 * `plandiff run`: exit 0 within thresholds, 1 when a threshold is crossed, 2 on configuration
 * or input errors (one line per problem).
 */
export async function runRun(options: RunCommandOptions, io: CliIo): Promise<number> {
  let bar: SingleBar | null = null;
  try {
    const outcome = await withStopSignals((signal) =>
      runBatch({
        signal,
        configPath: pathIn(io, options.config),
        thresholds: extraThresholds(options),
        ...(options.jobs !== undefined ? { jobs: options.jobs } : {}),
        ...(options.shard ? { shard: options.shard } : {}),
        ...(options.output ? { output: pathIn(io, options.output) } : {}),
        onProgress: (done, total, label) => {
          if (!io.stderr.isTTY || options.quiet || total < PROGRESS_MIN) return;
          bar ??= new SingleBar({
            format: "{bar} {value}/{total} {label}",
            // Only on a terminal, which is a tty.WriteStream.
            stream: io.stderr as NodeJS.WritableStream,
            hideCursor: true,
          });
          if (done === 0) bar.start(total, 0, { label });
          bar.update(done, { label });
          if (done === total) bar.stop();
        },
      }),
    );
    const { record, runDir, warnings } = outcome;
    const { crossed } = outcome;
    for (const w of warnings) io.stderr.write(`plandiff: warning: ${w}\n`);
    for (const p of record.pairs)
      warnVerdict(io, p.summary.pair, outcome.lang, `${p.parent} → ${p.child}`);
    if (options.json) {
      io.stdout.write(
        `${stableStringify({ id: record.id, runDir, pairs: record.pairs.map((p) => ({ parent: p.parent, child: p.child, summary: p.summary.body, fidelity: p.summary.fidelity, findings: p.summary.findings })), changes: { new: record.changes.newFindings.length, resolved: record.changes.resolvedFindings.length }, crossed })}\n`,
      );
    } else if (!options.quiet) {
      for (const p of record.pairs) {
        const s = p.summary;
        io.stdout.write(
          `${p.parent} → ${p.child}: 正文覆盖率 ${(s.body.coverage * 100).toFixed(1)}%，应落实 ${(s.body.requiredCoverage * 100).toFixed(1)}%，清单 ${(s.appendix.coverage * 100).toFixed(1)}%，${s.safeguards.parentTasks > 0 ? `保障措施 ${(s.safeguards.coverage * 100).toFixed(1)}%，` : ""}忠实度 ${(s.fidelity * 100).toFixed(1)}%，问题 ${s.findings.total} 条\n`,
        );
      }
      io.stdout.write(
        `新增问题 ${record.changes.newFindings.length} 条，已解决 ${record.changes.resolvedFindings.length} 条 → ${runDir}\n`,
      );
      for (const c of crossed) io.stdout.write(`超出阈值: ${c}\n`);
    }
    return crossed.length > 0 ? 1 : 0;
  } catch (error) {
    (bar as SingleBar | null)?.stop();
    if (error instanceof ConfigError) {
      for (const line of error.lines) io.stderr.write(`plandiff: ${line}\n`);
      return 2;
    }
    throw error;
  }
}

/** --fail-on and --fail-under given on the command line, checked like the config's own. */
function extraThresholds(options: RunCommandOptions): RunConfig["thresholds"] {
  const errors: string[] = [];
  const failOn = options.failOn.filter((rule) => {
    const ok = FailOnSchema.safeParse(rule).success;
    if (!ok) errors.push(`--fail-on: "${rule}" is not like required-missing>0`);
    return ok;
  });
  const failUnder: RunConfig["thresholds"]["failUnder"] = {};
  for (const rule of options.failUnder) {
    const m = /^(coverage|requiredCoverage|fidelity)=(0(?:\.\d+)?|1(?:\.0+)?)$/.exec(rule);
    if (m) failUnder[m[1] as keyof typeof failUnder] = Number(m[2]);
    else errors.push(`--fail-under: "${rule}" is not like coverage=0.8`);
  }
  if (errors.length > 0) throw new ConfigError(errors);
  return { failOn, failUnder };
}
