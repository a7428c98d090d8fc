import { spawn, spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { ensureBuiltCli } from "../helpers/built-cli.js";
import { runCliProcess } from "../helpers/run-cli.js";
import { SEEDS } from "../helpers/seeds.js";

/**
 * What only a real process shows; everything else about the CLI is tested in-process (runCli).
 * The CLI is the one built from the current source (dist-test/cli.js).
 */
const CLI = ensureBuiltCli();
const NO_STACK = /\bat .*\(|\n\s+at /;

describe("the plandiff process", () => {
  it("exit 1 from process.exitCode, with the whole JSON on stdout and nothing on stderr", () => {
    const { code, stdout, stderr } = runCliProcess([
      "compare",
      SEEDS.province,
      SEEDS.city,
      "--fail-on",
      "high",
    ]);
    expect(code).toBe(1);
    expect(stderr).toBe("");
    expect(JSON.parse(stdout).summary.body.parentTasks).toBe(41);
  });

  it("exit 2 with one line on stderr, none on stdout, no stack trace, on a missing file", () => {
    const { code, stdout, stderr } = runCliProcess(["parse", "nowhere.txt"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toEqual([expect.stringMatching(/^plandiff: .*nowhere\.txt/)]);
    expect(stderr).not.toMatch(NO_STACK);
  });

  it("exit 2 on a usage error, the message and help on stderr; --version on stdout", () => {
    const usage = runCliProcess(["parse", SEEDS.province, "--format", "pdf"]);
    expect(usage.code).toBe(2);
    expect(usage.stdout).toBe("");
    expect(usage.stderr).toMatch(/error: option .*--format.* argument 'pdf' is invalid/);
    expect(usage.stderr).toContain("Usage: plandiff parse");
    const version = runCliProcess(["--version"]);
    expect(version).toEqual({ code: 0, stdout: "0.1.0\n", stderr: "" });
  });

  it("stops quietly, exit 0, when the reader closes the pipe early (| head)", () => {
    const shell = spawnSync(
      "bash",
      [
        "-c",
        `set -o pipefail; "${process.execPath}" "${CLI}" parse "${SEEDS.gazette}" | head -c 10`,
      ],
      { encoding: "utf8" },
    );
    expect(shell.stdout).toBe('{\n  "docum'.slice(0, 10));
    // The two documents of the bundle without tasks are reported; no EPIPE error, no stack trace.
    for (const line of shell.stderr.trim().split("\n"))
      expect(line).toMatch(/^plandiff: warning: .*#\d+: no recognisable tasks$/);
    expect(shell.status).toBe(0);
  });

  it("runs as an executable through its shebang", () => {
    expect(readFileSync(CLI, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
    const direct = spawnSync(CLI, ["--version"], { encoding: "utf8" });
    expect(direct.status).toBe(0);
    expect(direct.stdout).toBe("0.1.0\n");
  });

  it("run from another folder: paths relative to it, shown as typed", () => {
    const dir = mkdtempSync(join(tmpdir(), "plandiff-elsewhere-"));
    copyFileSync(SEEDS.province, join(dir, "province.txt"));
    const { code, stderr } = runCliProcess(["parse", "province.txt", "-o", "out/p.json"], {
      cwd: dir,
    });
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const parsed = JSON.parse(readFileSync(join(dir, "out", "p.json"), "utf8"));
    expect(parsed.documents[0].file).toBe("province.txt");
  });

  it("a run killed by SIGTERM leaves the last run in place, removes its work folder, releases the lock, and the next run goes ahead", async () => {
    const dir = mkdtempSync(join(tmpdir(), "plandiff-signal-"));
    copyFileSync(SEEDS.province, join(dir, "province.txt"));
    copyFileSync(SEEDS.city, join(dir, "city.txt"));
    copyFileSync(SEEDS.gazette, join(dir, "gazette.txt"));
    const children = Array.from(
      { length: 10 },
      (_, n) => `  - id: g${n + 1}\n    path: gazette.txt#${n + 1}\n    parent: p\n`,
    ).join("");
    const config = (more: string) =>
      `documents:\n  - id: p\n    path: province.txt\n  - id: c\n    path: city.txt\n    parent: p\n${more}formats: [json]\n`;
    writeFileSync(join(dir, "plandiff.config.yaml"), config(""));
    expect(runCliProcess(["run", "--quiet"], { cwd: dir }).code).toBe(0);
    const first = realpathSync(join(dir, "reports", "latest"));

    writeFileSync(join(dir, "plandiff.config.yaml"), config(children));
    const child = spawn(process.execPath, [CLI, "run", "--quiet"], { cwd: dir, stdio: "ignore" });
    const exited = new Promise<NodeJS.Signals | null>((done) =>
      child.on("exit", (_, signal) => done(signal)),
    );
    const lock = join(dir, "reports", ".plandiff.lock");
    while (!existsSync(lock) && child.exitCode === null) await new Promise((r) => setTimeout(r, 5));
    child.kill("SIGTERM");
    expect(await exited).toBe("SIGTERM");
    expect(realpathSync(join(dir, "reports", "latest"))).toBe(first);
    // It cleaned up on its way out: no work folder, no lock.
    expect(readdirSync(join(dir, "reports", "runs"))).toEqual([basename(first)]);
    expect(readdirSync(join(dir, "reports")).sort()).toEqual(["latest", "runs"]);

    // A run killed outright (SIGKILL) leaves its lock and work folder: the next run takes the
    // lock over (its process is gone) and removes the work folder.
    const killed = spawn(process.execPath, [CLI, "run", "--quiet"], { cwd: dir, stdio: "ignore" });
    const gone = new Promise<NodeJS.Signals | null>((done) =>
      killed.on("exit", (_, signal) => done(signal)),
    );
    const partial = () =>
      readdirSync(join(dir, "reports", "runs")).some((name) => name.endsWith(".partial"));
    while (!partial() && killed.exitCode === null) await new Promise((r) => setTimeout(r, 5));
    killed.kill("SIGKILL");
    expect(await gone).toBe("SIGKILL");
    expect(existsSync(lock)).toBe(true);
    expect(partial()).toBe(true);

    writeFileSync(join(dir, "plandiff.config.yaml"), config(""));
    const again = runCliProcess(["run", "--quiet"], { cwd: dir });
    expect(again.stderr).toBe("");
    expect(again.code).toBe(0);
    expect(realpathSync(join(dir, "reports", "latest"))).not.toBe(first);
    expect(partial()).toBe(false);
    expect(readdirSync(join(dir, "reports")).sort()).toEqual(["latest", "runs"]);
  });
});
