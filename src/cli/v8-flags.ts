import { setFlagsFromString } from "node:v8";

/**
 * V8 flags for the `plandiff` command's process, set once when the CLI starts, before any worker
 * thread. V8 flags are process-wide, so only the CLI sets them, for a process it owns; the library
 * (`runBatch`, its worker pool) sets none and works with V8's defaults, only more slowly. Why
 * each flag helps, and by how much: docs/performance.md.
 *
 * - `--min-semi-space-size`: where the semi-spaces of a heap start. V8 reads it when it makes a
 *   heap, so the main thread's heap, made before this runs, keeps V8's default; heaps made later
 *   — the pool's workers, the PDF reader's thread — start their young generation at this size,
 *   capped by their own maximum (`resourceLimits.maxYoungGenerationSizeMb` of the pool's workers,
 *   V8's default for the others).
 * - `--max-inlined-bytecode-size-cumulative`: the optimising compiler's inlining budget, for
 *   every thread. It changes what is compiled, not what the code does.
 *
 * A flag the process's command line sets (`node --flag=value`) is left as it is.
 */
export const CLI_V8_FLAGS: readonly string[] = [
  "--min-semi-space-size=128",
  "--max-inlined-bytecode-size-cumulative=200",
];

export function setCliV8Flags(execArgv: readonly string[] = process.execArgv): void {
  for (const flag of CLI_V8_FLAGS) {
    const name = flag.slice(0, flag.indexOf("="));
    if (!execArgv.some((a) => a === name || a.startsWith(`${name}=`))) setFlagsFromString(flag);
  }
}
