import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
} from "node:fs";
import { join } from "node:path";
import type { Lang } from "../model/lang.js";
import { type RunRecord, RunRecordSchema } from "../model/run.js";
import { PlandiffError } from "../util/errors.js";
import { writeStableJson } from "../util/stable-json.js";
import { fsError, makeFolder } from "../util/write-atomic.js";
import { acquireLock, removeDeadLockFiles } from "./lock.js";
import { writeOverview } from "./overview.js";

export { acquireLock };

/** Where a run being made writes: its id and hidden work folder, and the folder of all runs. */
export interface RunSlot {
  id: string;
  workDir: string;
  runsDir: string;
}

/**
 * Stores a run under `outputDir`: makes the folder (refusing one that cannot be), takes the lock
 * (lock.ts), removes the work folders of runs that died, gives `build` a hidden work folder (with
 * `pairs/`) to fill and the run id, writes the overview and run.json of the record it returns,
 * and publishes the folder as runs/<id> with `latest` pointing at it — only if the lock is still
 * this run's. If anything fails the work folder is removed, so the previous runs and `latest`
 * stay as they were. When `signal` aborts (the CLI on SIGINT or SIGTERM), the work folder is
 * removed and the lock released at once, and the run is not published. File system failures are
 * thrown as PlandiffErrors naming the path and the cause.
 */
export async function storeRun(
  outputDir: string,
  now: Date,
  lang: Lang,
  build: (slot: RunSlot) => Promise<RunRecord> | RunRecord,
  signal?: AbortSignal,
): Promise<{ record: RunRecord; runDir: string }> {
  signal?.throwIfAborted();
  const runsDir = join(outputDir, "runs");
  makeFolder(outputDir);
  const lock = acquireLock(outputDir);
  let workDir: string | null = null;
  const abandon = () => {
    if (workDir) removeFolder(workDir);
    lock.release();
  };
  signal?.addEventListener("abort", abandon, { once: true });
  try {
    step(() => mkdirSync(runsDir, { recursive: true }), runsDir);
    removeDeadRuns(outputDir, runsDir);
    const id = reserveRunId(runsDir, now);
    const work = join(runsDir, `.${id}.partial`);
    workDir = work;
    step(() => mkdirSync(join(work, "pairs")), work);
    const record = await build({ id, workDir: work, runsDir });
    signal?.throwIfAborted();
    writeOverview(work, record, lang);
    writeStableJson(join(work, "run.json"), record, { atomic: true });
    const runDir = join(runsDir, id);
    // Right before publishing: a run that lost its lock (removed by hand, and another run came)
    // publishes nothing.
    if (!lock.held())
      throw new PlandiffError(
        "locked",
        "the lock is no longer this run's (removed, or taken by another run); this run is not published",
        outputDir,
      );
    step(() => publishRun(outputDir, work, runDir, id, lock.token), runDir);
    workDir = null;
    return { record, runDir };
  } catch (error) {
    if (workDir) removeFolder(workDir);
    // Named by the folder of runs: the work folder is hidden and gone.
    throw fsError(error, runsDir);
  } finally {
    signal?.removeEventListener("abort", abandon);
    lock.release();
  }
}

/** Runs a file system step, its failure thrown as a PlandiffError naming `path`. */
function step(run: () => void, path: string): void {
  try {
    run();
  } catch (error) {
    throw fsError(error, path);
  }
}

function removeFolder(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  } catch {
    // On the way out: the next run removes what is left.
  }
}

/**
 * Removes the work folders (`runs/.<id>.partial`) of runs that were killed, and their temporary
 * files beside the lock. Called with the lock held: no other run is writing here, so every work
 * folder belongs to a run that is gone.
 */
function removeDeadRuns(outputDir: string, runsDir: string): void {
  for (const name of readdirSync(runsDir))
    if (name.startsWith(".") && name.endsWith(".partial")) removeFolder(join(runsDir, name));
  for (const name of readdirSync(outputDir))
    if (/^\.latest-/.test(name)) rmSync(join(outputDir, name), { force: true });
  removeDeadLockFiles(outputDir);
}

/**
 * A run id that sorts by time: 20261123-173000 (UTC), with a counter when that second is taken
 * by a published run or a work folder. The work folder `.<id>.partial` is made here, exclusively,
 * which reserves the id.
 */
export function reserveRunId(runsDir: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  for (let n = 1; ; n++) {
    const id = n === 1 ? stamp : `${stamp}-${n}`;
    if (existsSync(join(runsDir, id))) continue;
    try {
      mkdirSync(join(runsDir, `.${id}.partial`));
      return id;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw fsError(error, runsDir);
    }
  }
}

/** A run.json, or null when it is missing, not JSON or not a complete run record. */
export function readRunRecord(file: string): RunRecord | null {
  if (!existsSync(file)) return null;
  try {
    const parsed = RunRecordSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Orders run ids by time: the second, then the counter a second's later runs carry
 * (20261123-173000, …-2, …-10; a plain text sort would put -10 before -2).
 */
export function compareRunIds(a: string, b: string): number {
  const [sa, na] = splitRunId(a);
  const [sb, nb] = splitRunId(b);
  if (sa !== sb) return sa < sb ? -1 : 1;
  return na - nb;
}

function splitRunId(id: string): [string, number] {
  const m = /^(\d{8}-\d{6})(?:-(\d+))?$/.exec(id);
  return m ? [m[1] as string, m[2] ? Number(m[2]) : 1] : [id, 0];
}

/** The latest complete run made from the same config, or null. */
export function previousRun(runsDir: string, configPath: string): RunRecord | null {
  if (!existsSync(runsDir)) return null;
  const ids = readdirSync(runsDir)
    .filter((n) => !n.startsWith("."))
    .sort(compareRunIds)
    .reverse();
  for (const id of ids) {
    const record = readRunRecord(join(runsDir, id, "run.json"));
    if (record?.config.path === configPath) return record;
  }
  return null;
}

/** Publishes a finished run: the work folder becomes runs/<id>, and `latest` points at it. */
export function publishRun(
  outputDir: string,
  workDir: string,
  runDir: string,
  id: string,
  token: string,
): void {
  renameSync(workDir, runDir);
  const tmp = join(outputDir, `.latest-${token}`);
  rmSync(tmp, { force: true });
  symlinkSync(join("runs", id), tmp);
  renameSync(tmp, join(outputDir, "latest"));
}
