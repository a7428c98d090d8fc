import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import type { Lang } from "../model/lang.js";
import { type RunRecord, RunRecordSchema } from "../model/run.js";
import { PlandiffError } from "../util/errors.js";
import { writeStableJson } from "../util/stable-json.js";
import { writeOverview } from "./overview.js";

/** Where a run being made writes: its id and hidden work folder, and the folder of all runs. */
export interface RunSlot {
  id: string;
  workDir: string;
  runsDir: string;
}

/**
 * Stores a run under `outputDir`: takes the lock, gives `build` a hidden work folder (with
 * `pairs/`) to fill and the run id, writes the overview and run.json of the record it returns,
 * and publishes the folder as runs/<id> with `latest` pointing at it. If anything fails the work
 * folder is removed, so the previous runs and `latest` stay as they were.
 */
export async function storeRun(
  outputDir: string,
  now: Date,
  lang: Lang,
  build: (slot: RunSlot) => Promise<RunRecord> | RunRecord,
): Promise<{ record: RunRecord; runDir: string }> {
  const runsDir = join(outputDir, "runs");
  const release = acquireLock(outputDir);
  const id = newRunId(runsDir, now);
  const workDir = join(runsDir, `.${id}.partial`);
  try {
    mkdirSync(join(workDir, "pairs"), { recursive: true });
    const record = await build({ id, workDir, runsDir });
    writeOverview(workDir, record, lang);
    writeStableJson(join(workDir, "run.json"), record, { atomic: true });
    const runDir = join(runsDir, id);
    publishRun(outputDir, workDir, runDir, id);
    return { record, runDir };
  } catch (error) {
    rmSync(workDir, { recursive: true, force: true });
    throw error;
  } finally {
    release();
  }
}

const LOCK = ".plandiff.lock";

/**
 * Takes the output folder's lock (a file created exclusively). A lock left by a process that no
 * longer exists is taken over; a live one makes this run stop with a clear message.
 */
export function acquireLock(outputDir: string): () => void {
  mkdirSync(outputDir, { recursive: true });
  const path = join(outputDir, LOCK);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const pid = Number(readFileSync(path, "utf8"));
      if (isAlive(pid)) {
        throw new PlandiffError(
          "locked",
          `another plandiff run (pid ${pid}) is writing here; wait for it to finish`,
          outputDir,
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new PlandiffError("locked", "could not take the lock", outputDir);
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A run id that sorts by time: 20261123-173000 (UTC), with a counter if taken. */
export function newRunId(runsDir: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  let id = stamp;
  for (let n = 2; existsSync(join(runsDir, id)); n++) id = `${stamp}-${n}`;
  return id;
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

/** The latest complete run made from the same config, or null. */
export function previousRun(runsDir: string, configPath: string): RunRecord | null {
  if (!existsSync(runsDir)) return null;
  const ids = readdirSync(runsDir)
    .filter((n) => !n.startsWith("."))
    .sort()
    .reverse();
  for (const id of ids) {
    const record = readRunRecord(join(runsDir, id, "run.json"));
    if (record?.config.path === configPath) return record;
  }
  return null;
}

/** Publishes a finished run: the work folder becomes runs/<id>, and `latest` points at it. */
export function publishRun(outputDir: string, workDir: string, runDir: string, id: string): void {
  renameSync(workDir, runDir);
  const tmp = join(outputDir, `.latest-${process.pid}`);
  rmSync(tmp, { force: true });
  symlinkSync(join("runs", id), tmp);
  renameSync(tmp, join(outputDir, "latest"));
}
