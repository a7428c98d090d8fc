import type { Lang } from "../model/lang.js";
import { mergeRuns } from "../run/merge.js";

export interface MergeCommandOptions {
  output: string;
  lang: Lang;
  quiet: boolean;
}

/** `plandiff merge`: exit 0 when merged; errors (exit 2, one line) are thrown to the caller. */
export async function runMerge(runs: string[], options: MergeCommandOptions): Promise<number> {
  const { record, runDir } = await mergeRuns({ runs, output: options.output, lang: options.lang });
  if (!options.quiet) {
    process.stdout.write(`${runs.length} 个分片，${record.pairs.length} 组比对 → ${runDir}\n`);
  }
  return 0;
}
