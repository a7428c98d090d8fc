import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { escapeControl, fileSystemErrorLine } from "../../src/util/errors.js";
import { ensureBuiltCli } from "../helpers/built-cli.js";
import { docxBomb, imageOnlyPdf } from "../helpers/hostile.js";
import { runCli, runCliProcess } from "../helpers/run-cli.js";
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

describe("error lines stay one line and name the path (in-process)", () => {
  it("a newline or escape code in a file name is shown escaped", async () => {
    const name = join(dir, "a\nb\u001b[2J.txt");
    writeFileSync(name, "");
    const { code, stderr } = await runCli(["parse", name]);
    expect(code).toBe(2);
    expect(stderr).toBe(`plandiff: ${join(dir, "a\\nb\\u001b[2J.txt")}: file is empty\n`);
  });

  it("a newline in the name of a configuration is shown escaped", async () => {
    const ws = mkdtempSync(join(tmpdir(), "plandiff-newline-"));
    writeFileSync(join(ws, "x\ny.yaml"), "documents: [\n");
    const { code, stderr } = await runCli(["run", "--config", "x\ny.yaml"], { cwd: ws });
    expect(code).toBe(2);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toContain("x\\ny.yaml: not valid YAML");
  });

  it("a newline in a threshold given on the command line stays on its line", async () => {
    const { code, stderr } = await runCli(["run", "--fail-on", "x\ny"], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toBe('plandiff: --fail-on: "x\\ny" is not like required-missing>0\n');
  });

  it("a file-system error writing the output names the path and the cause, not 'internal error'", async () => {
    const ws = mkdtempSync(join(tmpdir(), "plandiff-fs-"));
    mkdirSync(join(ws, "reports"));
    writeFileSync(join(ws, "file"), "");
    const into = await runCli(["parse", resolve(SEEDS.city), "--out", "reports"], { cwd: ws });
    expect(into.code).toBe(2);
    expect(into.stderr).toBe("plandiff: reports: is a folder, not a file (EISDIR)\n");
    const below = await runCli(["parse", resolve(SEEDS.city), "--out", "file/x.json"], { cwd: ws });
    expect(below.code).toBe(2);
    expect(below.stderr.trim().split("\n")).toHaveLength(1);
    expect(below.stderr).toMatch(/^plandiff: (.*\/)?file: is not a folder\n$/);
  });

  it("permission and space errors read as such", () => {
    const error = (code: string, path: string) =>
      Object.assign(new Error(`${code}: boom`), { code, path, syscall: "open" });
    expect(fileSystemErrorLine(error("EACCES", "reports/x"))).toBe(
      "reports/x: permission denied (EACCES)",
    );
    expect(fileSystemErrorLine(error("ENOSPC", "a\nb"))).toBe(
      "a\\nb: no space left on device (ENOSPC)",
    );
    expect(fileSystemErrorLine(error("EROFS", "r"))).toBe("r: read-only file system (EROFS)");
    expect(fileSystemErrorLine(new Error("plain"))).toBeNull();
    expect(escapeControl("a\r\n\tb\u0085\u2028")).toBe("a\\r\\n\\tb\\u0085\\u2028");
    expect(escapeControl("\u202efdp.exe\u2066")).toBe("\\u202efdp.exe\\u2066");
  });
});
