import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { PlandiffError } from "./errors.js";

/**
 * Makes a file through a temporary sibling, which `writeTo` fills, and a rename, so no
 * half-written file is left: if anything fails, the temporary file is removed. A failure of the
 * file system is thrown as a PlandiffError naming the file and the cause (see `fsError`).
 */
export function writeAtomically(path: string, writeTo: (temp: string) => void): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeTo(temp);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw fsError(error, path);
  }
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
  return new PlandiffError("fs", `${m[2]} (${code})`, where);
}
