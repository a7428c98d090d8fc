import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, expect } from "vitest";
import { readSource } from "../../src/ingest/index.js";
import { PlandiffError } from "../../src/util/errors.js";

/**
 * A scratch folder for one test file's hostile inputs (removed after the file): `put` writes a
 * file into it, `readError` reads one expecting the one-line refusal that names it.
 */
export function hostileFolder(prefix: string): {
  dir: string;
  put: (name: string, bytes: Uint8Array | string) => string;
  readError: (file: string) => Promise<PlandiffError>;
} {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    put(name, bytes) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, bytes);
      return file;
    },
    async readError(file) {
      const error: unknown = await readSource(file).then(
        () => null,
        (e: unknown) => e,
      );
      if (!(error instanceof PlandiffError))
        throw new Error(`expected a PlandiffError, got ${error}`);
      expect(error.file).toBe(file);
      expect(error.message.split("\n")).toHaveLength(1);
      return error;
    },
  };
}
