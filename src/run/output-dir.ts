import { accessSync, constants, mkdirSync, type Stats, statfsSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { PlandiffError } from "../util/errors.js";
import { fsError } from "../util/write-atomic.js";

/** File systems that hold no folders of ours (statfs magic numbers, Linux). */
const PSEUDO_FILE_SYSTEMS = new Map<number, string>([
  [0x9fa0, "proc"],
  [0x62656572, "sysfs"],
  [0x64626720, "debugfs"],
  [0x74726163, "tracefs"],
  [0x73636673, "securityfs"],
  [0x27e0eb, "cgroup"],
  [0x63677270, "cgroup2"],
  [0x1cd1, "devpts"],
]);

/**
 * Makes the output folder, or says in one line why it cannot be one, before any work: its
 * nearest existing ancestor must be a folder, writable, and not on a pseudo file system such as
 * /proc or /sys (where Node's recursive mkdir never returns); the missing folders are then made
 * one by one.
 */
export function makeOutputDir(dir: string): void {
  const missing: string[] = [];
  let at = resolve(dir);
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
  if (!stats.isDirectory())
    throw new PlandiffError("output", `is not a folder, so the output folder cannot be made`, at);
  const kind = PSEUDO_FILE_SYSTEMS.get(Number(statfsSync(at).type));
  if (kind)
    throw new PlandiffError(
      "output",
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
