import { createHash, randomUUID } from "node:crypto";
import {
  linkSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { PlandiffError } from "../util/errors.js";
import { fsError } from "../util/write-atomic.js";

/** The lock file of an output folder. */
export const LOCK_NAME = ".plandiff.lock";

/** The output folder's lock, as held by this run. */
export interface Lock {
  /** The lock file. */
  readonly path: string;
  /** What makes this lock this run's: written in the lock file after the pid. */
  readonly token: string;
  /** True while the lock file is still this run's (read from the disk each time). */
  held(): boolean;
  /** Removes the lock file if it is still this run's; again is harmless. */
  release(): void;
}

/** Who holds a lock (or a takeover of one): its process, its token and the file's whole text. */
interface Holder {
  pid: number;
  token: string;
  text: string;
}

/**
 * Takes the output folder's lock, `<outputDir>/.plandiff.lock`, a file holding `<pid> <token>`.
 *
 * - It is made whole and at once: written to a file of its own, then hard-linked to the lock's
 *   name, which fails when the name exists (so no one ever reads a half-written lock).
 * - A live holder makes this run stop (`locked`, exit 2).
 * - A lock whose process is gone is taken over in two steps that each succeed for one process
 *   only: the taker first creates `.plandiff.lock.takeover-<hash of the stale lock's text>`
 *   exclusively (the right to replace that lock, and no other), then checks that the lock still
 *   holds the text it judged stale and renames its own lock over it. So the lock is never absent
 *   in between, and no live lock is ever replaced. A takeover whose taker died is itself taken
 *   over the same way.
 *
 * Test hook: `PLANDIFF_TEST_LOCK_PAUSE_MS` (read here only) pauses between judging a lock stale
 * and taking it over, to widen the window in which concurrent runs race (test/run/lock-race.test.ts).
 */
export function acquireLock(outputDir: string, env = process.env): Lock {
  const path = join(outputDir, LOCK_NAME);
  const token = randomUUID();
  const text = `${process.pid} ${token}\n`;
  try {
    for (let attempt = 0; attempt < 16; attempt++) {
      if (createExclusive(path, text, token)) return heldLock(path, token);
      const holder = readHolder(path);
      if (!holder) continue; // released meanwhile: try again
      if (isAlive(holder.pid)) throw lockedBy(outputDir, holder.pid);
      pauseForTests(env);
      if (takeOver(outputDir, path, holder, text, token)) return heldLock(path, token);
    }
  } catch (error) {
    throw fsError(error, path);
  }
  throw new PlandiffError("locked", "other runs keep taking the lock; try again", outputDir);
}

function lockedBy(outputDir: string, pid: number): PlandiffError {
  return new PlandiffError(
    "locked",
    `another plandiff run (pid ${pid}) is writing here; wait for it to finish`,
    outputDir,
  );
}

function heldLock(path: string, token: string): Lock {
  return {
    path,
    token,
    held: () => readHolder(path)?.token === token,
    release: () => {
      try {
        if (readHolder(path)?.token === token) rmSync(path, { force: true });
      } catch {
        // Releasing happens on the way out: a lock that cannot be read is left as it is.
      }
    },
  };
}

/**
 * Replaces `stale` (the text last read at `path`, the lock or a takeover marker, whose process is
 * gone) by `text`; false when another process did something there first (the caller looks again).
 */
function takeOver(
  outputDir: string,
  path: string,
  stale: Holder,
  text: string,
  token: string,
): boolean {
  const marker = `${join(outputDir, LOCK_NAME)}.takeover-${createHash("sha256").update(stale.text).digest("hex").slice(0, 16)}`;
  if (!createExclusive(marker, text, token)) {
    const taker = readHolder(marker);
    if (!taker) return false;
    if (isAlive(taker.pid)) {
      throw new PlandiffError(
        "locked",
        `another plandiff run (pid ${taker.pid}) is taking over the lock here`,
        outputDir,
      );
    }
    // Its taker died midway: take the takeover over.
    if (!takeOver(outputDir, marker, taker, text, token)) return false;
  }
  try {
    // The marker is ours: no other process may replace this stale lock now. Still the same?
    if (readHolder(path)?.text !== stale.text) return false;
    const temp = tempName(path, token);
    writeFileSync(temp, text, { flag: "wx" });
    renameSync(temp, path);
    return true;
  } finally {
    rmSync(marker, { force: true });
  }
}

/** Creates `path` holding `text`, whole, unless it exists (false then). */
function createExclusive(path: string, text: string, token: string): boolean {
  const temp = tempName(path, token);
  writeFileSync(temp, text, { flag: "wx" });
  try {
    linkSync(temp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    rmSync(temp, { force: true });
  }
}

function tempName(path: string, token: string): string {
  return `${path}.${token}.tmp`;
}

/** The holder written in a lock file, or null when there is none. */
function readHolder(path: string): Holder | null {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  // `<pid> <token>`; older versions wrote the pid alone.
  const m = /^\s*(\d+)(?:\s+(\S+))?/.exec(text);
  return { pid: m ? Number(m[1]) : Number.NaN, token: m?.[2] ?? "", text };
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

/**
 * Removes what runs whose process is gone left beside the lock (their temporary lock files and
 * takeover markers). Called by the lock's holder. A file without a pid yet is being written by a
 * live run (its temporary file is created empty, then filled): it is left alone unless it is older
 * than UNWRITTEN_MS, the remains of a run that died between the two.
 */
export function removeDeadLockFiles(outputDir: string): void {
  for (const name of readdirSync(outputDir)) {
    if (!name.startsWith(`${LOCK_NAME}.`)) continue;
    const file = join(outputDir, name);
    const holder = readHolder(file);
    if (!holder || isAlive(holder.pid)) continue;
    if (Number.isNaN(holder.pid) && !isOlderThan(file, UNWRITTEN_MS)) continue;
    rmSync(file, { force: true });
  }
}

/** A lock file still without its pid after this long was left by a run that died writing it. */
const UNWRITTEN_MS = 60_000;

function isOlderThan(file: string, ms: number): boolean {
  try {
    return Date.now() - statSync(file).mtimeMs > ms;
  } catch {
    return false;
  }
}

function pauseForTests(env: NodeJS.ProcessEnv): void {
  const ms = Number(env.PLANDIFF_TEST_LOCK_PAUSE_MS ?? 0);
  if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.min(ms, 10_000));
}
