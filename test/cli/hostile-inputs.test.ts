import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ensureBuiltCli } from "../helpers/built-cli.js";
import { docxBomb, imageOnlyPdf } from "../helpers/hostile.js";
import { runCliProcess } from "../helpers/run-cli.js";
import { SEEDS } from "../helpers/seeds.js";

// A process of its own per input: what a user sees when hostile bytes crash the reader (a native
// abort, memory, an exception thrown outside the promise chain) is only seen from outside.
ensureBuiltCli();

const dir = mkdtempSync(join(tmpdir(), "plandiff-hostile-"));
const put = (name: string, bytes: Uint8Array | string) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

const docx = readFileSync("test/fixtures/formats/000.docx");
const cases: [string, string[], RegExp][] = [
  ["a truncated .docx", [put("truncated.docx", docx.subarray(0, 4000))], /corrupt|truncated/],
  ["a .docx zip bomb", [put("bomb.docx", docxBomb("test/fixtures/formats/000.docx"))], /zip bomb/],
  ["an encrypted PDF", ["test/fixtures/formats/encrypted.pdf"], /encrypted|password/],
  ["a PDF without text", [put("scan.pdf", imageOnlyPdf())], /OCR/],
  ["a file above --max-bytes", [SEEDS.province, "--max-bytes", "10000"], /too large.*limit/],
];

describe("hostile input: one line naming the file, exit 2, no stack trace, nothing written", () => {
  it.each(cases)("%s", (_, args, words) => {
    const out = join(dir, "never.json");
    const { code, stderr, stdout } = runCliProcess(["parse", ...args, "--out", out]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toContain(args[0] as string);
    expect(stderr).toMatch(words);
    expect(stderr).not.toMatch(/\bat .*\(/);
    expect(readdirSync(dir)).not.toContain("never.json");
  });

  it("a configuration whose document lies outside its folder", () => {
    const ws = mkdtempSync(join(tmpdir(), "plandiff-outside-"));
    copyFileSync(SEEDS.province, join(ws, "province.txt"));
    writeFileSync(
      join(ws, "plandiff.config.yaml"),
      `documents:\n  - id: p\n    path: province.txt\n  - id: c\n    path: ${join(process.cwd(), SEEDS.city)}\n    parent: p\n`,
    );
    const { code, stderr } = runCliProcess(["run", "--quiet"], { cwd: ws });
    expect(code).toBe(2);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/outside the configuration's folder.*allowOutside/);
  });
});
