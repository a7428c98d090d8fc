/**
 * The scale benchmark of `npm run bench`: one parent (the province plan) and N synthetic children
 * (N = 100, 1,000, 3,000 by default) compared end to end by `plandiff run` — parse, align, diff,
 * one JSON report per child, run record and overview — on every core; and the naive variant
 * (every task pair scored, no inverted index) at N = 100. Each run is a separate process
 * (bench/scale-run.mjs over the built library) so its peak RSS is its own.
 *
 * Children come from the vendored generator (bench/synth), generated once and cached; a batch
 * of N is the first N children of the largest batch (the generator makes child i the same
 * whatever the count).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { ensureSynthBatch, PARENT, ROOT } from "./eval/datasets.js";

export interface ScaleRow {
  label: string;
  n: number;
  jobs: number;
  candidates: "index" | "all";
  /** Median wall time of the runs. */
  ms: number;
  /** Wall time of each run, in the order run. */
  runs: number[];
  rssMiB: number;
}

/**
 * Runs per size: the machine's speed drifts by up to a quarter within minutes, so sizes up to
 * 1,000 are run three times and their median reported (with the range); 3,000 once.
 */
const repeats = (n: number): number => (n <= 1000 ? 3 : 1);

export const SEED = 2026;

/** A run folder with the parent and the first `n` children of `batch`, and its config. */
export function workspace(batch: string, n: number, name: string): string {
  const dir = join(tmpdir(), "plandiff-bench", name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "children"), { recursive: true });
  symlinkSync(PARENT, join(dir, "parent.txt"));
  for (let i = 0; i < n; i++) {
    const file = `child-${SEED}-${i}.txt`;
    symlinkSync(join(batch, file), join(dir, "children", `c${String(i).padStart(5, "0")}.txt`));
  }
  writeFileSync(
    join(dir, "plandiff.config.yaml"),
    [
      "documents:",
      "  - id: province",
      "    path: parent.txt",
      "  - id: child",
      "    path: children/*.txt",
      "    parent: province",
      "output: out",
      "formats: [json]",
      // The documents are symbolic links to the generated batch, outside this folder.
      "allowOutside: true",
      "",
    ].join("\n"),
  );
  return dir;
}

function measure(
  batch: string,
  n: number,
  jobs: number,
  candidates: "index" | "all",
  label: string,
): ScaleRow {
  const runs: number[] = [];
  let rssMiB = 0;
  for (let k = 0; k < repeats(n); k++) {
    const run = measureOnce(batch, n, jobs, candidates);
    runs.push(run.ms);
    rssMiB = Math.max(rssMiB, run.rssMiB);
  }
  const ms = [...runs].sort((a, b) => a - b)[runs.length >> 1] as number;
  return { label, n, jobs, candidates, ms, runs, rssMiB };
}

function measureOnce(
  batch: string,
  n: number,
  jobs: number,
  candidates: "index" | "all",
): { ms: number; rssMiB: number } {
  const dir = workspace(batch, n, `${candidates}-${n}-${jobs}`);
  const out = execFileSync(
    process.execPath,
    [
      join(ROOT, "bench", "scale-run.mjs"),
      join(dir, "plandiff.config.yaml"),
      String(jobs),
      candidates,
    ],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 20 },
  );
  const { ms, rssMiB, pairs } = JSON.parse(out.trim().split("\n").pop() as string);
  if (pairs !== n) throw new Error(`expected ${n} pairs, the run made ${pairs}`);
  rmSync(dir, { recursive: true, force: true });
  return { ms, rssMiB };
}

/** Runs the scale benchmark and returns its rows (the library must be built: dist/). */
export function scaleBenchmark(sizes: number[], log: (line: string) => void): ScaleRow[] {
  const largest = Math.max(...sizes, 100);
  const batch = ensureSynthBatch("realistic", SEED, largest, log);
  const cores = availableParallelism();
  const rows: ScaleRow[] = [];
  for (const n of sizes) {
    rows.push(measure(batch, n, cores, "index", `plandiff run, ${cores} workers`));
    const row = rows.at(-1) as ScaleRow;
    log(`N = ${n}: ${row.runs.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(", ")}`);
  }
  rows.push(measure(batch, 100, 1, "index", "plandiff run, 1 thread"));
  rows.push(measure(batch, 100, cores, "all", `naive all pairs, ${cores} workers`));
  rows.push(measure(batch, 100, 1, "all", "naive all pairs, 1 thread"));
  return rows;
}

/**
 * The rows as a Markdown table. `time per child` is wall time / N (it includes the fixed cost of
 * starting: workers, dictionary, parent); `marginal` is what each child added since the previous
 * N of the same run kind — the figure that shows whether the cost grows linearly.
 */
export function scaleTable(rows: ScaleRow[]): string {
  const lines = [
    "| run | N children | wall time (median) | runs | documents/s | time per child | marginal time per child | peak RSS |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
  ];
  rows.forEach((r, k) => {
    const before = rows
      .slice(0, k)
      .filter((p) => p.label === r.label && p.n < r.n)
      .at(-1);
    const marginal = before ? `${((r.ms - before.ms) / (r.n - before.n)).toFixed(1)} ms` : "—";
    lines.push(
      `| ${r.label} | ${r.n.toLocaleString("en")} | ${(r.ms / 1000).toFixed(1)} s | ${runsOf(r)} | ${(((r.n + 1) * 1000) / r.ms).toFixed(1)} | ${(r.ms / r.n).toFixed(1)} ms | ${marginal} | ${Math.round(r.rssMiB)} MiB |`,
    );
  });
  return lines.join("\n");
}

/** "3 (fastest–slowest s)", or "1". */
function runsOf(r: ScaleRow): string {
  if (r.runs.length < 2) return String(r.runs.length);
  const s = (ms: number) => (ms / 1000).toFixed(1);
  return `${r.runs.length} (${s(Math.min(...r.runs))}–${s(Math.max(...r.runs))} s)`;
}
