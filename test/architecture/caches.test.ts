/**
 * Every module-level cache of src/ is made through util/caches.ts (bounded memos and weak maps)
 * or listed there: no `new Memo(` or `new WeakMap` elsewhere, and no module-level Map but the
 * listed ones.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve(import.meta.dirname, "../../src");

/** Files that document their own caches (another refactor's), and the registry itself. */
const OWN = [
  "util/caches.ts",
  "util/memo.ts",
  "util/stable-json.ts",
  "run/pool.ts",
  "ingest/readers/pdf.ts",
];

/** Module-level maps listed in util/caches.ts `CACHES`. */
const LISTED_MAPS = ["align/tfidf.ts: vocabulary", "text/load-lexicon.ts: cache"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

const files = sourceFiles(SRC)
  .map((path) => ({ file: relative(SRC, path), text: readFileSync(path, "utf8") }))
  .filter(({ file }) => !OWN.includes(file));

describe("module-level caches", () => {
  it("are made through util/caches.ts", () => {
    const made = files.flatMap(({ file, text }) =>
      [...text.matchAll(/new (Memo|WeakMap)\b/g)].map((m) => `${file}: new ${m[1]}`),
    );
    expect(made).toEqual([]);
  });

  it("are no module-level Map but the listed ones", () => {
    const maps = files.flatMap(({ file, text }) =>
      [...text.matchAll(/^(?:export )?(?:const|let) (\w+)(?:: [^=]+)? = new Map\b/gm)].map(
        (m) => `${file}: ${m[1]}`,
      ),
    );
    expect(maps.sort()).toEqual(LISTED_MAPS);
  });
});
