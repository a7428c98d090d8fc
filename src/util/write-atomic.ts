import {
  accessSync,
  constants,
  mkdirSync,
  renameSync,
  rmSync,
  type Stats,
  statfsSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileSystemCause, PlandiffError } from "./errors.js";

/**
 * Makes a file through a temporary sibling, which `writeTo` fills, and a rename, so no
 * half-written file is left: if anything fails, the temporary file is removed. A failure of the
 * file system is rethrown naming the file the caller asked for, never the temporary one, so that
 * the caller (the CLI: `fileSystemErrorLine`) can show it as the user typed it.
 */
export function writeAtomically(path: string, writeTo: (temp: string) => void): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  makeFolder(dirname(path));
  try {
    writeTo(temp);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw onDestination(error, temp, path);
  }
}

/** A file-system error about the temporary file (or about no file: a write) made about `path`. */
function onDestination(error: unknown, temp: string, path: string): unknown {
  if (!(error instanceof Error)) return error;
  const errno = error as NodeJS.ErrnoException & { dest?: string };
  if (typeof errno.code !== "string") return error;
  if (errno.dest === undefined && (errno.path === undefined || errno.path === temp)) {
    errno.path = path;
  }
  return error;
}

/** Writes a file through a temporary sibling and a rename, so no half-written file is left. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  writeAtomically(path, (temp) => writeFileSync(temp, data));
}

/** Node's wording of a system error: `ENOSPC: no space left on device, write` (…` 'path'`). */
const SYSTEM_MESSAGE = /^(E[A-Z0-9]+): ([^,]+?)(?:, \w+(?: '([^']*)')?.*)?$/s;

/**
 * A failure of the file system as an error for the user: one line naming the path and the cause,
 * `reports/runs: no space left on device (ENOSPC)` (exit 2). `path` is what was being written,
 * named when the error itself names none (a write to an open file). Errors of other kinds,
 * PlandiffErrors included, are returned as they are. Also recognises the message of a system
 * error that crossed from a worker thread (which keeps only its message).
 */
export function fsError(error: unknown, path: string): unknown {
  if (error instanceof PlandiffError || !(error instanceof Error)) return error;
  const errno = error as NodeJS.ErrnoException;
  const m = SYSTEM_MESSAGE.exec(error.message);
  const code =
    typeof errno.code === "string" && /^E[A-Z0-9]+$/.test(errno.code) ? errno.code : m?.[1];
  if (!code || !m) return error;
  const where = errno.path ?? m[3] ?? path;
  const cause = fileSystemCause(Object.assign(new Error(), { code })) ?? `${m[2]} (${code})`;
  return new PlandiffError("fs", cause, where);
}

/** File systems that hold no folders of ours: statfs magic number and name (Linux). */
const PSEUDO_FILE_SYSTEMS: readonly (readonly [number, string])[] = [
  [0x9fa0, "proc"],
  [0x62656572, "sysfs"],
  [0x64626720, "debugfs"],
  [0x74726163, "tracefs"],
  [0x73636673, "securityfs"],
  [0x27e0eb, "cgroup"],
  [0x63677270, "cgroup2"],
  [0x1cd1, "devpts"],
];

/**
 * Makes a folder and its missing parents, or says in one line why it cannot be one (a
 * PlandiffError, exit 2): its nearest existing ancestor must be a folder, writable, and not on a
 * pseudo file system such as /proc or /sys (where Node's recursive mkdir never returns); the
 * missing folders are then made one by one.
 */
export function makeFolder(dir: string): void {
  const missing: string[] = [];
  // Walked up as given (relative stays relative), so messages name the path as the user wrote it.
  let at = dir;
  let stats: Stats;
  for (;;) {
    try {
      stats = statSync(at);
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // ENOTDIR: a file on the way; going up finds it.
      if (code !== "ENOENT" && code !== "ENOTDIR") throw fsError(error, at);
      const up = dirname(at);
      if (up === at) throw fsError(error, at);
      missing.unshift(at);
      at = up;
    }
  }
  if (!stats.isDirectory()) {
    const needed = at === dir ? "" : ` (needed for ${dir})`;
    throw new PlandiffError("fs", `is not a folder${needed}`, at);
  }
  const type = Number(statfsSync(at).type);
  const kind = PSEUDO_FILE_SYSTEMS.find(([magic]) => magic === type)?.[1];
  if (kind)
    throw new PlandiffError(
      "fs",
      `is on the ${kind} pseudo file system, not a folder to write to`,
      at,
    );
  try {
    accessSync(at, constants.W_OK);
  } catch (error) {
    throw fsError(error, at);
  }
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (error) {
      // Made meanwhile by another run: fine if it is a folder (the next step or the lock tells).
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw fsError(error, folder);
    }
  }
}
