import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { SEEDS } from "../helpers/seeds.js";

function workspace(config: string): string {
  const dir = mkdtempSync(join(tmpdir(), "plandiff-cli-run-"));
  copyFileSync(SEEDS.province, join(dir, "province.txt"));
  copyFileSync(SEEDS.city, join(dir, "city.txt"));
  writeFileSync(join(dir, "plandiff.config.yaml"), config);
  return dir;
}

const GOOD =
  "documents:\n  - id: p\n    path: province.txt\n  - id: c\n    path: city.txt\n    parent: p\nformats: [json]\n";

describe("plandiff run", () => {
  it("exit 0 within thresholds; --json prints a summary", async () => {
    const dir = workspace(GOOD);
    const { code, stdout } = await runCli(["run", "--json"], { cwd: dir });
    expect(code).toBe(0);
    const summary = JSON.parse(stdout);
    expect(summary.pairs[0]).toMatchObject({ parent: "p", child: "c" });
    expect(summary.crossed).toEqual([]);
  });

  it("exit 1 when a threshold from the command line is crossed", async () => {
    const dir = workspace(GOOD);
    const { code, stdout } = await runCli(
      ["run", "--fail-on", "required-missing>0", "--fail-under", "coverage=0.99"],
      { cwd: dir },
    );
    expect(code).toBe(1);
    expect(stdout).toContain("超出阈值: required-missing");
  });

  it("exit 2 with one line per configuration problem, no stack trace", async () => {
    const dir = workspace(
      "documents:\n  - id: p\n    path: province.txt\n    parent: q\noutput: 3\n",
    );
    const { code, stderr, stdout } = await runCli(["run", "--quiet"], { cwd: dir });
    expect(code).toBe(2);
    expect(stdout).toBe("");
    const lines = stderr.trim().split("\n");
    expect(lines.length).toBeGreaterThanOrEqual(1);
    for (const line of lines) expect(line).toMatch(/^plandiff: .*plandiff\.config\.yaml: \w/);
    expect(stderr).not.toMatch(/\bat .*\(/);
  });

  it("exit 2 on a malformed threshold", async () => {
    const dir = workspace(GOOD);
    const { code, stderr } = await runCli(["run", "--fail-on", "lots"], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toContain('--fail-on: "lots"');
  });
});
