import { discover } from "../discover/index.js";
import { discoverConfigText } from "../report/discover/config.js";
import { type DiscoverFormatId, discoverFormatters } from "../report/discover/index.js";
import { writeFileAtomic } from "../util/write-atomic.js";
import { writeOut } from "./io.js";

export interface DiscoverCommandOptions {
  format: DiscoverFormatId;
  maxBytes: number;
  out?: string;
  config?: string;
}

/**
 * `plandiff discover DIR|FILE|PATTERN…`: propose the parent of every document; the result to
 * --out or stdout, a run configuration to --config. Unreadable files are skipped with a warning.
 */
export async function runDiscover(
  inputs: string[],
  options: DiscoverCommandOptions,
): Promise<number> {
  const cwd = process.cwd();
  const result = await discover(inputs, {
    cwd,
    maxBytes: options.maxBytes,
    onSkip: (s) => process.stderr.write(`plandiff: warning: ${s.file}: ${s.message} (skipped)\n`),
  });
  const text = discoverFormatters[options.format](result);
  if (options.config)
    writeFileAtomic(options.config, discoverConfigText(result, options.config, cwd));
  if (options.out) writeFileAtomic(options.out, text);
  else writeOut(text);
  return 0;
}
