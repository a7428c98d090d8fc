// One measured batch run for `npm run bench` (bench/scale.ts), in its own process so that its
// peak RSS (worker threads included: they share the process) is its own. Runs the built library.
// Usage: node bench/scale-run.mjs CONFIG JOBS CANDIDATES  → prints {"ms":…,"rssMiB":…,"pairs":…}
import { performance } from "node:perf_hooks";
import { runBatch } from "../dist/run/run-batch.js";

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
