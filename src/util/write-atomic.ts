import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/**
 * Makes a file through a temporary sibling, which `writeTo` fills, and a rename, so no
 * half-written file is left: if anything fails, the temporary file is removed.
 */
export function writeAtomically(path: string, writeTo: (temp: string) => void): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeTo(temp);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Writes a file through a temporary sibling and a rename, so no half-written file is left. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  writeAtomically(path, (temp) => writeFileSync(temp, data));
}
