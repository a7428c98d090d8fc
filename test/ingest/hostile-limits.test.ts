import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BUILT_DIR, ensureBuiltCli } from "../helpers/built-cli.js";
import { lyingDocxBomb } from "../helpers/hostile.js";
import { runCliProcess } from "../helpers/run-cli.js";

// Hostile inputs read in a process of their own (the reader built from the current source), so
// that the peak memory measured is the read's alone.
ensureBuiltCli(); // when the file loads: a build is not a test's time

const dir = mkdtempSync(join(tmpdir(), "plandiff-limits-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Reads `file` with the built reader `reader` in a child process: its error and peak RSS in MiB. */
function readInChild(module: string, reader: string, file: string) {
  const script = `
    const { readFileSync } = await import("node:fs");
    const { ${reader} } = await import(${JSON.stringify(`${BUILT_DIR}/ingest/readers/${module}`)});
    let outcome;
    try {
      const { text } = await ${reader}(readFileSync(${JSON.stringify(file)}), ${JSON.stringify(file)});
      outcome = { text };
    } catch (error) {
      outcome = { name: error.name, code: error.code, message: error.message };
    }
    console.log(JSON.stringify({ ...outcome, peakMiB: process.resourceUsage().maxRSS / 1024 }));
  `;
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    encoding: "utf8",
  });
  expect(result.stderr).toBe("");
  return JSON.parse(result.stdout) as {
    text?: string;
    name?: string;
    code?: string;
    message?: string;
    peakMiB: number;
  };
}

describe("a .docx zip bomb whose headers lie about its sizes", () => {
  it("is refused after inflating at most the limit, well under 500 MB", () => {
    const file = join(dir, "lying.docx");
    writeFileSync(file, lyingDocxBomb(1024)); // declares 4 KiB, inflates to 1 GiB
    const got = readInChild("docx.js", "docxReader", file);
    expect(got).toMatchObject({
      name: "PlandiffError",
      code: "too-large",
      message: `${file}: archive would expand to more than 100 MiB (limit 100 MiB); refusing a possible zip bomb`,
    });
    expect(got.peakMiB).toBeLessThan(400);
  }, 60_000);
});

describe("an OFD zip bomb whose headers lie about its sizes", () => {
  it("is refused by the same guard, after inflating at most the limit", () => {
    const file = join(dir, "lying.ofd");
    writeFileSync(file, lyingDocxBomb(1024));
    const got = readInChild("ofd.js", "ofdReader", file);
    expect(got).toMatchObject({
      name: "PlandiffError",
      code: "too-large",
      message: `${file}: archive would expand to more than 100 MiB (limit 100 MiB); refusing a possible zip bomb`,
    });
    expect(got.peakMiB).toBeLessThan(400);
  }, 60_000);
});

describe("an HTML page nested 20,000 levels", () => {
  it("is refused with one line and exit 2, without building the tree", () => {
    const file = join(dir, "deep.html");
    writeFileSync(file, `<html><body>${"<div>".repeat(20_000)}<p>深</p>${"</div>".repeat(20_000)}`);
    const started = Date.now();
    const { code, stdout, stderr } = runCliProcess(["parse", file]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/^plandiff: .*deep\.html: HTML nested deeper than 1000 levels/),
    ]);
    // A safety net only: the parser alone took seconds at this depth, and overflowed the stack after.
    expect(Date.now() - started).toBeLessThan(30_000);
  }, 60_000);
});
