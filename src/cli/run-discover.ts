import { discover } from "../discover/index.js";
import type { Lang } from "../model/lang.js";
import { discoverConfigText } from "../report/discover/config.js";
import { type DiscoverFormatId, discoverFormatters } from "../report/discover/index.js";
import { writeFileAtomic } from "../util/write-atomic.js";
import { type CliIo, pathIn } from "./io.js";

export interface DiscoverCommandOptions {
  format: DiscoverFormatId;
  maxBytes: number;
  out?: string;
  config?: string;
  lang: Lang;
}

/**
 * `plandiff discover DIR|FILE|PATTERN…`: propose the parent of every document; the result to
 * --out or stdout, a run configuration to --config. Unreadable files are skipped with a warning.
 */
export async function runDiscover(
  inputs: string[],
  options: DiscoverCommandOptions,
  io: CliIo,
): Promise<number> {
  const { cwd } = io;
  const result = await discover(inputs, {
    cwd,
    maxBytes: options.maxBytes,
    lang: options.lang,
    onSkip: (s) => io.stderr.write(`plandiff: warning: ${s.file}: ${s.message} (skipped)\n`),
  });
  const text = discoverFormatters[options.format](result, { lang: options.lang });
  if (options.config)
    writeFileAtomic(
      pathIn(io, options.config),
      discoverConfigText(result, options.config, cwd, options.lang),
    );
  if (options.out) writeFileAtomic(pathIn(io, options.out), text);
  else io.stdout.write(text);
  return 0;
}
