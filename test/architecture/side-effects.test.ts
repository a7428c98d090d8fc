import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Library code has no process-wide side effects: no V8 flags (they are the CLI's, set once at its
 * start by src/cli/v8-flags.ts, which only src/cli.ts imports) and no built-in replaced.
 */
const CLI_ENTRY = ["src/cli.ts", "src/cli/v8-flags.ts"];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.(?:[cm]?ts|[cm]?js)$/.test(e.name) ? [path] : [];
  });
}

/** The code of a file without its comments (strings are kept: they rarely hold these words). */
const code = (path: string): string =>
  readFileSync(path, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");

/** Writes to a built-in: `Array.prototype.push = …`, `JSON.parse = …`, defineProperty on them. */
const BUILTIN_WRITE =
  /\b(?:Array\.prototype|Object\.prototype|String\.prototype|JSON|Math|Promise)\.\w+\s*=(?!=)|(?:defineProperty|defineProperties|assign|setPrototypeOf)\(\s*(?:Array\.prototype|Object\.prototype|String\.prototype|JSON|Math|Promise|globalThis)\b/;

describe("library code", () => {
  const files = sources("src").filter((f) => !CLI_ENTRY.includes(f));

  it("is scanned (the scan finds the files)", () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files).toContain(join("src", "run", "pool.ts"));
    expect(files).toContain(join("src", "ingest", "readers", "pdf.ts"));
  });

  it("sets no V8 flag", () => {
    expect(files.filter((f) => /\bsetFlagsFromString\b|\bv8\.setFlags/.test(code(f)))).toEqual([]);
  });

  it("replaces no built-in", () => {
    expect(files.filter((f) => BUILTIN_WRITE.test(code(f)))).toEqual([]);
  });

  it("leaves the CLI's V8 flags to the CLI: only src/cli.ts imports them", () => {
    expect(files.filter((f) => /cli\/v8-flags|\.\/v8-flags/.test(code(f)))).toEqual([]);
    expect(code("src/cli.ts")).toMatch(/from "\.\/cli\/v8-flags\.js"/);
  });
});
