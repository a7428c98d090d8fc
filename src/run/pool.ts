import type { Worker } from "node:worker_threads";
import { PlandiffError } from "../util/errors.js";
import { startWorker } from "../util/start-worker.js";
import { ConfigError } from "./config-error.js";
import { type Job, type JobResult, type JobSettings, runJob } from "./jobs.js";

/** An error as it crosses from a worker thread: enough to rebuild the user-facing kinds. */
export interface SerializedError {
  message: string;
  code: string | null;
  file: string | null;
  lines: string[] | null;
  stack: string | null;
}

export function serializeError(error: unknown): SerializedError {
  if (error instanceof ConfigError)
    return {
      message: error.message,
      code: error.code,
      file: null,
      lines: error.lines,
      stack: null,
    };
  if (error instanceof PlandiffError) {
    const prefix = error.file ? `${error.file}: ` : "";
    const message = error.message.startsWith(prefix)
      ? error.message.slice(prefix.length)
      : error.message;
    return { message, code: error.code, file: error.file, lines: null, stack: null };
  }
  const e = error instanceof Error ? error : new Error(String(error));
  return { message: e.message, code: null, file: null, lines: null, stack: e.stack ?? null };
}

function deserializeError(e: SerializedError): Error {
  if (e.lines) return new ConfigError(e.lines);
  if (e.code) return new PlandiffError(e.code, e.message, e.file);
  const error = new Error(e.message);
  if (e.stack) error.stack = e.stack;
  return error;
}

/**
 * Heap of each worker: a large young generation and a bounded old one, so a long run cannot grow
 * without limit. A comparison allocates much memory that is dead when it ends: with a young
 * generation this large, few comparisons meet a scavenge (see docs/performance.md). Where the
 * young generation starts is no worker option: V8 grows it from its smallest size unless the
 * process sets `--min-semi-space-size`, which the CLI does (src/cli/v8-flags.ts) and the library
 * does not (V8 flags are process-wide).
 */
const RESOURCE_LIMITS = {
  maxYoungGenerationSizeMb: 384,
  maxOldGenerationSizeMb: 1024,
};

/** Starts `count` worker threads. */
function startWorkers(settings: JobSettings, count: number): Worker[] {
  const workers: Worker[] = [];
  try {
    for (let k = 0; k < count; k++)
      workers.push(
        startWorker(import.meta.url, "worker", {
          workerData: settings,
          resourceLimits: RESOURCE_LIMITS,
        }),
      );
  } catch (error) {
    for (const worker of workers) void worker.terminate();
    throw error;
  }
  return workers;
}

/** Jobs sent to a worker ahead of its results. */
const IN_FLIGHT = 2;

type Message = { id: number; result?: JobResult; error?: SerializedError };

/**
 * Worker threads for the jobs of a run. The threads start when the pool is made, so that they
 * load the library while this thread reads the configuration and describes the
 * parents; one pool serves every phase of the run (describing, then comparing), so threads start
 * once per run. With fewer than two threads, or one job, jobs run in this thread.
 */
export class WorkerPool {
  private readonly workers: Worker[];
  /** The first thread that failed or stopped: it fails the phase running, or the next one. */
  private failure: Error | null = null;
  /** Fails the phase running, if any. */
  private abort: ((error: Error) => void) | null = null;

  constructor(
    private readonly settings: JobSettings,
    size: number,
  ) {
    this.workers = size > 1 ? startWorkers(settings, size) : [];
    for (const worker of this.workers) {
      worker.on("error", (error) => this.fail(error));
      worker.on("exit", (code) =>
        this.fail(new Error(`a worker thread stopped (exit code ${code})`)),
      );
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.abort?.(error);
  }

  /**
   * Runs jobs, a few per worker at a time, and hands each result to `onResult` as it arrives (in
   * completion order; `index` is the job's position). The first error — from a job or from
   * `onResult` — is thrown; the pool is then unusable, and `close` stops its threads.
   */
  async run(jobs: Job[], onResult: (index: number, result: JobResult) => void): Promise<void> {
    if (this.workers.length === 0 || jobs.length <= 1) {
      for (const [index, job] of jobs.entries()) onResult(index, await runJob(this.settings, job));
      return;
    }
    if (this.failure) throw this.failure;
    const pool = this.workers;
    const detach: (() => void)[] = [];
    let next = 0;
    let done = 0;
    try {
      await new Promise<void>((resolve, reject) => {
        this.abort = reject;
        const feed = (worker: Worker) => {
          if (next >= jobs.length) return;
          const id = next++;
          worker.postMessage({ id, job: jobs[id] });
        };
        for (const worker of pool) {
          const onMessage = (message: Message) => {
            if (message.error) return reject(deserializeError(message.error));
            try {
              onResult(message.id, message.result as JobResult);
            } catch (error) {
              return reject(error);
            }
            done++;
            if (done === jobs.length) resolve();
            else feed(worker);
          };
          worker.on("message", onMessage);
          detach.push(() => worker.off("message", onMessage));
          // Two jobs in flight per worker, so that it does not idle while this (busy) thread takes
          // a result and sends the next job; the second also starts while the first waits for its
          // file. Jobs share no state but the run's caches, so their results do not depend on it.
          for (let k = 0; k < IN_FLIGHT; k++) feed(worker);
        }
      });
    } finally {
      this.abort = null;
      for (const off of detach) off();
    }
  }

  /** Stops the threads. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
