import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { SEEDS } from "../helpers/seeds.js";

describe("usage", () => {
  it("--help on stdout, exit 0", async () => {
    const { code, stdout, stderr } = await runCli(["--help"]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    for (const command of ["parse", "compare", "run", "discover", "merge"])
      expect(stdout).toContain(command);
  });

  it.each([
    [["run", "--jobs", "0"], "a whole number from 1 to 64"],
    [["run", "--jobs", "65"], "a whole number from 1 to 64"],
    [["run", "--shard", "3/2"], "k/n with 1 ≤ k ≤ n"],
    [["run", "--shard", "half"], "k/n with 1 ≤ k ≤ n"],
    [["parse", SEEDS.province, "--max-bytes", "0"], "a positive whole number of bytes"],
    [["compare", SEEDS.province], "missing required argument 'child'"],
    [["merge", "somewhere"], "required option '-o, --output <dir>' not specified"],
    [["frobnicate"], "unknown command 'frobnicate'"],
  ])("%j: exit 2, the reason on stderr", async (args, reason) => {
    const { code, stdout, stderr } = await runCli(args);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(reason);
  });
});

describe("plandiff run --shard, then merge", () => {
  it("two shards into their own folders, merged into one run", async () => {
    const dir = mkdtempSync(join(tmpdir(), "plandiff-cli-shards-"));
    for (const [name, seed] of [
      ["province.txt", SEEDS.province],
      ["city.txt", SEEDS.city],
      ["district.txt", SEEDS.district],
    ] as const)
      copyFileSync(seed, join(dir, name));
    writeFileSync(
      join(dir, "plandiff.config.yaml"),
      "documents:\n  - id: p\n    path: province.txt\n  - id: c\n    path: city.txt\n    parent: p\n  - id: d\n    path: district.txt\n    parent: p\nformats: [json]\n",
    );
    for (const k of [1, 2]) {
      const shard = await runCli(["run", "--shard", `${k}/2`, "-o", `shard-${k}`, "-j", "1"], {
        cwd: dir,
      });
      expect(shard.stderr).toBe("");
      expect(shard.code).toBe(0);
      expect(shard.stdout).toMatch(/^p → [cd]: 正文覆盖率 /);
    }
    const merged = await runCli(["merge", "shard-1/latest", "shard-2/latest", "-o", "all"], {
      cwd: dir,
    });
    expect(merged.stderr).toBe("");
    expect(merged.code).toBe(0);
    expect(merged.stdout).toMatch(/^2 个分片，2 组比对 → .*all/);
  });
});
