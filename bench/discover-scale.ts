/**
 * The discover part of the scale benchmark: `plandiff discover` over the province plan and N
 * synthetic children (the realistic profile of bench/synth, cached like bench/scale.ts), run as
 * the CLI runs (built library, its own process). Prints the wall time of each run.
 *
 * Usage: `npm run build && tsx bench/discover-scale.ts [N] [runs]` (N = 3000, runs = 1).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { ensureSynthBatch, PARENT, ROOT } from "./eval/datasets.js";
import { SEED } from "./scale.js";

const n = Number(process.argv[2] ?? 3000);
const runs = Number(process.argv[3] ?? 1);
const batch = ensureSynthBatch("realistic", SEED, Math.max(n, 100), (l) => console.log(l));
const dir = join(tmpdir(), "plandiff-bench", `discover-${n}`);
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
symlinkSync(PARENT, join(dir, "parent.txt"));
for (let i = 0; i < n; i++) {
  symlinkSync(
    join(batch, `child-${SEED}-${i}.txt`),
    join(dir, `c${String(i).padStart(5, "0")}.txt`),
  );
}
for (let k = 0; k < runs; k++) {
  const started = performance.now();
  execFileSync(
    process.execPath,
    [
      join(ROOT, "dist", "cli.js"),
      "discover",
      dir,
      "--format",
      "json",
      "--out",
      join(dir, "..", `discover-${n}.json`),
    ],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  console.log(
    `discover over ${n + 1} documents: ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}
rmSync(dir, { recursive: true, force: true });
