// One measured batch run for `npm run bench` (bench/scale.ts), in its own process so that its
// peak RSS (worker threads included: they share the process) is its own. Runs the built library
// in a process set up as the CLI sets up its own (its V8 flags: src/cli/v8-flags.ts).
// Usage: node bench/scale-run.mjs CONFIG JOBS CANDIDATES  → prints {"ms":…,"rssMiB":…,"pairs":…}
import { performance } from "node:perf_hooks";
import { setCliV8Flags } from "../dist/cli/v8-flags.js";
import { runBatch } from "../dist/run/run-batch.js";

setCliV8Flags();

const [config, jobs, candidates] = process.argv.slice(2);
const started = performance.now();
const outcome = await runBatch({
  configPath: config,
  jobs: Number(jobs),
  candidates: candidates === "all" ? "all" : "index",
});
const ms = performance.now() - started;
const rssMiB = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ ms, rssMiB, pairs: outcome.record.pairs.length }));
