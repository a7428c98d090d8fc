/**
 * The layering of src/ as a test (see src/README.md): every relative import of every
 * `src/**\/*.ts` (`import … from`, `export … from`, `import("…")` types, bare `import "…"`) is
 * resolved to the folder (or top-level file) it lands in and checked against `ALLOWED`.
 *
 *   util  <  model  <  text  <  stages (ingest, parse, align, diff, report: each only itself)
 *         <  {compare.ts, pipeline.ts, review/, config/}  <  discover/  <  run/
 *         <  {cli/, cli.ts, index.ts}
 *
 * A layer above the stages may import any layer below it and its own rank; a lower layer never
 * imports a higher one.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve(import.meta.dirname, "../../src");

const BASE = ["util", "model", "text"];
const STAGES = ["ingest", "parse", "align", "diff", "report"];
const UPPER: string[][] = [
  ["compare.ts", "pipeline.ts", "review", "config"],
  ["discover"],
  ["run"],
  ["cli", "cli.ts", "index.ts"],
];

/** Folder (or top-level file) → what it may import besides itself. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = (() => {
  const table: Record<string, string[]> = {
    util: [],
    model: ["util"],
    text: ["util", "model"],
  };
  for (const stage of STAGES) table[stage] = [...BASE];
  const below = [...BASE, ...STAGES];
  for (const rank of UPPER) {
    for (const layer of rank) table[layer] = [...below, ...rank.filter((l) => l !== layer)];
    below.push(...rank);
  }
  return table;
})();

/** Single files allowed an edge their folder is not, each with its reason: none today. */
const EXCEPTIONS: readonly string[] = [];

/** Edges that break the rules and are yet to be removed: none today. Keep it empty. */
const KNOWN_VIOLATIONS: readonly string[] = [];

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["'](\.{1,2}\/[^"']+)["']/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** The layer a path under src/ belongs to: its first folder, or the file itself at the top. */
function layerOf(path: string): string {
  const [first] = relative(SRC, path).split("/");
  return first as string;
}

/** Every relative import of every source file, as `file → import` paths relative to src/. */
function importEdges(): { from: string; to: string }[] {
  return sourceFiles(SRC).flatMap((file) => {
    const text = readFileSync(file, "utf8");
    return [...text.matchAll(IMPORT)].map((m) => ({
      from: relative(SRC, file),
      to: relative(SRC, resolve(dirname(file), (m[1] as string).replace(/\.js$/, ".ts"))),
    }));
  });
}

/** The edges that break the layering (each as `file → import`). */
function violations(edges: { from: string; to: string }[]): string[] {
  const out = new Set<string>();
  for (const { from, to } of edges) {
    const source = layerOf(join(SRC, from));
    const target = layerOf(join(SRC, to));
    if (source === target) continue;
    const allowed = ALLOWED[source];
    if (allowed === undefined || !allowed.includes(target)) out.add(`${from} → ${to}`);
  }
  return [...out].filter((edge) => !EXCEPTIONS.includes(edge)).sort();
}

describe("src/ layering", () => {
  const edges = importEdges();

  it("reads the imports of every source file", () => {
    expect(edges.length).toBeGreaterThan(300);
    expect(edges).toContainEqual({ from: "diff/index.ts", to: "model/finding.ts" });
  });

  it("knows every folder and top-level file of src/", () => {
    const layers = new Set(sourceFiles(SRC).map(layerOf));
    expect([...layers].filter((l) => ALLOWED[l] === undefined)).toEqual([]);
  });

  it("has no import from a higher layer or from another stage", () => {
    const found = violations(edges).filter((edge) => !KNOWN_VIOLATIONS.includes(edge));
    expect(found, `imports that break the layering of src/README.md:\n${found.join("\n")}`).toEqual(
      [],
    );
  });

  it("lists only known violations that still exist", () => {
    const found = new Set(violations(edges));
    expect(KNOWN_VIOLATIONS.filter((edge) => !found.has(edge))).toEqual([]);
  });

  it("fails on an import across stages", () => {
    expect(
      violations([
        { from: "diff/rules/citation.ts", to: "ingest/fold.ts" },
        { from: "text/fold.ts", to: "parse/level.ts" },
        { from: "run/jobs.ts", to: "cli/io.ts" },
        { from: "cli/io.ts", to: "run/jobs.ts" },
      ]),
    ).toEqual([
      "diff/rules/citation.ts → ingest/fold.ts",
      "run/jobs.ts → cli/io.ts",
      "text/fold.ts → parse/level.ts",
    ]);
  });
});
