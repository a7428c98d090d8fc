import type { Lang } from "../model/lang.js";
import { mergeRuns } from "../run/merge.js";
import { type CliIo, pathIn } from "./io.js";
import { withStopSignals } from "./signals.js";

export interface MergeCommandOptions {
  output: string;
  lang: Lang;
  quiet: boolean;
}

/** `plandiff merge`: exit 0 when merged; errors (exit 2, one line) are thrown to the caller. */
export async function runMerge(
  runs: string[],
  options: MergeCommandOptions,
  io: CliIo,
): Promise<number> {
  const { record, runDir } = await withStopSignals((signal) =>
    mergeRuns({
      runs: runs.map((r) => pathIn(io, r)),
      output: pathIn(io, options.output),
      lang: options.lang,
      signal,
    }),
  );
  if (!options.quiet) {
    io.stdout.write(`${runs.length} 个分片，${record.pairs.length} 组比对 → ${runDir}\n`);
  }
  return 0;
}
