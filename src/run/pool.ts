import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { setFlagsFromString } from "node:v8";
import { Worker } from "node:worker_threads";
import { PlandiffError } from "../util/errors.js";
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

/** This module's own extension: .ts when run from source (tests, tsx), .js when built. */
const HERE = fileURLToPath(import.meta.url);
const FROM_SOURCE = HERE.endsWith(".ts");

/**
 * Heap of each worker: a large young generation and a bounded old one, so a long run cannot grow
 * without limit. A comparison allocates ~20 MB, nearly all of it dead when the comparison ends;
 * with V8's default (16 MB semi-spaces, 48 MB in all) every comparison meets a scavenge that
 * copies, then promotes, what it holds at that moment. With 128 MB semi-spaces (384 MB in all)
 * one scavenge falls on every sixth comparison: at 1,000 children, ~20% less CPU than V8's
 * default for ~200 MB more memory per worker; 256 MB semi-spaces were slower again (more page
 * faults; see the README's Scale section).
 */
const RESOURCE_LIMITS = {
  maxYoungGenerationSizeMb: 384,
  maxOldGenerationSizeMb: 1024,
};

/**
 * V8 starts a heap's semi-spaces at 1 MB and doubles them as scavenges find much surviving, so a
 * worker's first ~100 comparisons run with a small young generation (1 s more at 1,000 children).
 * No worker option sets where they start, and V8's flag for it is process-wide: it is set while
 * the pool's threads start (a thread's heap is made before it comes online) and reset after, so
 * that no other heap of the process gets it.
 */
const START_SEMI_SPACE_MB = RESOURCE_LIMITS.maxYoungGenerationSizeMb / 3;
const MIN_SEMI_SPACE = "--min-semi-space-size";

/** A V8 flag as the process's command line sets it (`--flag=value`), if it does. */
const commandLineFlag = (flag: string): string | undefined =>
  process.execArgv.find((a) => a.startsWith(`${flag}=`));

/** The process's own setting of the flag (from its command line), or V8's default, 0. */
const ownMinSemiSpace = (): string => commandLineFlag(MIN_SEMI_SPACE) ?? `${MIN_SEMI_SPACE}=0`;

/**
 * Each thread compiles the library's hot functions anew (V8 shares no optimised code between
 * threads), and with every core comparing, the compiler's threads take time from the comparisons:
 * with V8's default inlining budget (920 bytes of bytecode), compiling takes ≈ 5 s of CPU per
 * thread over its first few hundred children. A budget of 200 halves that, and the code compiled
 * is as fast (paired runs of 1,000 children: 0.3–2 s faster). V8 flags are process-wide and read
 * when a function is compiled, so the budget is set when the first pool starts and kept (unless
 * the process's command line sets it): a smaller budget changes no behaviour, only speed.
 */
const INLINING_BUDGET = "--max-inlined-bytecode-size-cumulative";
const WORKER_INLINING_BUDGET = 200;

let inliningSet = false;

function setInliningBudget(): void {
  if (inliningSet) return;
  inliningSet = true;
  if (commandLineFlag(INLINING_BUDGET) !== undefined) return;
  setFlagsFromString(`${INLINING_BUDGET}=${WORKER_INLINING_BUDGET}`);
}

/** Starts `count` worker threads, their young generations at their full size. */
function startWorkers(settings: JobSettings, count: number): Worker[] {
  setInliningBudget();
  setFlagsFromString(`${MIN_SEMI_SPACE}=${START_SEMI_SPACE_MB}`);
  const workers: Worker[] = [];
  let pending = count;
  try {
    for (let k = 0; k < count; k++) {
      const worker = startWorker(settings);
      // Online, or failed before: either way its heap no longer needs the flag.
      let counted = false;
      const started = () => {
        if (counted) return;
        counted = true;
        if (--pending === 0) setFlagsFromString(ownMinSemiSpace());
      };
      worker.once("online", started).once("error", started).once("exit", started);
      workers.push(worker);
    }
  } catch (error) {
    setFlagsFromString(ownMinSemiSpace());
    for (const worker of workers) void worker.terminate();
    throw error;
  }
  return workers;
}

function startWorker(settings: JobSettings): Worker {
  const options = { workerData: settings, resourceLimits: RESOURCE_LIMITS };
  if (!FROM_SOURCE) return new Worker(join(dirname(HERE), "worker.js"), options);
  // From source (tests, tsx) the worker registers tsx's loader before importing worker.ts:
  // `--import tsx` in a worker's execArgv does not reach its module loader on Node 20.
  const api = join(
    dirname(HERE),
    "..",
    "..",
    "node_modules",
    "tsx",
    "dist",
    "esm",
    "api",
    "index.mjs",
  );
  const target = pathToFileURL(join(dirname(HERE), "worker.ts")).href;
  const code = `import { register } from ${JSON.stringify(pathToFileURL(api).href)}; register(); await import(${JSON.stringify(target)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`), options);
}

/** Jobs sent to a worker ahead of its results. */
const IN_FLIGHT = 2;

type Message = { id: number; result?: JobResult; error?: SerializedError };

/**
 * Worker threads for the jobs of a run. The threads start when the pool is made, so that they
 * load the library (≈ 0.5 s each) while this thread reads the configuration and describes the
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
