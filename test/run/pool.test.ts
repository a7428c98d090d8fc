import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { afterAll, describe, expect, it } from "vitest";
import { type Job, type JobResult, type JobSettings, runJob } from "../../src/run/jobs.js";
import { WorkerPool } from "../../src/run/pool.js";
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
  maxBytes: 50_000_000,
  candidates: "index",
};

const describeJob = (spec: string, k: number): Job => ({
  kind: "describe",
  file: { spec, entryId: "doc", k, files: 2 },
});
const jobs = [describeJob(SEEDS.province, 0), describeJob(SEEDS.city, 1)];

/** The size of the young generation's space a fresh worker thread of this process starts with. */
function freshNewSpaceMb(): Promise<number> {
  const code = `const v8 = require("node:v8"); const s = v8.getHeapSpaceStatistics().find((x) => x.space_name === "new_space"); require("node:worker_threads").parentPort.postMessage(s.space_size / 1048576);`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true });
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
    // The larger start of the young generation was for the pool's threads only.
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
