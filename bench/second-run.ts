/**
 * Run history at scale (docs/performance.md, "Bounded cost"): `plandiff run` twice over the same
 * N synthetic children (default 2,000) in the same output folder; the second run compares itself
 * with the first (history, changes, overview). Each run is its own process (bench/scale-run.mjs
 * over the built library: `npm run build` first). Usage:
 * tsx bench/second-run.ts [N] [DIST_ROOT] [changed] — DIST_ROOT, another checkout's root with
 * its own dist/, measures that version on the same children; `changed`: the second run reads
 * other children under the same ids (the next seed's), so nearly every finding is new or
 * resolved — the case where the history's tables are large.
 */
import { execFileSync } from "node:child_process";
import { rmSync, symlinkSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { ensureSynthBatch, ROOT } from "./eval/datasets.js";
import { SEED, workspace } from "./scale.js";

const n = Number(process.argv[2] ?? 2000);
const root = process.argv[3] || ROOT;
const changed = process.argv[4] === "changed";
const batch = ensureSynthBatch("realistic", SEED, n, (line) => console.log(line));
const dir = workspace(batch, n, `second-run-${n}-${process.pid}`);
const jobs = availableParallelism();
const runs: { ms: number; rssMiB: number; pairs: number }[] = [];
for (let k = 0; k < 2; k++) {
  if (k === 1 && changed) {
    const other = ensureSynthBatch("realistic", SEED + 1, n, (line) => console.log(line));
    for (let i = 0; i < n; i++) {
      const link = join(dir, "children", `c${String(i).padStart(5, "0")}.txt`);
      rmSync(link);
      symlinkSync(join(other, `child-${SEED + 1}-${i}.txt`), link);
    }
  }
  const out = execFileSync(
    process.execPath,
    [
      join(root, "bench", "scale-run.mjs"),
      join(dir, "plandiff.config.yaml"),
      String(jobs),
      "index",
    ],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 20 },
  );
  runs.push(JSON.parse(out.trim().split("\n").pop() as string));
  const run = runs.at(-1) as (typeof runs)[number];
  console.log(
    `run ${k + 1}: ${(run.ms / 1000).toFixed(1)} s, ${run.rssMiB.toFixed(0)} MiB, ${run.pairs} pairs`,
  );
}
const [first, second] = runs as [(typeof runs)[number], (typeof runs)[number]];
console.log(`second / first: ${(second.ms / first.ms).toFixed(2)}`);
rmSync(dir, { recursive: true, force: true });
