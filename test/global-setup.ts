import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Every temporary folder a test run makes (the tests' own, and those of the CLI processes they
 * start) goes into one folder of the run, removed when the run ends: the test processes get it as
 * TMPDIR. The generated synthetic batches stay where they were (PLANDIFF_SYNTH_CACHE), a cache
 * kept between runs.
 */
export default function setup(): () => void {
  const system = tmpdir();
  process.env.PLANDIFF_SYNTH_CACHE ??= join(system, "plandiff-eval");
  const run = mkdtempSync(join(system, "plandiff-tests-"));
  process.env.TMPDIR = run;
  return () => rmSync(run, { recursive: true, force: true });
}
