import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseFile } from "../../src/pipeline.js";
import { isPlandiffError } from "../../src/util/errors.js";
import { SEEDS } from "../helpers/seeds.js";

const dir = mkdtempSync(join(tmpdir(), "plandiff-bytes-"));
let n = 0;

/** Reads bytes as a file with `ext`: it must give documents or a PlandiffError, nothing else. */
async function survives(bytes: Uint8Array, ext: string): Promise<boolean> {
  const path = join(dir, `f${n++}.${ext}`);
  writeFileSync(path, bytes);
  try {
    await parseFile(path);
    return true;
  } catch (error) {
    if (isPlandiffError(error)) return true;
    throw error;
  }
}

const EXTENSIONS = ["txt", "md", "html", "docx", "pdf", "doc", "wps", "ofd", "bin"];
const seed = new Uint8Array(readFileSync(SEEDS.city));
const docx = new Uint8Array(readFileSync("test/fixtures/formats/000.docx"));
const doc = new Uint8Array(readFileSync("test/fixtures/formats/000.doc"));
const ofd = new Uint8Array(readFileSync("test/fixtures/formats/000.ofd"));

describe("ingest never crashes", () => {
  it("on random bytes under any extension", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 3000 }),
        fc.constantFrom(...EXTENSIONS),
        async (bytes, ext) => {
          expect(await survives(bytes, ext)).toBe(true);
        },
      ),
      { numRuns: 120 },
    );
  });

  it("on a seed, a .docx, a .doc and an OFD with random bytes overwritten", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          ["txt", seed] as const,
          ["docx", docx] as const,
          ["doc", doc] as const,
          ["ofd", ofd] as const,
        ),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 40 }),
        async ([ext, original], edits) => {
          const bytes = original.slice();
          for (const [at, value] of edits) bytes[at % bytes.length] = value;
          expect(await survives(bytes, ext)).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });
});
