import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { afterAll, describe, expect, it } from "vitest";
import { type Job, type JobResult, type JobSettings, runJob } from "../../src/run/jobs.js";
import { WorkerPool } from "../../src/run/pool.js";
import { BUILT_DIR, ensureBuiltCli } from "../helpers/built-cli.js";
import { SEEDS } from "../helpers/seeds.js";

const dir = mkdtempSync(join(tmpdir(), "plandiff-pool-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const settings: JobSettings = {
  workDir: dir,
  formats: ["json"],
  lang: "zh",
  minSeverity: "info",
  disabledRules: [],
  review: null,
  unitAliases: [],
  maxBytes: 50_000_000,
  candidates: "index",
};

const describeJob = (spec: string, k: number): Job => ({
  kind: "describe",
  file: { spec, entryId: "doc", k, files: 2 },
});
const jobs = [describeJob(SEEDS.province, 0), describeJob(SEEDS.city, 1)];

/**
 * The size of the young generation's space a fresh worker thread of this process starts with
 * (with the pool's young-generation limit: a process-wide `--min-semi-space-size` shows as more).
 */
function freshNewSpaceMb(): Promise<number> {
  const code = `const v8 = require("node:v8"); const s = v8.getHeapSpaceStatistics().find((x) => x.space_name === "new_space"); require("node:worker_threads").parentPort.postMessage(s.space_size / 1048576);`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, {
      eval: true,
      resourceLimits: { maxYoungGenerationSizeMb: 384 },
    });
    worker.once("message", (mb: number) => {
      resolve(mb);
      void worker.terminate();
    });
    worker.once("error", reject);
  });
}

describe("WorkerPool", () => {
  it("runs jobs on its threads phase after phase, and leaves later threads' heaps alone", async () => {
    const before = await freshNewSpaceMb();
    const here = await Promise.all(jobs.map((job) => runJob(settings, job)));
    expect(here.map((r) => r.cards[0]?.docNumber)).toEqual([
      expect.stringContaining("浙政发"),
      expect.stringContaining("嘉政发"),
    ]);
    const pool = new WorkerPool(settings, 2);
    try {
      for (let phase = 0; phase < 2; phase++) {
        const results: JobResult[] = [];
        await pool.run(jobs, (n, result) => {
          results[n] = result;
        });
        expect(results).toEqual(here);
      }
    } finally {
      await pool.close();
    }
    // The library sets no V8 flag: a thread started afterwards gets V8's default.
    expect(before).toBeLessThan(64);
    expect(await freshNewSpaceMb()).toBe(before);
  });

  it("fails the next phase when a thread stopped between phases, instead of waiting on it", async () => {
    const pool = new WorkerPool(settings, 2);
    try {
      await pool.run(jobs, () => {});
      const threads = (pool as unknown as { workers: Worker[] }).workers;
      await threads[0]?.terminate();
      await expect(pool.run(jobs, () => {})).rejects.toThrow("a worker thread stopped");
    } finally {
      await pool.close();
    }
  });
});

/** Runs a module script in a process of its own (importing the library built from the current source); its stdout as JSON. */
function inFreshProcess(script: string): unknown {
  ensureBuiltCli();
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    encoding: "utf8",
  });
  expect(result.stderr).toBe("");
  return JSON.parse(result.stdout);
}

/** Script text: the new space (MB) a fresh worker with the pool's young-generation limit gets. */
const FRESH_NEW_SPACE = `() => new Promise((resolve, reject) => {
  const w = new Worker(
    'Promise.all([import("node:v8"), import("node:worker_threads")]).then(([v8, t]) => t.parentPort.postMessage(v8.getHeapSpaceStatistics().find((x) => x.space_name === "new_space").space_size / 1048576));',
    { eval: true, resourceLimits: { maxYoungGenerationSizeMb: 384 } },
  );
  w.once("message", (mb) => { resolve(mb); void w.terminate(); });
  w.once("error", reject);
})`;

describe("V8 flags", () => {
  it("are left alone by the library: runBatch with workers calls no setFlagsFromString and later threads get V8's default", () => {
    const work = mkdtempSync(join(tmpdir(), "plandiff-flags-"));
    try {
      mkdirSync(join(work, "children"));
      copyFileSync(SEEDS.province, join(work, "province.txt"));
      copyFileSync(SEEDS.city, join(work, "children", "city.txt"));
      copyFileSync(SEEDS.district, join(work, "children", "district.txt"));
      const config = join(work, "plandiff.config.yaml");
      writeFileSync(
        config,
        "documents:\n  - id: province\n    path: province.txt\n  - id: child\n    path: children/*.txt\n    parent: province\noutput: out\nformats: [json]\n",
      );
      // Every call of setFlagsFromString in this thread is recorded, through the live bindings
      // of node:v8's ES module (syncBuiltinESMExports).
      const script = `
        import { createRequire, syncBuiltinESMExports } from "node:module";
        import { Worker } from "node:worker_threads";
        const v8 = createRequire(import.meta.url)("node:v8");
        const calls = [];
        const set = v8.setFlagsFromString;
        v8.setFlagsFromString = (flags) => { calls.push(flags); set(flags); };
        syncBuiltinESMExports();
        const fresh = ${FRESH_NEW_SPACE};
        const before = await fresh();
        const { runBatch } = await import(${JSON.stringify(`${BUILT_DIR}/index.js`)});
        const outcome = await runBatch({ configPath: ${JSON.stringify(config)}, jobs: 2 });
        console.log(JSON.stringify({ calls, before, after: await fresh(), pairs: outcome.record.pairs.length }));
      `;
      const out = inFreshProcess(script) as { calls: string[]; before: number; after: number };
      expect(out).toEqual({ calls: [], before: out.before, after: out.after, pairs: 2 });
      // V8's default young generation, a few MB (it starts at 2 or 4 depending on the moment);
      // a flag left behind by the library would give later threads tens of MB or more.
      expect(out.before).toBeLessThan(16);
      expect(out.after).toBeLessThan(16);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it("are set by the CLI's start: later threads' young generations start large, the main thread's stays", () => {
    const script = `
      import v8 from "node:v8";
      import { Worker } from "node:worker_threads";
      const fresh = ${FRESH_NEW_SPACE};
      const main = () => v8.getHeapSpaceStatistics().find((x) => x.space_name === "new_space").space_size / 1048576;
      const before = { main: main(), worker: await fresh() };
      const { setCliV8Flags } = await import(${JSON.stringify(`${BUILT_DIR}/cli/v8-flags.js`)});
      setCliV8Flags();
      console.log(JSON.stringify({ before, after: { main: main(), worker: await fresh() } }));
    `;
    const out = inFreshProcess(script) as Record<string, { main: number; worker: number }>;
    expect(out.before?.worker).toBeLessThan(64);
    expect(out.after?.worker).toBe(128);
    expect(out.after?.main).toBe(out.before?.main);
  });
});
