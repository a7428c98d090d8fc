import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";

describe("plandiff merge", () => {
  it("exit 2 with one line naming a run folder that does not exist", async () => {
    const dir = mkdtempSync(join(tmpdir(), "plandiff-merge-"));
    const { code, stderr } = await runCli([
      "merge",
      join(dir, "nowhere"),
      "--output",
      join(dir, "out"),
    ]);
    expect(code).toBe(2);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toContain(join(dir, "nowhere"));
    expect(stderr).toContain("no such run folder");
  });

  it("exit 2 with one line naming a folder that holds no run", async () => {
    const dir = mkdtempSync(join(tmpdir(), "plandiff-merge-"));
    const { code, stderr } = await runCli(["merge", dir, "--output", join(dir, "out")]);
    expect(code).toBe(2);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toContain(dir);
    expect(stderr).toContain("run.json");
  });
});
